package org.inspectorate.filing.attachment;

import org.inspectorate.system.AuditableEvent;

/** An operator attached a file to a unit ({@code filing.attachment.added}). */
record AttachmentAdded(long attachmentId, long unitId, AttachmentKind kind, String fileName, String contentType, long size, String sha256) implements AuditableEvent {

    @Override
    public String action() {
        return "filing.attachment.added";
    }

    @Override
    public String subject() {
        return "unit:" + unitId + "/attachment:" + attachmentId;
    }

    @Override
    public String detail() {
        return kind + " " + fileName + " " + contentType + " " + size + " bytes sha256=" + sha256;
    }
}
