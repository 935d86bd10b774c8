package org.inspectorate.finding;

import org.inspectorate.system.AuditableEvent;

/** A fixed or mitigated finding was verified (已复核) by the operator's reviewer or a regulator. */
public record FindingVerified(long findingId, FindingStatus from, String verifiedBy, String note) implements AuditableEvent {

    @Override
    public String action() {
        return "finding.verified";
    }

    @Override
    public String subject() {
        return "finding:" + findingId;
    }

    @Override
    public String detail() {
        return from + " -> " + FindingStatus.VERIFIED;
    }
}
