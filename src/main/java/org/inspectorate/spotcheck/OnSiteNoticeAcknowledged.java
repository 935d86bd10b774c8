package org.inspectorate.spotcheck;

import org.inspectorate.system.AuditableEvent;

/** The operator acknowledged an on-site notice (签字确认): by whom, when. */
public record OnSiteNoticeAcknowledged(long spotCheckId, long findingId, String name) implements AuditableEvent {

    @Override
    public String action() {
        return "spotcheck.notice.acknowledged";
    }

    @Override
    public String subject() {
        return "finding:" + findingId;
    }

    @Override
    public String detail() {
        return "check " + spotCheckId + " by " + name;
    }
}
