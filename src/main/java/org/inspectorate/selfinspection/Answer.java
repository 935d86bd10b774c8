package org.inspectorate.selfinspection;

/** The operator's answer to one checklist item (检查项自查结论). */
public enum Answer {
    /** 符合 */
    COMPLIANT,
    /** 不符合: opens a finding */
    NOT_COMPLIANT,
    /** 不适用 */
    NOT_APPLICABLE;

    public String messageKey() {
        return "selfinspection.answer." + name();
    }
}
