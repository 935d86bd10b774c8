package org.inspectorate.filing.attachment;

import org.inspectorate.system.AuditableEvent;

/** Someone downloaded a unit's attachment ({@code filing.attachment.downloaded}). */
record AttachmentDownloaded(long attachmentId, long unitId, String fileName, String sha256) implements AuditableEvent {

    @Override
    public String action() {
        return "filing.attachment.downloaded";
    }

    @Override
    public String subject() {
        return "unit:" + unitId + "/attachment:" + attachmentId;
    }

    @Override
    public String detail() {
        return fileName + " sha256=" + sha256;
    }
}
