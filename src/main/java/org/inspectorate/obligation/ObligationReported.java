package org.inspectorate.obligation;

import java.time.LocalDate;

import org.inspectorate.system.AuditableEvent;

/** An operator recorded the day an evaluation's result reached the filing authority ({@code obligation.reported}). */
record ObligationReported(long recordId, long unitId, LocalDate reportedOn) implements AuditableEvent {

    @Override
    public String action() {
        return "obligation.reported";
    }

    @Override
    public String subject() {
        return "obligation:" + recordId + "/unit:" + unitId;
    }

    @Override
    public String detail() {
        return reportedOn.toString();
    }
}
