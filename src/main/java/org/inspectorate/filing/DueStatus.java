package org.inspectorate.filing;

/** How a deadline stands on a given day. */
public enum DueStatus {
    /** Further away than the "due soon" window. */
    NOT_YET_DUE,
    /** Within the "due soon" window, the due date included. */
    DUE_SOON,
    /** Past the due date. */
    OVERDUE;

    public String messageKey() {
        return "filing.due." + name();
    }
}
