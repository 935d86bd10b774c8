package org.inspectorate.finding;

import org.inspectorate.system.AuditableEvent;

/** A finding was mitigated (已采取措施) under a rectification plan. */
public record FindingMitigated(long findingId, FindingStatus from, Finding.Rectification plan) implements AuditableEvent {

    @Override
    public String action() {
        return "finding.mitigated";
    }

    @Override
    public String subject() {
        return "finding:" + findingId;
    }

    @Override
    public String detail() {
        return from + " -> " + FindingStatus.MITIGATED;
    }
}
