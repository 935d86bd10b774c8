package org.inspectorate.sharing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.inspectorate.sharing.InspectionOverlap.Window;
import org.junit.jupiter.api.Test;

/** Overlap detection of the inspection calendar as plain Java: dates, N days, the same operator, itself. */
class InspectionOverlapTest {

    private static final LocalDate MAY_10 = LocalDate.of(2027, 5, 10);
    private static final int DAYS = 90;

    private static Window plan(long id, long operator, LocalDate from, int length) {
        return new Window(id, operator, from, from.plusDays(length), true);
    }

    @Test
    void overlappingDatesOfTheSameOperatorCollide() {
        Window candidate = plan(0, 7, MAY_10, 2);
        assertThat(InspectionOverlap.collides(candidate, plan(1, 7, MAY_10.plusDays(1), 3), 0)).isTrue();
        assertThat(InspectionOverlap.gapInDays(candidate, plan(1, 7, MAY_10.plusDays(1), 3))).isZero();
    }

    @Test
    void aVisitWithinNDaysBeforeOrAfterCollidesAndOneDayFurtherDoesNot() {
        Window candidate = plan(0, 7, MAY_10, 2);
        Window before = plan(1, 7, MAY_10.minusDays(DAYS + 2), 2); // ends exactly 90 days before May 10
        Window after = plan(2, 7, MAY_10.plusDays(2 + DAYS), 1); // starts exactly 90 days after May 12
        assertThat(InspectionOverlap.collides(candidate, before, DAYS)).isTrue();
        assertThat(InspectionOverlap.collides(candidate, after, DAYS)).isTrue();
        assertThat(InspectionOverlap.collides(candidate, plan(3, 7, MAY_10.minusDays(DAYS + 3), 2), DAYS)).isFalse();
        assertThat(InspectionOverlap.collides(candidate, plan(4, 7, MAY_10.plusDays(3 + DAYS), 1), DAYS)).isFalse();
    }

    @Test
    void anotherOperatorsPlanOnTheSameDaysDoesNotCollide() {
        assertThat(InspectionOverlap.collides(plan(0, 7, MAY_10, 2), plan(1, 8, MAY_10, 2), DAYS)).isFalse();
    }

    @Test
    void aCancelledPlanDoesNotCollide() {
        Window cancelled = new Window(1, 7, MAY_10, MAY_10, false);
        assertThat(InspectionOverlap.collides(plan(0, 7, MAY_10, 2), cancelled, DAYS)).isFalse();
    }

    @Test
    void aPlanNeverOverlapsItself() {
        Window same = plan(5, 7, MAY_10, 2);
        assertThat(InspectionOverlap.collides(same, same, DAYS)).isFalse();
    }

    @Test
    void conflictsListsOnlyTheCollidingPlansInOrder() {
        List<Window> others = List.of(plan(1, 7, MAY_10, 1), plan(2, 8, MAY_10, 1), plan(3, 7,
                MAY_10.plusDays(200), 1), plan(4, 7, MAY_10.minusDays(30), 1));
        assertThat(InspectionOverlap.conflicts(plan(0, 7, MAY_10, 2), others, DAYS)).extracting(Window::planId)
                .containsExactly(1L, 4L);
    }
}
