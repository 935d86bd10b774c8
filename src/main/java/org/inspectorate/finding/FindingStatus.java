package org.inspectorate.finding;

/**
 * Where a finding stands in its one life: OPEN → FIXED (fixed at once) or MITIGATED (measures and a
 * rectification plan) → VERIFIED → CLOSED; VERIFIED or CLOSED → REOPENED when a re-check still sees
 * it, and a REOPENED finding behaves like an OPEN one. SUPPRESSED (已抑制：风险接受或误报): the tool that
 * reported it marks it suppressed (a SARIF suppression, with its justification); it is owed no fix until a
 * later report shows it unsuppressed, which reopens it.
 */
public enum FindingStatus {
    OPEN, FIXED, MITIGATED, VERIFIED, CLOSED, REOPENED, SUPPRESSED;

    public String messageKey() {
        return "finding.status." + name();
    }

    /** Whether the operator still owes a fix: open, reopened or under a rectification plan. */
    public boolean unresolved() {
        return this == OPEN || this == REOPENED || this == MITIGATED;
    }
}
