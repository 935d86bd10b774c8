package org.inspectorate.scoring;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A version of a scoring standard as stored: its row's facts and the standard itself.
 *
 * @param id        the row (a sheet refers to it)
 * @param example   whether it is a shipped example (示例) rather than the campaign's real standard
 * @param current   whether it is the latest version of its code, the one new sheets are opened against
 */
public record StoredStandard(long id, String code, int version, String title, boolean example, BigDecimal points,
        int itemCount, String sha256, String importedBy, Instant importedAt, boolean current,
        ScoringStandard standard) {
}
