package org.inspectorate.rectification;

import org.inspectorate.system.AuditableEvent;

/** The operator replied with its rectification per finding and its accountability report (整改及问责情况报告) ({@code rectification.reply.submitted}). */
public record ReplySubmitted(long noticeId, long operatorId, String number, int items) implements AuditableEvent {

    @Override
    public String action() {
        return "rectification.reply.submitted";
    }

    @Override
    public String subject() {
        return "rectification-notice:" + noticeId;
    }

    @Override
    public String detail() {
        return items + " items answered";
    }
}
