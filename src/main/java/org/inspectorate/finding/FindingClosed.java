package org.inspectorate.finding;

import org.inspectorate.system.AuditableEvent;

/** A verified finding was closed (已销号). */
public record FindingClosed(long findingId, FindingStatus from, String note) implements AuditableEvent {

    @Override
    public String action() {
        return "finding.closed";
    }

    @Override
    public String subject() {
        return "finding:" + findingId;
    }

    @Override
    public String detail() {
        return from + " -> " + FindingStatus.CLOSED;
    }
}
