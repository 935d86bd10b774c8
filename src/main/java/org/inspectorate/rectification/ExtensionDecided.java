package org.inspectorate.rectification;

import java.time.LocalDate;

import org.inspectorate.system.AuditableEvent;

/** The authority granted (new deadline) or refused the extension (延期审批) ({@code rectification.extension.decided}). */
public record ExtensionDecided(long noticeId, long operatorId, String number, boolean granted, LocalDate deadline) implements AuditableEvent {

    @Override
    public String action() {
        return "rectification.extension.decided";
    }

    @Override
    public String subject() {
        return "rectification-notice:" + noticeId;
    }

    @Override
    public String detail() {
        return (granted ? "granted, due " : "refused, due ") + deadline;
    }
}
