package org.inspectorate.finding;

import org.inspectorate.system.AuditableEvent;

/** A finding was fixed at once (已修复); {@code note} says what was done. */
public record FindingFixed(long findingId, FindingStatus from, String note) implements AuditableEvent {

    @Override
    public String action() {
        return "finding.fixed";
    }

    @Override
    public String subject() {
        return "finding:" + findingId;
    }

    @Override
    public String detail() {
        return from + " -> " + FindingStatus.FIXED;
    }
}
