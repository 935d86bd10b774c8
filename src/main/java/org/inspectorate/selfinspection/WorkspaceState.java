package org.inspectorate.selfinspection;

/**
 * Where a self-inspection stands: being worked on, its report submitted, accepted by the recipient, or
 * returned with reasons (then edited and resubmitted).
 */
public enum WorkspaceState {
    IN_PROGRESS, SUBMITTED, ACCEPTED, RETURNED;

    /** Whether the operator may still answer items and edit the report. */
    public boolean editable() {
        return this == IN_PROGRESS || this == RETURNED;
    }

    public String messageKey() {
        return "selfinspection.state." + name();
    }
}
