package org.inspectorate.filing;

/** Whether a filing is a unit's first (新增备案) or a change to a filed unit (变更备案). */
public enum FilingKind {
    INITIAL, CHANGE;

    public String messageKey() {
        return "filing.kind." + name();
    }
}
