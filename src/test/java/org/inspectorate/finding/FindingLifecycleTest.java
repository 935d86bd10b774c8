package org.inspectorate.finding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.inspectorate.system.ConflictException;
import org.inspectorate.system.InvalidInputException;
import org.junit.jupiter.api.Test;

class FindingLifecycleTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 26);

    private static final Map<FindingStatus, Set<FindingStatus>> EXPECTED = Map.of(
            FindingStatus.OPEN, EnumSet.of(FindingStatus.FIXED, FindingStatus.MITIGATED),
            FindingStatus.REOPENED, EnumSet.of(FindingStatus.FIXED, FindingStatus.MITIGATED),
            FindingStatus.FIXED, EnumSet.of(FindingStatus.VERIFIED),
            FindingStatus.MITIGATED, EnumSet.of(FindingStatus.VERIFIED),
            FindingStatus.VERIFIED, EnumSet.of(FindingStatus.CLOSED, FindingStatus.REOPENED),
            FindingStatus.CLOSED, EnumSet.of(FindingStatus.REOPENED));

    /** Takes the step to {@code to} with complete input, as the service would. */
    private static void step(FindingStatus from, FindingStatus to) {
        switch (to) {
            case FIXED -> FindingLifecycle.fix(from, "patched");
            case MITIGATED -> FindingLifecycle.mitigate(from, "blocked port", "upgrade", "王五", "2026-12-31", TODAY);
            case VERIFIED -> FindingLifecycle.verify(from, null);
            case CLOSED -> FindingLifecycle.close(from, null);
            case REOPENED -> FindingLifecycle.reopen(from, "still seen");
            default -> FindingLifecycle.require(from, to);
        }
    }

    @Test
    void everyLegalPairIsAllowedAndEveryOtherPairIsAConflictNamingTheCurrentStatus() {
        int legal = 0;
        int illegal = 0;
        for (FindingStatus from : FindingStatus.values()) {
            for (FindingStatus to : FindingStatus.values()) {
                if (EXPECTED.get(from).contains(to)) {
                    step(from, to);
                    assertThat(FindingLifecycle.allowed(from, to)).as(from + "->" + to).isTrue();
                    legal++;
                } else {
                    assertThatThrownBy(() -> step(from, to)).as(from + "->" + to)
                            .isInstanceOfSatisfying(ConflictException.class, e -> {
                                assertThat(e.code()).isEqualTo("finding.conflict.to" + to.name());
                                assertThat(e.args()).containsExactly(from.name());
                            });
                    illegal++;
                }
            }
        }
        assertThat(legal).isEqualTo(9);
        assertThat(illegal).isEqualTo(27);
    }

    @Test
    void nextStepsListExactlyTheLegalTargets() {
        for (FindingStatus from : FindingStatus.values()) {
            assertThat(FindingLifecycle.next(from)).containsExactlyInAnyOrderElementsOf(EXPECTED.get(from));
        }
    }

    @Test
    void aReopenedFindingBehavesLikeAnOpenOne() {
        assertThat(FindingLifecycle.next(FindingStatus.REOPENED)).isEqualTo(FindingLifecycle.next(FindingStatus.OPEN));
    }

    @Test
    void mitigationWithoutPlanOwnerOrDueDateNamesEachMissingField() {
        assertThatThrownBy(() -> FindingLifecycle.mitigate(FindingStatus.OPEN, "blocked", " ", null, "", TODAY))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(InvalidInputException.FieldProblem::field)
                        .containsExactly("plan", "planOwner", "planDueOn"));
    }

    @Test
    void mitigationDueDateMustBeARealDateNotInThePast() {
        assertThatThrownBy(() -> FindingLifecycle.mitigate(FindingStatus.OPEN, "m", "p", "o", "2018-09-31", TODAY))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.problems().get(0).code()).isEqualTo("finding.field.date"));
        assertThatThrownBy(() -> FindingLifecycle.mitigate(FindingStatus.OPEN, "m", "p", "o", "2026-11-25", TODAY))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.problems().get(0).code()).isEqualTo("finding.field.pastDate"));
        assertThat(FindingLifecycle.mitigate(FindingStatus.REOPENED, "m", "p", "o", "2026-11-26", TODAY).dueOn())
                .isEqualTo(TODAY);
    }

    @Test
    void fixingNeedsWhatWasDoneAndReopeningNeedsAReason() {
        assertThatThrownBy(() -> FindingLifecycle.fix(FindingStatus.OPEN, "  "))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.problems().get(0).field()).isEqualTo("fixNote"));
        assertThatThrownBy(() -> FindingLifecycle.reopen(FindingStatus.CLOSED, null))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.problems().get(0).field()).isEqualTo("reason"));
    }

    @Test
    void theStateIsCheckedBeforeTheInput() {
        assertThatThrownBy(() -> FindingLifecycle.mitigate(FindingStatus.CLOSED, null, null, null, null, TODAY))
                .isInstanceOf(ConflictException.class);
    }
}
