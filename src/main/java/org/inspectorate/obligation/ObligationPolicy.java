package org.inspectorate.obligation;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.inspectorate.filing.FilingDeadlinePolicy;
import org.inspectorate.filing.GradeLevel;
import org.inspectorate.obligation.Obligation.Reason;

/**
 * The level-driven obligations of Decree 11, computed from {@link FilingRules} through
 * {@link FilingDeadlinePolicy} (no Spring, no database):
 * <ul>
 * <li>Conformity evaluation and risk assessment recur at the level's cycle (yearly for 3.1 and above,
 * every two years for level 2, never for level 1), counted from the last one done, or from the day
 * the unit was first filed when none is recorded yet.</li>
 * <li>After an accepted change of level, a new conformity evaluation is due within the re-evaluation
 * period (90 days), unless one was done on or after the change; the earlier of that and the cycle
 * applies. A unit changed to level 1 owes none.</li>
 * <li>Every evaluation's or assessment's result is due at the filing authority within the result
 * report period (30 days) after it was performed; once reported it is done.</li>
 * </ul>
 */
public final class ObligationPolicy {

    private final FilingDeadlinePolicy deadlines;

    public ObligationPolicy(FilingDeadlinePolicy deadlines) {
        this.deadlines = deadlines;
    }

    /** The facts of one filed unit the obligations follow from. */
    public record UnitFacts(long unitId, String unitName, long organisationId, GradeLevel level,
            LocalDate firstFiledOn, LocalDate levelChangedOn, LocalDate lastConformityOn, LocalDate lastRiskOn) {
    }

    /** The facts of one recorded evaluation or assessment. */
    public record RecordFacts(long recordId, ObligationKind kind, LocalDate performedOn, LocalDate reportedOn) {
    }

    /** The unit's recurring obligations (none at level 1). */
    public List<Obligation> recurring(UnitFacts unit, LocalDate today) {
        List<Obligation> out = new ArrayList<>();
        Optional<Period> cycle = deadlines.obligationCycle(unit.level());
        if (cycle.isEmpty()) {
            return out;
        }
        LocalDate conformityDue = unit.lastConformityOn() == null ? unit.firstFiledOn().plus(cycle.get())
                : unit.lastConformityOn().plus(cycle.get());
        Reason conformityReason = unit.lastConformityOn() == null ? Reason.FIRST_CYCLE : Reason.CYCLE;
        if (unit.levelChangedOn() != null
                && (unit.lastConformityOn() == null || unit.lastConformityOn().isBefore(unit.levelChangedOn()))) {
            LocalDate reEvaluation = deadlines.reEvaluationDue(unit.levelChangedOn());
            if (!reEvaluation.isAfter(conformityDue)) {
                conformityDue = reEvaluation;
                conformityReason = Reason.LEVEL_CHANGE;
            }
        }
        out.add(obligation(unit, ObligationKind.CONFORMITY_EVALUATION, conformityReason, conformityDue, today,
                unit.lastConformityOn()));
        LocalDate riskDue = unit.lastRiskOn() == null ? unit.firstFiledOn().plus(cycle.get())
                : unit.lastRiskOn().plus(cycle.get());
        out.add(obligation(unit, ObligationKind.RISK_ASSESSMENT,
                unit.lastRiskOn() == null ? Reason.FIRST_CYCLE : Reason.CYCLE, riskDue, today, unit.lastRiskOn()));
        return out;
    }

    /** The result report an evaluation or assessment owes: done once reported, else due 30 days after it. */
    public Obligation resultReport(UnitFacts unit, RecordFacts record, LocalDate today) {
        LocalDate due = deadlines.resultReportDue(record.performedOn());
        ObligationStatus status = record.reportedOn() != null ? ObligationStatus.DONE
                : ObligationStatus.of(deadlines.status(due, today));
        return new Obligation(unit.unitId(), unit.unitName(), unit.organisationId(), unit.level(),
                ObligationKind.RESULT_REPORT, Reason.RESULT, due, status, record.reportedOn(), record.recordId());
    }

    /** Everything the unit owes today: its recurring obligations and a result report per record. */
    public List<Obligation> all(UnitFacts unit, List<RecordFacts> records, LocalDate today) {
        List<Obligation> out = recurring(unit, today);
        for (RecordFacts r : records) {
            out.add(resultReport(unit, r, today));
        }
        return out;
    }

    private Obligation obligation(UnitFacts unit, ObligationKind kind, Reason reason, LocalDate due, LocalDate today,
            LocalDate lastDone) {
        return new Obligation(unit.unitId(), unit.unitName(), unit.organisationId(), unit.level(), kind, reason, due,
                ObligationStatus.of(deadlines.status(due, today)), lastDone, null);
    }
}
