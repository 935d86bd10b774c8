package org.inspectorate.filing;

import org.inspectorate.system.AuditableEvent;

/**
 * A unit attachment was added ({@code filing.attachment.added}), downloaded
 * ({@code filing.attachment.downloaded}) or deleted ({@code filing.attachment.deleted}).
 */
public record UnitAttachmentEvent(String action, long attachmentId, long unitId, String detail)
        implements AuditableEvent {

    @Override
    public String subject() {
        return "unit:" + unitId + "/attachment:" + attachmentId;
    }
}
