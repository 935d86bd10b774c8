package org.inspectorate.filing;

import java.time.LocalDate;
import java.time.Period;
import java.util.Optional;

/**
 * Deadlines of Decree 11 computed from {@link FilingRules}. Periods are added as calendar periods:
 * a due date in days counts calendar days (2024-01-31 + 30 days = 2024-03-01 in a leap year); one in
 * years or months keeps the day of month and falls back to the month's last day where it does not
 * exist (2024-02-29 + 1 year = 2025-02-28), so the obligation never slips into the next month.
 */
public final class FilingDeadlinePolicy {

    private final FilingRules rules;

    public FilingDeadlinePolicy(FilingRules rules) {
        this.rules = rules;
    }

    /** The rules the deadlines follow (the obligation list turns them into SQL date arithmetic). */
    public FilingRules rules() {
        return rules;
    }

    /** The last due day that still counts as due soon on {@code today}; later ones are not yet due. */
    public LocalDate dueSoonUntil(LocalDate today) {
        return today.plus(rules.dueSoon());
    }

    /** A unit must be filed by this day after its grading review passed. */
    public LocalDate filingDue(LocalDate gradingReviewed) {
        return gradingReviewed.plus(rules.filingDue());
    }

    /** A change to a filed unit must be re-filed by this day. */
    public LocalDate changeFilingDue(LocalDate changedOn) {
        return changedOn.plus(rules.changeFilingDue());
    }

    /** After a change of division or level, the next conformity evaluation is due by this day. */
    public LocalDate reEvaluationDue(LocalDate changedOn) {
        return changedOn.plus(rules.reEvaluationDue());
    }

    /** The result of an evaluation or assessment must reach the filing authority by this day. */
    public LocalDate resultReportDue(LocalDate evaluatedOn) {
        return evaluatedOn.plus(rules.resultReportDue());
    }

    /**
     * How often conformity evaluation and risk assessment recur at {@code level}: yearly for 3.1 and
     * above, every two years for level 2, never for level 1 (empty).
     */
    public Optional<Period> obligationCycle(GradeLevel level) {
        if (level.isThreeOrAbove()) {
            return Optional.of(rules.cycleLevel3AndAbove());
        }
        if (level == GradeLevel.LEVEL_2) {
            return Optional.of(rules.cycleLevel2());
        }
        return Optional.empty();
    }

    /** When the next evaluation or assessment is due after the last one, if the level requires any. */
    public Optional<LocalDate> nextObligationDue(GradeLevel level, LocalDate lastDone) {
        return obligationCycle(level).map(lastDone::plus);
    }

    /** Whether {@code due} is overdue, due soon or not yet due on {@code today}. */
    public DueStatus status(LocalDate due, LocalDate today) {
        if (today.isAfter(due)) {
            return DueStatus.OVERDUE;
        }
        if (!dueSoonUntil(today).isBefore(due)) {
            return DueStatus.DUE_SOON;
        }
        return DueStatus.NOT_YET_DUE;
    }
}
