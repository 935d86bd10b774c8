package org.inspectorate.obligation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;

import org.inspectorate.filing.FilingDeadlinePolicy;
import org.inspectorate.filing.FilingRules;
import org.inspectorate.filing.GradeLevel;
import org.inspectorate.obligation.Obligation.Reason;
import org.inspectorate.obligation.ObligationPolicy.RecordFacts;
import org.inspectorate.obligation.ObligationPolicy.UnitFacts;
import org.junit.jupiter.api.Test;

class ObligationPolicyTest {

    private final ObligationPolicy policy = new ObligationPolicy(new FilingDeadlinePolicy(FilingRules.DECREE_11));

    private static UnitFacts unit(GradeLevel level, LocalDate filedOn, LocalDate levelChangedOn,
            LocalDate lastConformity, LocalDate lastRisk) {
        return new UnitFacts(1, "门户网站", 7, level, filedOn, levelChangedOn, lastConformity, lastRisk);
    }

    private static Obligation of(List<Obligation> list, ObligationKind kind) {
        return list.stream().filter(o -> o.kind() == kind).findFirst().orElseThrow();
    }

    @Test
    void levelThreeOwesAYearlyEvaluationAndAssessmentCountedFromTheFirstFiling() {
        List<Obligation> due = policy.recurring(unit(GradeLevel.LEVEL_3_1, LocalDate.of(2025, 3, 10), null, null, null),
                LocalDate.of(2025, 6, 1));
        assertThat(due).extracting(Obligation::kind).containsExactly(ObligationKind.CONFORMITY_EVALUATION,
                ObligationKind.RISK_ASSESSMENT);
        assertThat(due).allSatisfy(o -> {
            assertThat(o.dueOn()).isEqualTo(LocalDate.of(2026, 3, 10));
            assertThat(o.reason()).isEqualTo(Reason.FIRST_CYCLE);
            assertThat(o.status()).isEqualTo(ObligationStatus.DUE);
        });
    }

    @Test
    void levelTwoOwesThemEveryTwoYearsAndLevelOneNever() {
        assertThat(of(policy.recurring(unit(GradeLevel.LEVEL_2, LocalDate.of(2025, 3, 10), null,
                LocalDate.of(2025, 5, 1), null), LocalDate.of(2025, 6, 1)), ObligationKind.CONFORMITY_EVALUATION)
                .dueOn()).isEqualTo(LocalDate.of(2027, 5, 1));
        assertThat(policy.recurring(unit(GradeLevel.LEVEL_1, LocalDate.of(2025, 3, 10), LocalDate.of(2025, 4, 1),
                null, null), LocalDate.of(2030, 1, 1))).isEmpty();
    }

    @Test
    void aCycleFromTheTwentyNinthOfFebruaryEndsOnTheLastDayOfFebruary() {
        Obligation yearly = of(policy.recurring(unit(GradeLevel.LEVEL_4, LocalDate.of(2023, 1, 1), null,
                LocalDate.of(2024, 2, 29), null), LocalDate.of(2024, 6, 1)), ObligationKind.CONFORMITY_EVALUATION);
        assertThat(yearly.dueOn()).isEqualTo(LocalDate.of(2025, 2, 28));
        assertThat(yearly.reason()).isEqualTo(Reason.CYCLE);
        Obligation biennial = of(policy.recurring(unit(GradeLevel.LEVEL_2, LocalDate.of(2024, 2, 29), null, null,
                null), LocalDate.of(2024, 6, 1)), ObligationKind.RISK_ASSESSMENT);
        assertThat(biennial.dueOn()).isEqualTo(LocalDate.of(2026, 2, 28));
    }

    @Test
    void aCycleFromAMonthEndKeepsTheDayOfMonth() {
        Obligation o = of(policy.recurring(unit(GradeLevel.LEVEL_3_2, LocalDate.of(2024, 1, 31), null, null, null),
                LocalDate.of(2024, 6, 1)), ObligationKind.RISK_ASSESSMENT);
        assertThat(o.dueOn()).isEqualTo(LocalDate.of(2025, 1, 31));
    }

    @Test
    void aResultIsDueThirtyCalendarDaysAfterTheEvaluationAcrossALeapFebruary() {
        UnitFacts u = unit(GradeLevel.LEVEL_3_1, LocalDate.of(2023, 1, 1), null, null, null);
        assertThat(policy.resultReport(u, new RecordFacts(5, ObligationKind.CONFORMITY_EVALUATION,
                LocalDate.of(2024, 1, 31), null), LocalDate.of(2024, 2, 1)).dueOn()).isEqualTo(LocalDate.of(2024, 3, 1));
        assertThat(policy.resultReport(u, new RecordFacts(6, ObligationKind.RISK_ASSESSMENT,
                LocalDate.of(2023, 1, 31), null), LocalDate.of(2023, 2, 1)).dueOn()).isEqualTo(LocalDate.of(2023, 3, 2));
    }

    @Test
    void aReportedResultIsDoneAndAnUnreportedOneTurnsDueSoonThenOverdue() {
        UnitFacts u = unit(GradeLevel.LEVEL_3_1, LocalDate.of(2023, 1, 1), null, null, null);
        RecordFacts open = new RecordFacts(5, ObligationKind.CONFORMITY_EVALUATION, LocalDate.of(2025, 3, 1), null);
        // due 2025-03-31; "due soon" is the last 14 days, the due day included
        assertThat(policy.resultReport(u, open, LocalDate.of(2025, 3, 16)).status()).isEqualTo(ObligationStatus.DUE);
        assertThat(policy.resultReport(u, open, LocalDate.of(2025, 3, 17)).status()).isEqualTo(ObligationStatus.DUE_SOON);
        assertThat(policy.resultReport(u, open, LocalDate.of(2025, 3, 31)).status()).isEqualTo(ObligationStatus.DUE_SOON);
        assertThat(policy.resultReport(u, open, LocalDate.of(2025, 4, 1)).status()).isEqualTo(ObligationStatus.OVERDUE);
        Obligation done = policy.resultReport(u, new RecordFacts(5, ObligationKind.CONFORMITY_EVALUATION,
                LocalDate.of(2025, 3, 1), LocalDate.of(2025, 5, 1)), LocalDate.of(2025, 6, 1));
        assertThat(done.status()).isEqualTo(ObligationStatus.DONE);
        assertThat(done.lastDoneOn()).isEqualTo(LocalDate.of(2025, 5, 1));
        assertThat(done.recordId()).isEqualTo(5L);
    }

    @Test
    void aChangeOfLevelBringsTheConformityEvaluationForwardToNinetyDaysButNotTheRiskAssessment() {
        UnitFacts u = unit(GradeLevel.LEVEL_3_2, LocalDate.of(2024, 6, 1), LocalDate.of(2024, 12, 15),
                LocalDate.of(2024, 11, 1), LocalDate.of(2024, 11, 1));
        List<Obligation> due = policy.recurring(u, LocalDate.of(2025, 3, 20));
        Obligation conformity = of(due, ObligationKind.CONFORMITY_EVALUATION);
        assertThat(conformity.dueOn()).isEqualTo(LocalDate.of(2025, 3, 15));
        assertThat(conformity.reason()).isEqualTo(Reason.LEVEL_CHANGE);
        assertThat(conformity.status()).isEqualTo(ObligationStatus.OVERDUE);
        assertThat(of(due, ObligationKind.RISK_ASSESSMENT).dueOn()).isEqualTo(LocalDate.of(2025, 11, 1));
    }

    @Test
    void anEvaluationOnOrAfterTheChangeOfLevelSatisfiesTheReEvaluation() {
        UnitFacts u = unit(GradeLevel.LEVEL_3_2, LocalDate.of(2024, 6, 1), LocalDate.of(2024, 12, 15),
                LocalDate.of(2024, 12, 15), null);
        Obligation conformity = of(policy.recurring(u, LocalDate.of(2025, 3, 20)), ObligationKind.CONFORMITY_EVALUATION);
        assertThat(conformity.dueOn()).isEqualTo(LocalDate.of(2025, 12, 15));
        assertThat(conformity.reason()).isEqualTo(Reason.CYCLE);
    }

    @Test
    void theCycleStillAppliesWhenItFallsBeforeTheReEvaluationPeriodEnds() {
        UnitFacts u = unit(GradeLevel.LEVEL_3_1, LocalDate.of(2024, 1, 10), LocalDate.of(2024, 12, 1),
                null, null);
        Obligation conformity = of(policy.recurring(u, LocalDate.of(2024, 12, 2)), ObligationKind.CONFORMITY_EVALUATION);
        assertThat(conformity.dueOn()).isEqualTo(LocalDate.of(2025, 1, 10));
        assertThat(conformity.reason()).isEqualTo(Reason.FIRST_CYCLE);
    }

    @Test
    void theCyclesAreData() {
        FilingRules rules = new FilingRules(Period.ofDays(30), Period.ofDays(30), Period.ofDays(60), Period.ofDays(15),
                Period.ofMonths(6), Period.ofYears(3), Period.ofDays(7));
        ObligationPolicy custom = new ObligationPolicy(new FilingDeadlinePolicy(rules));
        UnitFacts u = unit(GradeLevel.LEVEL_3_1, LocalDate.of(2024, 8, 31), null, null, null);
        assertThat(of(custom.recurring(u, LocalDate.of(2024, 9, 1)), ObligationKind.CONFORMITY_EVALUATION).dueOn())
                .isEqualTo(LocalDate.of(2025, 2, 28));
        assertThat(custom.resultReport(u, new RecordFacts(1, ObligationKind.RISK_ASSESSMENT, LocalDate.of(2024, 9, 1),
                null), LocalDate.of(2024, 9, 2)).dueOn()).isEqualTo(LocalDate.of(2024, 9, 16));
    }
}
