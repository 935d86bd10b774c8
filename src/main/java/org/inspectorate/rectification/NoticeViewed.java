package org.inspectorate.rectification;

import org.inspectorate.system.AuditableEvent;

/** A notice and its items were viewed ({@code rectification.notice.viewed}). */
public record NoticeViewed(long noticeId, String view) implements AuditableEvent {

    @Override
    public String action() {
        return "rectification.notice.viewed";
    }

    @Override
    public String subject() {
        return "rectification-notice:" + noticeId;
    }

    @Override
    public String detail() {
        return view;
    }
}
