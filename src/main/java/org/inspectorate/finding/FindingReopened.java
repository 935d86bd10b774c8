package org.inspectorate.finding;

import org.inspectorate.system.AuditableEvent;

/** A verified or closed finding was reopened (重新打开), by a reviewer or by an import that still sees it. */
public record FindingReopened(long findingId, FindingStatus from, String reason) implements AuditableEvent {

    @Override
    public String action() {
        return "finding.reopened";
    }

    @Override
    public String subject() {
        return "finding:" + findingId;
    }

    @Override
    public String detail() {
        return from + " -> " + FindingStatus.REOPENED;
    }
}
