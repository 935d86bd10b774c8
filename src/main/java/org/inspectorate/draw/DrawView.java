package org.inspectorate.draw;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A draw (双随机抽取) as pages and the API read it: what it draws from, where it stands, and the published
 * commitment; a read-only view (the lifecycle is the aggregate {@link Draw}'s). The secret seed is never part of it.
 *
 * @param provinceCode the province whose authority runs the draw; {@code null} for the Ministry's
 * @param version      optimistic-lock version: pass it back when editing a draft
 * @param redrawReason the reason of a re-draw awaiting approval (state REDRAW_REQUESTED), else {@code null}
 */
public record DrawView(long id, String title, String provinceCode, long rulesId, String rulesName, int rulesVersion,
        String filterProvince, String filterOperatorType, String filterCategory, String filterGrade,
        String inspectorSkills, LocalDate drawDate, DrawState state, String preparedBy, String approvedBy,
        Instant scheduledAt, String snapshotHash, String seedHash, String rulesHash, String commitmentDigest,
        String publishedBy, Instant publishedAt, Instant createdAt, int version, String redrawReason,
        String redrawRequestedBy, Instant redrawRequestedAt) {

    public boolean editable() {
        return state == DrawState.DRAFT;
    }

    /** Whether a round has been drawn and is in force (a re-draw awaiting approval leaves it so). */
    public boolean drawn() {
        return Draw.roundInForce(state);
    }
}
