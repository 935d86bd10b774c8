package org.inspectorate.agency;

import java.time.LocalDate;

import org.inspectorate.system.AuditableEvent;

/** The inspector's past or present employment by an organisation was recorded ({@code until} null: still there). */
public record InspectorEmploymentAdded(long userId, long organisationId, LocalDate from, LocalDate until)
        implements AuditableEvent {

    @Override
    public String action() {
        return "agency.inspector.employment";
    }

    @Override
    public String subject() {
        return "inspector:" + userId;
    }

    @Override
    public String detail() {
        return "organisation=" + organisationId + " from=" + from + " until=" + until;
    }
}
