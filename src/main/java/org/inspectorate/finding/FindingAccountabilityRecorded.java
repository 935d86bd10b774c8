package org.inspectorate.finding;

import org.inspectorate.system.AuditableEvent;

/** The operator recorded who was responsible for a finding and what was done about it (问责). */
public record FindingAccountabilityRecorded(long findingId, Finding.Accountability accountability) implements AuditableEvent {

    @Override
    public String action() {
        return "finding.accountability.recorded";
    }

    @Override
    public String subject() {
        return "finding:" + findingId;
    }

    @Override
    public String detail() {
        return accountability.responsible();
    }
}
