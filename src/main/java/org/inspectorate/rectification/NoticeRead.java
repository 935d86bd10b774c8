package org.inspectorate.rectification;

import org.inspectorate.system.AuditableEvent;

/** The operator opened the issued notice for the first time: the read receipt (已读回执) ({@code rectification.notice.read}). */
public record NoticeRead(long noticeId, long operatorId, String number, String readBy) implements AuditableEvent {

    @Override
    public String action() {
        return "rectification.notice.read";
    }

    @Override
    public String subject() {
        return "rectification-notice:" + noticeId;
    }

    @Override
    public String detail() {
        return "read by " + readBy;
    }
}
