package org.inspectorate.finding;

import java.time.Instant;

/** An evidence file's record (证明材料): what it belongs to, its sniffed type, size and SHA-256. */
public record EvidenceFile(long id, String ownerKind, long ownerId, long organisationId, String fileName,
        String contentType, long sizeBytes, String sha256, String uploadedBy, Instant uploadedAt) {
}
