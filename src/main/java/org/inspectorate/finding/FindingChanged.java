package org.inspectorate.finding;

import org.inspectorate.system.AuditableEvent;

/**
 * A finding was opened or changed ({@code finding.opened}, {@code finding.mitigated}, …) or viewed
 * ({@code finding.viewed}, {@code finding.history.viewed}, {@code finding.evidence.viewed}), for the audit trail.
 */
public record FindingChanged(String action, long findingId, String detail) implements AuditableEvent {

    @Override
    public String subject() {
        return "finding:" + findingId;
    }
}
