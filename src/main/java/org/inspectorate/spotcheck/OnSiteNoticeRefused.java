package org.inspectorate.spotcheck;

import org.inspectorate.system.AuditableEvent;

/** The operator refused to acknowledge an on-site notice, with its reason. */
public record OnSiteNoticeRefused(long spotCheckId, long findingId, String reason) implements AuditableEvent {

    @Override
    public String action() {
        return "spotcheck.notice.refused";
    }

    @Override
    public String subject() {
        return "finding:" + findingId;
    }

    @Override
    public String detail() {
        return "check " + spotCheckId + ": " + reason;
    }
}
