package org.inspectorate.scoring;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.inspectorate.scoring.ScoreCalculator.Mark;
import org.inspectorate.scoring.ScoreCalculator.SheetScore;

/**
 * A score sheet as its reader sees it (评分表): the check's subject, the standard's version, each item's mark and
 * score, the sheet's score, its recorded acts, and what the reader may do with it.
 */
public record ScoreSheetView(long id, ScoringSubject subject, long standardId, String standardCode,
        int standardVersion, ScoringStandard standard, ScoreSheetState state, SheetScore score,
        Map<String, MarkView> marks, List<ActRecord> acts, Instant submittedAt, String decidedBy, Instant decidedAt,
        int version, Permissions may) {

    /** One item's mark, its computed score, who marked it and when. */
    public record MarkView(Mark mark, BigDecimal score, String markedBy, Instant markedAt) {
    }

    /** A recorded act (submitted, returned, approved, reopened) with its reason. */
    public record ActRecord(String act, ScoreSheetState from, ScoreSheetState to, String reason, String actedBy,
            Instant actedAt) {
    }

    /** What the reader may do now: the pages' buttons, from {@code ScoringAccess} and the transition table. */
    public record Permissions(boolean mark, boolean submit, boolean approve, boolean returnSheet, boolean reopen) {
    }
}
