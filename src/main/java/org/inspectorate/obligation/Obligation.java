package org.inspectorate.obligation;

import java.time.LocalDate;

import org.inspectorate.filing.GradeLevel;

/**
 * One obligation of a filed unit.
 *
 * @param reason   why it is due when it is: {@link Reason#FIRST_CYCLE} counts from the first filing,
 *                 {@link Reason#CYCLE} from the last one done, {@link Reason#LEVEL_CHANGE} from an accepted
 *                 change of level, {@link Reason#RESULT} from the evaluation whose result is to be reported
 * @param lastDoneOn the last evaluation or assessment of this kind, or the reported day of a result
 * @param recordId the evaluation or assessment a result report belongs to, else {@code null}
 */
public record Obligation(long unitId, String unitName, long organisationId, GradeLevel level, ObligationKind kind,
        Reason reason, LocalDate dueOn, ObligationStatus status, LocalDate lastDoneOn, Long recordId) {

    public enum Reason {
        FIRST_CYCLE, CYCLE, LEVEL_CHANGE, RESULT;

        public String messageKey() {
            return "obligation.reason." + name();
        }
    }
}
