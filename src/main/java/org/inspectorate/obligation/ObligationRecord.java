package org.inspectorate.obligation;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A recorded conformity evaluation or risk assessment of a unit.
 *
 * @param reportFileName the uploaded report's name, or {@code null} when none was uploaded
 * @param reportSha256   the SHA-256 of the uploaded report's bytes (hex)
 * @param version        optimistic-lock version: pass it back when recording the reported day
 */
public record ObligationRecord(long id, long unitId, ObligationKind kind, LocalDate performedOn, String performedBy,
        ObligationOutcome outcome, String summary, String rectification, LocalDate reportedOn, String reportFileName,
        String reportContentType, Long reportSize, String reportSha256, String recordedBy, Instant recordedAt,
        int version) {

    public boolean hasReport() {
        return reportFileName != null;
    }
}
