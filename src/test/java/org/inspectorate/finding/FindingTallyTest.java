package org.inspectorate.finding;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class FindingTallyTest {

    private static final LocalDate OPENED = LocalDate.of(2026, 3, 1);
    private static final LocalDate DUE = LocalDate.of(2026, 4, 1);
    private static final LocalDate PLAN_DUE = LocalDate.of(2026, 6, 1);

    private static FindingTally.Key key(FindingStatus status) {
        return FindingTally.Key.of(1, Severity.HIGH, Category.VULNERABILITY, status, null, OPENED, DUE, PLAN_DUE);
    }

    @Test
    void anOpenOrReopenedFindingCountsWithItsOwnDueDate() {
        assertThat(key(FindingStatus.OPEN).dueOn()).isEqualTo(DUE);
        assertThat(key(FindingStatus.REOPENED).dueOn()).isEqualTo(DUE);
    }

    @Test
    void aMitigatedFindingCountsWithItsPlansDueDate() {
        assertThat(key(FindingStatus.MITIGATED).dueOn()).isEqualTo(PLAN_DUE);
    }

    @Test
    void datesBeforeTheHorizonAreKeptAsLongAgoBecauseTheirBucketsNeverChangeAgain() {
        LocalDate today = LocalDate.of(2026, 12, 8);
        LocalDate horizon = FindingTally.horizon(today);
        assertThat(horizon).isEqualTo(today.minusDays(181));
        assertThat(AgeBucket.of(java.time.temporal.ChronoUnit.DAYS.between(horizon, today)))
                .isEqualTo(AgeBucket.OVER_180);
        FindingTally.Key old = FindingTally.Key.of(1, Severity.HIGH, Category.VULNERABILITY, FindingStatus.OPEN, null,
                horizon.minusDays(1), horizon.minusDays(1), null, horizon);
        assertThat(old.openedOn()).isEqualTo(FindingTally.LONG_AGO);
        assertThat(old.dueOn()).isEqualTo(FindingTally.LONG_AGO);
        FindingTally.Key recent = FindingTally.Key.of(1, Severity.HIGH, Category.VULNERABILITY, FindingStatus.OPEN,
                null, horizon, horizon, null, horizon);
        assertThat(recent.openedOn()).as("the horizon itself is kept exactly").isEqualTo(horizon);
        assertThat(recent.dueOn()).isEqualTo(horizon);
        FindingTally.Key closed = FindingTally.Key.of(1, Severity.HIGH, Category.VULNERABILITY, FindingStatus.CLOSED,
                null, horizon.minusDays(1), horizon.minusDays(1), null, horizon);
        assertThat(closed.dueOn()).as("a resolved finding is never overdue").isEqualTo(FindingTally.NO_DUE);
    }

    @Test
    void aResolvedOrSuppressedFindingCountsWithNoDueDateSoItsRowsCollapse() {
        for (FindingStatus s : List.of(FindingStatus.FIXED, FindingStatus.VERIFIED, FindingStatus.CLOSED,
                FindingStatus.SUPPRESSED)) {
            assertThat(key(s).dueOn()).as(s.name()).isEqualTo(FindingTally.NO_DUE);
        }
    }

    @Test
    void anUnresolvedFindingWithoutADueDateCanNeverBeOverdue() {
        FindingTally.Key k = FindingTally.Key.of(1, Severity.LOW, Category.MISCONFIGURATION, FindingStatus.MITIGATED,
                "2018", OPENED, DUE, null);
        assertThat(k.dueOn()).isEqualTo(FindingTally.NO_DUE);
        assertThat(k.campaign()).isEqualTo("2018");
    }

    @Test
    void noCampaignIsCountedAsTheEmptyCode() {
        assertThat(key(FindingStatus.OPEN).campaign()).isEmpty();
    }

    @Test
    void aDeltaNetsEachKeyAndDropsWhatCancelsOut() {
        FindingTally.Delta d = new FindingTally.Delta();
        d.addAll(Map.of(key(FindingStatus.OPEN), 3L, key(FindingStatus.FIXED), 1L), -1);
        d.addAll(Map.of(key(FindingStatus.OPEN), 2L, key(FindingStatus.FIXED), 1L, key(FindingStatus.CLOSED), 1L), 1);
        assertThat(d.changes()).containsExactly(Map.entry(key(FindingStatus.OPEN), -1L),
                Map.entry(key(FindingStatus.CLOSED), 1L));
    }

    @Test
    void aDeltaIsAppliedInKeyOrderSoTwoWritersNeverWaitForEachOtherInACircle() {
        FindingTally.Delta d = new FindingTally.Delta();
        FindingTally.Key later = FindingTally.Key.of(2, Severity.HIGH, Category.VULNERABILITY, FindingStatus.OPEN, null,
                OPENED, DUE, null);
        FindingTally.Key earlier = FindingTally.Key.of(1, Severity.LOW, Category.VULNERABILITY, FindingStatus.OPEN, null,
                OPENED, DUE, null);
        d.add(later, 1);
        d.add(earlier, 1);
        d.add(key(FindingStatus.OPEN), 1);
        assertThat(d.changes().keySet()).containsExactly(key(FindingStatus.OPEN), earlier, later);
    }
}
