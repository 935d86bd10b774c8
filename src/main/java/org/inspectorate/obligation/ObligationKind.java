package org.inspectorate.obligation;

import org.inspectorate.filing.InvalidValueException;
/**
 * What a filed unit owes its filing authority because of its level: a conformity evaluation
 * (符合性评测), a risk assessment (风险评估), or the report of one's result with the rectification
 * status or plan (结果报送).
 */
public enum ObligationKind {
    CONFORMITY_EVALUATION, RISK_ASSESSMENT, RESULT_REPORT;

    /** Whether operators record this kind as an evaluation or assessment (the report is a date on it). */
    public boolean recordable() {
        return this != RESULT_REPORT;
    }

    public String messageKey() {
        return "obligation.kind." + name();
    }

    public static ObligationKind parse(String input) {
        try {
            return valueOf(input == null ? "" : input.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException("obligation.kind.invalid", input);
        }
    }
}
