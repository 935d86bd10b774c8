package org.inspectorate.rectification;

import java.time.LocalDate;

import org.inspectorate.system.AuditableEvent;

/** A notice's deadline passed without a reply (逾期未整改), noted once ({@code rectification.notice.overdue}). */
public record NoticeOverdue(long noticeId, long operatorId, String number, LocalDate deadline) implements AuditableEvent {

    @Override
    public String action() {
        return "rectification.notice.overdue";
    }

    @Override
    public String subject() {
        return "rectification-notice:" + noticeId;
    }

    @Override
    public String detail() {
        return "due " + deadline;
    }
}
