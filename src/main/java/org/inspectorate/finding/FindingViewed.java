package org.inspectorate.finding;

import org.inspectorate.system.AuditableEvent;

/** Someone looked at a finding (a page or the API): an inspection result, so the view is audited. */
public record FindingViewed(long findingId, FindingStatus status) implements AuditableEvent {

    @Override
    public String action() {
        return "finding.viewed";
    }

    @Override
    public String subject() {
        return "finding:" + findingId;
    }

    @Override
    public String detail() {
        return "status=" + status;
    }
}
