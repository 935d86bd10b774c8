package org.inspectorate.filing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;

import org.inspectorate.filing.Filing.Act;
import org.inspectorate.organisation.Province;
import org.inspectorate.system.ConflictException;
import org.inspectorate.system.InvalidInputException;
import org.junit.jupiter.api.Test;

/** The filing's transition table, walked pair by pair, and what each transition leaves behind. */
class FilingTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 3, 2);
    private static final Instant NOW = Instant.parse("2026-03-02T08:00:00Z");
    private static final FilingDeadlinePolicy DEADLINES = new FilingDeadlinePolicy(FilingRules.DECREE_11);
    private static final FilingAuthority ZHEJIANG = FilingAuthority.of(Province.ZHEJIANG);
    private static final UnitContent CONTENT = UnitValidator.validate(NetworkUnitFixtures.unitInput("表驱动单元"), TODAY);
    private static final int LOCK = 3;

    /** The allowed moves, written out independently of {@link Filing#MOVES}: from → act → to. */
    private static final Map<FilingState, Map<Act, FilingState>> EXPECTED = new EnumMap<>(Map.of(
            FilingState.DRAFT, Map.of(Act.EDIT, FilingState.DRAFT, Act.SUBMIT, FilingState.SUBMITTED),
            FilingState.RETURNED, Map.of(Act.EDIT, FilingState.DRAFT),
            FilingState.FILED, Map.of(Act.EDIT, FilingState.DRAFT, Act.DECOMMISSION, FilingState.SUBMITTED),
            FilingState.SUBMITTED, Map.of(Act.ACCEPT, FilingState.FILED, Act.RETURN, FilingState.RETURNED),
            FilingState.SUPERSEDED, Map.of()));

    private static Filing filing(FilingState state, FilingKind kind, String filingNumber) {
        return Filing.restore(new NetworkUnit(7, 42, ZHEJIANG, CONTENT, state, kind, 2,
                filingNumber == null ? null : 1, filingNumber, LocalDate.of(2026, 3, 30), null, NOW, NOW, NOW, LOCK));
    }

    /** Takes the act with valid input and the current lock version; returns the event's action. */
    private static String act(Filing f, Act act) {
        return switch (act) {
            case EDIT -> f.edit(CONTENT, DEADLINES, TODAY).event().action();
            case SUBMIT -> f.submit(LOCK, ZHEJIANG).action();
            case DECOMMISSION -> f.decommission(LOCK, ZHEJIANG, DEADLINES, TODAY).event().action();
            case ACCEPT -> f.accept(LOCK, () -> "330000-2026-000001").action();
            case RETURN -> f.returnWith(LOCK, "请补充端口说明").action();
        };
    }

    @Test
    void everyStateAllowsExactlyTheActsOfTheTableAndRefusesEveryOtherNamingTheCurrentState() {
        int allowed = 0;
        int refused = 0;
        for (FilingState from : FilingState.values()) {
            for (Act act : Act.values()) {
                FilingState to = EXPECTED.get(from).get(act);
                Filing f = filing(from, FilingKind.INITIAL, from == FilingState.FILED ? "330000-2026-000001" : null);
                if (to != null) {
                    assertThat(Filing.next(from, act)).as(from + " " + act).contains(to);
                    assertThat(act(f, act)).as(from + " " + act).startsWith("filing.");
                    allowed++;
                } else {
                    assertThat(Filing.next(from, act)).as(from + " " + act).isEmpty();
                    assertThatThrownBy(() -> act(f, act)).as(from + " " + act)
                            .isInstanceOfSatisfying(ConflictException.class, e -> {
                                if (act == Act.EDIT && from == FilingState.SUBMITTED) {
                                    assertThat(e.code()).isEqualTo("filing.conflict.underReview");
                                } else {
                                    assertThat(e.code()).isEqualTo("filing.conflict.state");
                                    assertThat(e.args()[0]).isEqualTo(from.name());
                                }
                            });
                    refused++;
                }
            }
        }
        assertThat(allowed).isEqualTo(7);
        assertThat(refused).isEqualTo(FilingState.values().length * Act.values().length - 7);
        assertThat(Filing.MOVES).isEqualTo(EXPECTED);
    }

    @Test
    void eachActCausesItsOwnEventWithTheAuditActionOfToday() {
        assertThat(act(filing(FilingState.DRAFT, FilingKind.INITIAL, null), Act.EDIT)).isEqualTo("filing.unit.updated");
        assertThat(act(filing(FilingState.RETURNED, FilingKind.INITIAL, null), Act.EDIT))
                .isEqualTo("filing.unit.updated");
        assertThat(act(filing(FilingState.FILED, FilingKind.INITIAL, "330000-2026-000001"), Act.EDIT))
                .isEqualTo("filing.change.opened");
        assertThat(act(filing(FilingState.DRAFT, FilingKind.INITIAL, null), Act.SUBMIT)).isEqualTo("filing.submitted");
        assertThat(act(filing(FilingState.FILED, FilingKind.INITIAL, "330000-2026-000001"), Act.DECOMMISSION))
                .isEqualTo("filing.decommission.submitted");
        assertThat(act(filing(FilingState.SUBMITTED, FilingKind.INITIAL, null), Act.ACCEPT))
                .isEqualTo("filing.accepted");
        assertThat(act(filing(FilingState.SUBMITTED, FilingKind.INITIAL, null), Act.RETURN))
                .isEqualTo("filing.returned");
    }

    @Test
    void aRetiredUnitCanNeitherBeEditedNorDecommissionedAgain() {
        Filing retired = filing(FilingState.FILED, FilingKind.DECOMMISSION, "330000-2026-000001");

        assertThat(retired.retired()).isTrue();
        assertThatThrownBy(() -> act(retired, Act.EDIT)).isInstanceOfSatisfying(ConflictException.class,
                e -> assertThat(e.code()).isEqualTo("filing.conflict.retired"));
        assertThatThrownBy(() -> act(retired, Act.DECOMMISSION)).isInstanceOfSatisfying(ConflictException.class,
                e -> assertThat(e.args()).containsExactly("FILED", "FILED"));
    }

    @Test
    void aStaleVersionIsAConflictAfterTheStateIsChecked() {
        Filing draft = filing(FilingState.DRAFT, FilingKind.INITIAL, null);
        Filing submitted = filing(FilingState.SUBMITTED, FilingKind.INITIAL, null);

        assertThatThrownBy(() -> draft.submit(LOCK - 1, ZHEJIANG)).isInstanceOfSatisfying(ConflictException.class,
                e -> assertThat(e.code()).isEqualTo("filing.conflict.stale"));
        assertThatThrownBy(() -> submitted.accept(LOCK + 1, () -> "x")).isInstanceOfSatisfying(
                ConflictException.class, e -> assertThat(e.code()).isEqualTo("filing.conflict.stale"));
        assertThatThrownBy(() -> draft.accept(LOCK + 1, () -> "x")).isInstanceOfSatisfying(ConflictException.class,
                e -> assertThat(e.args()).containsExactly("DRAFT", "SUBMITTED"));
    }

    @Test
    void aReturnNeedsReasonsBeforeAnythingElseIsChecked() {
        Filing draft = filing(FilingState.DRAFT, FilingKind.INITIAL, null);

        assertThatThrownBy(() -> draft.returnWith(LOCK, "  ")).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.problems()).singleElement()
                        .satisfies(p -> assertThat(p.code()).isEqualTo("filing.reasons.required")));
        assertThatThrownBy(() -> draft.returnWith(LOCK, "长".repeat(Filing.MAX_REASONS + 1)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems()).singleElement()
                        .satisfies(p -> assertThat(p.code()).isEqualTo("filing.field.tooLong")));
    }

    @Test
    void aFirstAcceptanceTakesANewNumberAndAChangeKeepsItsOwnWithTheLevelAndOperatorForTheObligations() {
        FilingAccepted first = filing(FilingState.SUBMITTED, FilingKind.INITIAL, null)
                .accept(LOCK, () -> "330000-2026-000009");
        FilingAccepted change = filing(FilingState.SUBMITTED, FilingKind.CHANGE, "330000-2026-000001")
                .accept(LOCK, () -> {
                    throw new AssertionError("a filed unit keeps its number");
                });

        assertThat(first.filingNumber()).isEqualTo("330000-2026-000009");
        assertThat(first.operatorId()).isEqualTo(42);
        assertThat(first.level()).isEqualTo(CONTENT.gradeLevel());
        assertThat(first.decommissions()).isFalse();
        assertThat(change.filingNumber()).isEqualTo("330000-2026-000001");
        assertThat(change.detail()).isEqualTo("330000-2026-000001");
        assertThat(change.subject()).isEqualTo("filing:7/v2");
    }

    @Test
    void editingAFiledUnitOpensAChangeAsANewVersionDueAfterTheChangeAndADraftIsEditedInPlace() {
        Filing.Edited change = filing(FilingState.FILED, FilingKind.INITIAL, "330000-2026-000001")
                .edit(CONTENT, DEADLINES, TODAY);
        Filing.Edited draft = filing(FilingState.DRAFT, FilingKind.INITIAL, null).edit(CONTENT, DEADLINES, TODAY);

        assertThat(change.newVersion()).isTrue();
        assertThat(change.filing().versionNo()).isEqualTo(3);
        assertThat(change.filing().kind()).isEqualTo(FilingKind.CHANGE);
        assertThat(change.filing().state()).isEqualTo(FilingState.DRAFT);
        assertThat(change.filing().dueOn()).isEqualTo(DEADLINES.changeFilingDue(TODAY));
        assertThat(draft.newVersion()).isFalse();
        assertThat(draft.filing().versionNo()).isEqualTo(2);
        assertThat(draft.filing().dueOn()).isEqualTo(DEADLINES.filingDue(CONTENT.gradingReviewedOn()));
    }

    @Test
    void aReturnedDecommissioningStaysRetiredWhenEdited() {
        Filing returned = filing(FilingState.RETURNED, FilingKind.DECOMMISSION, "330000-2026-000001");

        assertThatThrownBy(() -> returned.edit(CONTENT, DEADLINES, TODAY))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems()).singleElement()
                        .satisfies(p -> assertThat(p.code()).isEqualTo("filing.decommission.stage")));
        Filing.Decommissioned d = filing(FilingState.FILED, FilingKind.INITIAL, "330000-2026-000001")
                .decommission(LOCK, ZHEJIANG, DEADLINES, TODAY);
        assertThat(d.filing().content().lifecycleStage()).isEqualTo(LifecycleStage.RETIRED);
        assertThat(d.filing().state()).isEqualTo(FilingState.SUBMITTED);
        assertThat(d.event().detail()).isEqualTo("330000");
    }
}
