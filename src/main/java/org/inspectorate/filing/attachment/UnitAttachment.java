package org.inspectorate.filing.attachment;

import java.time.Instant;

/** A document attached to a network unit's detail, as listed (without its bytes). */
public record UnitAttachment(long id, long unitId, AttachmentKind kind, String fileName, String contentType,
        long size, String sha256, String uploadedBy, Instant uploadedAt) {
}
