package org.inspectorate.filing.attachment;

import org.inspectorate.system.AuditableEvent;

/** An operator deleted a unit's attachment ({@code filing.attachment.deleted}). */
record AttachmentDeleted(long attachmentId, long unitId, AttachmentKind kind, String fileName, String sha256) implements AuditableEvent {

    @Override
    public String action() {
        return "filing.attachment.deleted";
    }

    @Override
    public String subject() {
        return "unit:" + unitId + "/attachment:" + attachmentId;
    }

    @Override
    public String detail() {
        return kind + " " + fileName + " sha256=" + sha256;
    }
}
