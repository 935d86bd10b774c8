package org.inspectorate.rectification;

import org.inspectorate.system.AuditableEvent;

/** A closed finding of the notice was reopened (by a later scan or a reviewer): its item is open again ({@code rectification.item.reopened}). */
public record ItemReopened(long noticeId, long operatorId, long findingId, NoticeState noticeState) implements AuditableEvent {

    @Override
    public String action() {
        return "rectification.item.reopened";
    }

    @Override
    public String subject() {
        return "rectification-notice:" + noticeId;
    }

    @Override
    public String detail() {
        return "finding " + findingId + ", notice " + noticeState;
    }
}
