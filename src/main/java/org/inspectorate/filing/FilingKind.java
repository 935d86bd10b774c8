package org.inspectorate.filing;

/**
 * Whether a filing is a unit's first (新增备案), a change to a filed unit (变更备案) or its
 * decommissioning (退网备案).
 */
public enum FilingKind {
    INITIAL, CHANGE, DECOMMISSION;

    public String messageKey() {
        return "filing.kind." + name();
    }
}
