package org.inspectorate.rectification;

import org.inspectorate.system.AuditableEvent;

/** Verification rejected items of the reply: back to the operator with reasons (退回整改) ({@code rectification.reply.returned}). */
public record ReplyReturned(long noticeId, long operatorId, String number, int rejected) implements AuditableEvent {

    @Override
    public String action() {
        return "rectification.reply.returned";
    }

    @Override
    public String subject() {
        return "rectification-notice:" + noticeId;
    }

    @Override
    public String detail() {
        return rejected + " items rejected";
    }
}
