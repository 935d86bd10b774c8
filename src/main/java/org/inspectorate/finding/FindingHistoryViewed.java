package org.inspectorate.finding;

import org.inspectorate.system.AuditableEvent;

/** Someone read a finding's history through the API. */
public record FindingHistoryViewed(long findingId, int entries) implements AuditableEvent {

    @Override
    public String action() {
        return "finding.history.viewed";
    }

    @Override
    public String subject() {
        return "finding:" + findingId;
    }

    @Override
    public String detail() {
        return "entries=" + entries;
    }
}
