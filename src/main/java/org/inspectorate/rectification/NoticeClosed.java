package org.inspectorate.rectification;

import org.inspectorate.system.AuditableEvent;

/** Every item was accepted: the notice is closed (整改闭环) ({@code rectification.notice.closed}). */
public record NoticeClosed(long noticeId, long operatorId, String number) implements AuditableEvent {

    @Override
    public String action() {
        return "rectification.notice.closed";
    }

    @Override
    public String subject() {
        return "rectification-notice:" + noticeId;
    }

    @Override
    public String detail() {
        return number;
    }
}
