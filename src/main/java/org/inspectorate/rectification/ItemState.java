package org.inspectorate.rectification;

/**
 * Where one finding of a notice stands (整改事项): AWAITING the operator's reply, REPLIED, then CLOSED (accepted at
 * verification, the finding closed) or REJECTED (back to the operator); REOPENED when a later scan shows a closed
 * finding again.
 */
public enum ItemState {
    AWAITING, REPLIED, CLOSED, REJECTED, REOPENED;

    /** Whether the operator has to answer this item in its next reply. */
    public boolean needsReply() {
        return this == AWAITING || this == REJECTED || this == REOPENED;
    }

    public String messageKey() {
        return "rectification.itemState." + name();
    }
}
