package org.inspectorate.rectification;

import org.inspectorate.system.AuditableEvent;

/** An officer drafted a rectification notice (整改通知书草稿) to an operator covering findings ({@code rectification.notice.drafted}). */
public record NoticeDrafted(long noticeId, long operatorId, int items) implements AuditableEvent {

    @Override
    public String action() {
        return "rectification.notice.drafted";
    }

    @Override
    public String subject() {
        return "rectification-notice:" + noticeId;
    }

    @Override
    public String detail() {
        return "operator " + operatorId + ", " + items + " findings";
    }
}
