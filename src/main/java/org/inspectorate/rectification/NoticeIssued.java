package org.inspectorate.rectification;

import java.time.LocalDate;

import org.inspectorate.system.AuditableEvent;

/** A notice was issued with its number and deadline (下发整改通知书); the operator is to be told ({@code rectification.notice.issued}). */
public record NoticeIssued(long noticeId, long operatorId, String number, LocalDate deadline, Long supersedes, boolean followUp) implements AuditableEvent {

    @Override
    public String action() {
        return "rectification.notice.issued";
    }

    @Override
    public String subject() {
        return "rectification-notice:" + noticeId;
    }

    @Override
    public String detail() {
        return number + " due " + deadline + (supersedes == null ? "" : (followUp ? " follows up " : " supersedes ") + supersedes);
    }
}
