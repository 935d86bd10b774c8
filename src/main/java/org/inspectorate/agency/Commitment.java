package org.inspectorate.agency;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A signed confidentiality commitment (保密承诺书) of an agency ({@code userId} null) or of one inspector:
 * the file's name, type, size and SHA-256 and its validity (inclusive). The file itself is read separately.
 */
public record Commitment(long id, long agencyId, Long userId, LocalDate signedOn, LocalDate validFrom,
        LocalDate validUntil, String fileName, String contentType, int sizeBytes, String sha256, String uploadedBy,
        Instant uploadedAt) {

    public boolean validOn(LocalDate day) {
        return !validFrom.isAfter(day) && !validUntil.isBefore(day);
    }
}
