package org.inspectorate.scoring;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.inspectorate.scoring.ScoreCalculator.Mark;
import org.inspectorate.scoring.ScoreCalculator.SheetScore;
import org.inspectorate.scoring.ScoringStandard.Item;
import org.inspectorate.system.ConflictException;
import org.inspectorate.system.InvalidInputException;
import org.inspectorate.system.InvalidInputException.FieldProblem;

/**
 * A spot check's score sheet (评分表) and its life: the transition table in one place, each act checking the state
 * first (a refusal names it), then the input (a refusal names the field), and only then changing anything. Plain
 * Java; {@link ScoreSheetRepository} restores and saves it, {@link ScoreSheets} asks {@link ScoringAccess} who may act.
 *
 * <pre>
 * DRAFT ──submit──▶ SUBMITTED ──approve──▶ APPROVED ──reopen(reason)──▶ REOPENED
 *   ▲ mark            │  ▲                                             mark │
 *   └─                │  └──────────submit──── RETURNED ◀─ mark           │
 *                     └──return(reasons)──────▶ RETURNED                   │
 *                        ▲──────────────────────submit────────────────────┘
 * </pre>
 * An approved sheet changes only by being reopened, a recorded act; its marks are then corrected and it is submitted
 * and decided again.
 */
final class ScoreSheet {

    /** What can happen to a sheet. */
    enum Act { MARK, SUBMIT, APPROVE, RETURN, REOPEN }

    /** The most a return's or a reopening's reason may say. */
    static final int MAX_REASON = 4000;

    private static final Map<ScoreSheetState, Map<Act, ScoreSheetState>> MOVES = new EnumMap<>(ScoreSheetState.class);

    static {
        MOVES.put(ScoreSheetState.DRAFT, Map.of(Act.MARK, ScoreSheetState.DRAFT, Act.SUBMIT, ScoreSheetState.SUBMITTED));
        MOVES.put(ScoreSheetState.SUBMITTED, Map.of(Act.APPROVE, ScoreSheetState.APPROVED,
                Act.RETURN, ScoreSheetState.RETURNED));
        MOVES.put(ScoreSheetState.RETURNED, Map.of(Act.MARK, ScoreSheetState.RETURNED,
                Act.SUBMIT, ScoreSheetState.SUBMITTED));
        MOVES.put(ScoreSheetState.APPROVED, Map.of(Act.REOPEN, ScoreSheetState.REOPENED));
        MOVES.put(ScoreSheetState.REOPENED, Map.of(Act.MARK, ScoreSheetState.REOPENED,
                Act.SUBMIT, ScoreSheetState.SUBMITTED));
    }

    /** A mark as recorded: who marked the item, when. */
    record RecordedMark(Mark mark, String markedBy, Instant markedAt) {
    }

    private final long id;
    private final ScoringSubject subject;
    private final long standardId;
    private final ScoringStandard standard;
    private final Map<String, RecordedMark> marks;
    private ScoreSheetState state;
    private SheetScore score;
    private Instant submittedAt;
    private String decidedBy;
    private Instant decidedAt;
    private final int version;

    ScoreSheet(long id, ScoringSubject subject, long standardId, ScoringStandard standard,
            Map<String, RecordedMark> marks, ScoreSheetState state, Instant submittedAt, String decidedBy,
            Instant decidedAt, int version) {
        this.id = id;
        this.subject = subject;
        this.standardId = standardId;
        this.standard = standard;
        this.marks = new LinkedHashMap<>(marks);
        this.state = state;
        this.submittedAt = submittedAt;
        this.decidedBy = decidedBy;
        this.decidedAt = decidedAt;
        this.version = version;
        this.score = compute();
    }

    /** The state {@code act} leads to from {@code from}, or none: the table, for the pages' buttons and the tests. */
    static Optional<ScoreSheetState> next(ScoreSheetState from, Act act) {
        return Optional.ofNullable(MOVES.get(from).get(act));
    }

    /** A team member marks {@code itemCode}; the sheet's score follows at once. */
    ItemScored mark(String itemCode, Mark mark, String by, Instant at) {
        ScoreSheetState to = target(Act.MARK);
        Item item = standard.item(itemCode).orElseThrow(
                () -> new InvalidInputException("item", "scoring.mark.unknownItem", itemCode));
        List<FieldProblem> problems = ScoreCalculator.check(item, mark);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        marks.put(itemCode, new RecordedMark(mark, by, at));
        state = to;
        score = compute();
        return new ItemScored(id, subject.spotCheckId(), subject.operatorId(), itemCode,
                ScoreCalculator.score(item, mark).toPlainString(), mark.reason(), mark.findingIds());
    }

    /** The leader submits the sheet, every item marked. */
    ScoreSheetSubmitted submit(Instant at) {
        ScoreSheetState to = target(Act.SUBMIT);
        if (!score.complete()) {
            throw new InvalidInputException("items", "scoring.sheet.incomplete", score.unmarked().size(),
                    String.join(", ", score.unmarked().size() > 10 ? score.unmarked().subList(0, 10) : score.unmarked()));
        }
        state = to;
        submittedAt = at;
        return new ScoreSheetSubmitted(id, subject.spotCheckId(), subject.operatorId(), score.total().toPlainString());
    }

    /** The authority approves the submitted sheet. */
    ScoreSheetApproved approve(String by, Instant at) {
        state = target(Act.APPROVE);
        decidedBy = by;
        decidedAt = at;
        return new ScoreSheetApproved(id, subject.spotCheckId(), subject.operatorId(), score.total().toPlainString(),
                !score.vetoedBy().isEmpty());
    }

    /** The authority returns the submitted sheet with its reasons. */
    ScoreSheetReturned returnWith(String reasons, String by, Instant at) {
        ScoreSheetState to = target(Act.RETURN);
        String r = requireReason(reasons, "reasons");
        state = to;
        decidedBy = by;
        decidedAt = at;
        return new ScoreSheetReturned(id, subject.spotCheckId(), subject.operatorId(), r);
    }

    /** The authority reopens an approved sheet: a recorded act with its reason. */
    ScoreSheetReopened reopen(String reason, String by, Instant at) {
        ScoreSheetState to = target(Act.REOPEN);
        String r = requireReason(reason, "reason");
        state = to;
        decidedBy = by;
        decidedAt = at;
        return new ScoreSheetReopened(id, subject.spotCheckId(), subject.operatorId(), r);
    }

    private static String requireReason(String reason, String field) {
        String r = reason == null ? "" : reason.strip();
        if (r.isEmpty()) {
            throw new InvalidInputException(field, "scoring.sheet.reasonRequired");
        }
        if (r.length() > MAX_REASON) {
            throw new InvalidInputException(field, "scoring.sheet.reasonTooLong", MAX_REASON);
        }
        return r;
    }

    private ScoreSheetState target(Act act) {
        return next(state, act).orElseThrow(() -> new ConflictException("scoring.conflict.state", act.name(),
                state.name()));
    }

    private SheetScore compute() {
        Map<String, Mark> byItem = new LinkedHashMap<>();
        marks.forEach((code, m) -> byItem.put(code, m.mark()));
        return ScoreCalculator.compute(standard, byItem);
    }

    long id() {
        return id;
    }

    ScoringSubject subject() {
        return subject;
    }

    long standardId() {
        return standardId;
    }

    ScoringStandard standard() {
        return standard;
    }

    Map<String, RecordedMark> marks() {
        return Collections.unmodifiableMap(marks);
    }

    ScoreSheetState state() {
        return state;
    }

    SheetScore score() {
        return score;
    }

    Instant submittedAt() {
        return submittedAt;
    }

    String decidedBy() {
        return decidedBy;
    }

    Instant decidedAt() {
        return decidedAt;
    }

    int version() {
        return version;
    }
}
