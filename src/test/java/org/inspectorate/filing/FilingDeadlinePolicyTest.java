package org.inspectorate.filing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.Period;

import org.junit.jupiter.api.Test;

class FilingDeadlinePolicyTest {

    private final FilingDeadlinePolicy policy = new FilingDeadlinePolicy(FilingRules.DECREE_11);

    @Test
    void filingIsDueThirtyCalendarDaysAfterTheGradingReviewAcrossALeapFebruary() {
        assertThat(policy.filingDue(LocalDate.of(2024, 1, 31))).isEqualTo(LocalDate.of(2024, 3, 1));
        assertThat(policy.filingDue(LocalDate.of(2023, 1, 31))).isEqualTo(LocalDate.of(2023, 3, 2));
        assertThat(policy.filingDue(LocalDate.of(2024, 12, 15))).isEqualTo(LocalDate.of(2025, 1, 14));
    }

    @Test
    void changeFilingIsDueThirtyDaysAfterTheChange() {
        assertThat(policy.changeFilingDue(LocalDate.of(2024, 2, 29))).isEqualTo(LocalDate.of(2024, 3, 30));
    }

    @Test
    void reEvaluationIsDueNinetyDaysAfterAChangeOfDivisionOrLevel() {
        assertThat(policy.reEvaluationDue(LocalDate.of(2024, 1, 1))).isEqualTo(LocalDate.of(2024, 3, 31));
        assertThat(policy.reEvaluationDue(LocalDate.of(2023, 1, 1))).isEqualTo(LocalDate.of(2023, 4, 1));
    }

    @Test
    void resultsReachTheAuthorityThirtyDaysAfterTheEvaluation() {
        assertThat(policy.resultReportDue(LocalDate.of(2025, 2, 1))).isEqualTo(LocalDate.of(2025, 3, 3));
    }

    @Test
    void levelThreeAndAboveRecurYearlyLevelTwoEveryTwoYearsLevelOneNever() {
        assertThat(policy.obligationCycle(GradeLevel.LEVEL_3_1)).contains(Period.ofYears(1));
        assertThat(policy.obligationCycle(GradeLevel.LEVEL_5)).contains(Period.ofYears(1));
        assertThat(policy.obligationCycle(GradeLevel.LEVEL_2)).contains(Period.ofYears(2));
        assertThat(policy.obligationCycle(GradeLevel.LEVEL_1)).isEmpty();
    }

    @Test
    void aYearlyObligationFromALeapDayFallsOnTheLastDayOfFebruary() {
        assertThat(policy.nextObligationDue(GradeLevel.LEVEL_3_2, LocalDate.of(2024, 2, 29)))
                .contains(LocalDate.of(2025, 2, 28));
        assertThat(policy.nextObligationDue(GradeLevel.LEVEL_2, LocalDate.of(2024, 2, 29)))
                .contains(LocalDate.of(2026, 2, 28));
        assertThat(policy.nextObligationDue(GradeLevel.LEVEL_2, LocalDate.of(2022, 2, 28)))
                .contains(LocalDate.of(2024, 2, 28));
        assertThat(policy.nextObligationDue(GradeLevel.LEVEL_1, LocalDate.of(2024, 2, 29))).isEmpty();
    }

    @Test
    void configuredPeriodsReplaceTheDecreesDefaults() {
        FilingRules stricter = new FilingRules(Period.ofDays(15), Period.ofDays(10), Period.ofDays(60),
                Period.ofDays(20), Period.ofMonths(6), Period.ofYears(1), Period.ofDays(7));
        FilingDeadlinePolicy strict = new FilingDeadlinePolicy(stricter);
        assertThat(strict.filingDue(LocalDate.of(2024, 1, 31))).isEqualTo(LocalDate.of(2024, 2, 15));
        assertThat(strict.nextObligationDue(GradeLevel.LEVEL_4, LocalDate.of(2024, 8, 31)))
                .contains(LocalDate.of(2025, 2, 28));
    }

    @Test
    void statusIsOverdueAfterTheDueDateAndDueSoonWithinTwoWeeks() {
        LocalDate due = LocalDate.of(2024, 3, 1);
        assertThat(policy.status(due, LocalDate.of(2024, 3, 2))).isEqualTo(DueStatus.OVERDUE);
        assertThat(policy.status(due, LocalDate.of(2024, 3, 1))).isEqualTo(DueStatus.DUE_SOON);
        assertThat(policy.status(due, LocalDate.of(2024, 2, 16))).isEqualTo(DueStatus.DUE_SOON);
        assertThat(policy.status(due, LocalDate.of(2024, 2, 15))).isEqualTo(DueStatus.NOT_YET_DUE);
    }
}
