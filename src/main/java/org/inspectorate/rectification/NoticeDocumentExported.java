package org.inspectorate.rectification;

import org.inspectorate.system.AuditableEvent;

/** A notice's formal document was downloaded (DOCX or PDF) ({@code rectification.notice.exported}). */
public record NoticeDocumentExported(long noticeId, String format) implements AuditableEvent {

    @Override
    public String action() {
        return "rectification.notice.exported";
    }

    @Override
    public String subject() {
        return "rectification-notice:" + noticeId;
    }

    @Override
    public String detail() {
        return format;
    }
}
