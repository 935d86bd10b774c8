package org.inspectorate.finding;

import org.inspectorate.system.AuditableEvent;

/** A finding the reporting tool marks suppressed (已抑制: accepted risk or false positive), with its justification. */
public record FindingSuppressed(long findingId, FindingStatus from, String justification) implements AuditableEvent {

    @Override
    public String action() {
        return "finding.suppressed";
    }

    @Override
    public String subject() {
        return "finding:" + findingId;
    }

    @Override
    public String detail() {
        return from + " -> " + FindingStatus.SUPPRESSED;
    }
}
