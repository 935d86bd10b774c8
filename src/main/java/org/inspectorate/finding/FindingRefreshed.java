package org.inspectorate.finding;

import org.inspectorate.system.AuditableEvent;

/** An import refreshed a finding's descriptive fields (title, severity, references, …) under its dedup key. */
public record FindingRefreshed(long findingId, String dedupKey) implements AuditableEvent {

    @Override
    public String action() {
        return "finding.refreshed";
    }

    @Override
    public String subject() {
        return "finding:" + findingId;
    }

    @Override
    public String detail() {
        return dedupKey;
    }
}
