package org.inspectorate.spotcheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.inspectorate.system.ConflictException;
import org.inspectorate.system.InvalidInputException;
import org.junit.jupiter.api.Test;

/** The spot check's transition table, walked for every pair of states, and what each act checks. */
class SpotCheckLifecycleTest {

    static final LocalDate TODAY = LocalDate.of(2026, 12, 8);
    static final Instant NOW = Instant.parse("2026-12-08T02:00:00Z");

    static SpotCheckView inState(SpotCheckState state) {
        return new SpotCheckView(7, 70L, 3L, 100, "110000", List.of(1000L), "110000", 11, List.of(12L, 13L), state,
                state == SpotCheckState.PLANNED ? Set.of() : Set.of(InspectionMethod.INTERVIEW), TODAY,
                state == SpotCheckState.PLANNED ? null : TODAY, state == SpotCheckState.PLANNED ? null : TODAY.plusDays(2),
                null, null, null, state == SpotCheckState.PLANNED ? null : NOW, null, null, "draw:3", NOW, 0);
    }

    /** Performs {@code act} on a check in {@code from} and answers the state it leads to. */
    static SpotCheckState perform(SpotCheckState from, SpotCheck.Act act) {
        SpotCheck check = SpotCheck.restore(inState(from));
        switch (act) {
            case SCHEDULE -> check.schedule(EnumSet.of(InspectionMethod.DOCUMENT_REVIEW), TODAY, TODAY.plusDays(1),
                    "网络安全管理制度", TODAY, NOW);
            case START -> check.start(TODAY);
            case REPORT -> check.report(TODAY.plusDays(1));
            case CANCEL -> check.cancel("被检查单位已注销");
        }
        return check.state();
    }

    @Test
    void everyPairOfStatesIsEitherOneActOfTheTableOrRefusedNamingTheState() {
        for (SpotCheckState from : SpotCheckState.values()) {
            for (SpotCheck.Act act : SpotCheck.Act.values()) {
                SpotCheckState expected = SpotCheck.MOVES.get(from).get(act);
                if (expected == null) {
                    assertThatThrownBy(() -> perform(from, act)).as("%s from %s", act, from)
                            .isInstanceOf(ConflictException.class)
                            .satisfies(e -> assertThat(((ConflictException) e).args()).contains(from.name()));
                } else {
                    assertThat(perform(from, act)).as("%s from %s", act, from).isEqualTo(expected);
                }
            }
            for (SpotCheckState to : SpotCheckState.values()) {
                boolean reachable = SpotCheck.MOVES.get(from).containsValue(to);
                boolean expected = switch (from) {
                    case PLANNED -> to == SpotCheckState.SCHEDULED || to == SpotCheckState.CANCELLED;
                    case SCHEDULED -> to == SpotCheckState.SCHEDULED || to == SpotCheckState.IN_PROGRESS
                            || to == SpotCheckState.CANCELLED;
                    case IN_PROGRESS -> to == SpotCheckState.REPORTED;
                    case REPORTED, CANCELLED -> false;
                };
                assertThat(reachable).as("%s → %s", from, to).isEqualTo(expected);
            }
        }
    }

    @Test
    void theFirstSchedulingTellsTheOperatorAndARescheduleDoesNotAgain() {
        SpotCheck check = SpotCheck.restore(inState(SpotCheckState.PLANNED));
        SpotCheckScheduled first = check.schedule(EnumSet.of(InspectionMethod.REMOTE_PENETRATION), TODAY.plusDays(3),
                TODAY.plusDays(5), "  资产清单  ", TODAY, NOW);
        assertThat(first.first()).isTrue();
        assertThat(check.view().scheduledAt()).isEqualTo(NOW);
        assertThat(check.view().documents()).isEqualTo("资产清单");
        SpotCheckScheduled again = check.schedule(EnumSet.of(InspectionMethod.INTERVIEW), TODAY.plusDays(4),
                TODAY.plusDays(4), null, TODAY, NOW.plusSeconds(60));
        assertThat(again.first()).isFalse();
        assertThat(check.view().scheduledAt()).isEqualTo(NOW);
        assertThat(check.view().methods()).containsExactly(InspectionMethod.INTERVIEW);
    }

    @Test
    void aScheduleWithoutMethodsInThePastOrEndingBeforeItStartsIsRefusedFieldByFieldAndChangesNothing() {
        SpotCheck check = SpotCheck.restore(inState(SpotCheckState.PLANNED));
        assertThatThrownBy(() -> check.schedule(Set.of(), TODAY.minusDays(1), TODAY.minusDays(2), null, TODAY, NOW))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).problems())
                        .extracting(InvalidInputException.FieldProblem::field)
                        .containsExactly("methods", "startsOn", "endsOn"));
        assertThat(check.state()).isEqualTo(SpotCheckState.PLANNED);
        assertThat(check.view().scheduledAt()).isNull();
    }

    @Test
    void cancellingNeedsAReasonAndStartingRecordsTheDayForTheDrawsPlannedCheck() {
        SpotCheck planned = SpotCheck.restore(inState(SpotCheckState.PLANNED));
        assertThatThrownBy(() -> planned.cancel("  ")).isInstanceOf(InvalidInputException.class);
        assertThat(planned.state()).isEqualTo(SpotCheckState.PLANNED);
        SpotCheck scheduled = SpotCheck.restore(inState(SpotCheckState.SCHEDULED));
        SpotCheckStarted started = scheduled.start(TODAY);
        assertThat(started.plannedCheckId()).isEqualTo(70L);
        assertThat(scheduled.view().startedOn()).isEqualTo(TODAY);
    }
}
