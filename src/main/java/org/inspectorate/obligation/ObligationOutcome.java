package org.inspectorate.obligation;

import org.inspectorate.filing.InvalidValueException;
/** The result of a conformity evaluation or risk assessment. */
public enum ObligationOutcome {
    /** 通过 */
    PASS,
    /** 基本通过，存在问题 */
    PASS_WITH_ISSUES,
    /** 未通过 */
    FAIL;

    public String messageKey() {
        return "obligation.outcome." + name();
    }

    public static ObligationOutcome parse(String input) {
        try {
            return valueOf(input == null ? "" : input.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException("obligation.outcome.invalid", input);
        }
    }
}
