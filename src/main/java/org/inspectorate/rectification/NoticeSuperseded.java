package org.inspectorate.rectification;

import org.inspectorate.system.AuditableEvent;

/** An issued notice was superseded by a correcting or follow-up notice (被更正或后续通知书取代) ({@code rectification.notice.superseded}). */
public record NoticeSuperseded(long noticeId, long operatorId, String number, long supersededBy) implements AuditableEvent {

    @Override
    public String action() {
        return "rectification.notice.superseded";
    }

    @Override
    public String subject() {
        return "rectification-notice:" + noticeId;
    }

    @Override
    public String detail() {
        return "superseded by " + supersededBy;
    }
}
