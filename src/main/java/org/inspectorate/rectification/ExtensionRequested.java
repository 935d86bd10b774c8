package org.inspectorate.rectification;

import java.time.LocalDate;

import org.inspectorate.system.AuditableEvent;

/** The operator asked once for more time, with reasons (延期申请) ({@code rectification.extension.requested}). */
public record ExtensionRequested(long noticeId, long operatorId, String number, LocalDate until) implements AuditableEvent {

    @Override
    public String action() {
        return "rectification.extension.requested";
    }

    @Override
    public String subject() {
        return "rectification-notice:" + noticeId;
    }

    @Override
    public String detail() {
        return "until " + until;
    }
}
