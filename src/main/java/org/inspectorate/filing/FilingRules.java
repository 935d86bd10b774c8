package org.inspectorate.filing;

import java.time.Period;
import java.util.Objects;

/**
 * The periods of Decree 11 as data (configurable under {@code inspectorate.filing.*}), so that a
 * revised regulation changes configuration, not code.
 *
 * @param filingDue             after the grading review, the filing is due (Art. 8: 30 days)
 * @param changeFilingDue       after a change, the change filing is due (30 days)
 * @param reEvaluationDue       after a change of division or level, a new conformity evaluation is due (Art. 11: 90 days)
 * @param resultReportDue       after an evaluation or assessment, its result is due at the filing authority (30 days)
 * @param cycleLevel3AndAbove   evaluation and assessment cadence for levels 3.1 and above (yearly)
 * @param cycleLevel2           evaluation and assessment cadence for level 2 (every two years)
 * @param dueSoon               how early "due soon" starts
 */
public record FilingRules(Period filingDue, Period changeFilingDue, Period reEvaluationDue, Period resultReportDue,
        Period cycleLevel3AndAbove, Period cycleLevel2, Period dueSoon) {

    public static final FilingRules DECREE_11 = new FilingRules(Period.ofDays(30), Period.ofDays(30),
            Period.ofDays(90), Period.ofDays(30), Period.ofYears(1), Period.ofYears(2), Period.ofDays(14));

    public FilingRules {
        Objects.requireNonNull(filingDue);
        Objects.requireNonNull(changeFilingDue);
        Objects.requireNonNull(reEvaluationDue);
        Objects.requireNonNull(resultReportDue);
        Objects.requireNonNull(cycleLevel3AndAbove);
        Objects.requireNonNull(cycleLevel2);
        Objects.requireNonNull(dueSoon);
    }
}
