package org.inspectorate.rectification;

/**
 * Where a rectification notice (整改通知书) stands; the moves between them are {@link RectificationNotice}'s table.
 * RETURNED: verification rejected an item (or a closed finding was reopened) and the operator must reply again.
 */
public enum NoticeState {
    DRAFT, ISSUED, READ, REPLIED, VERIFYING, RETURNED, CLOSED, SUPERSEDED;

    /** Waiting for the operator's reply: the states in which a notice can be overdue (逾期未整改). */
    public boolean awaitsReply() {
        return this == ISSUED || this == READ || this == RETURNED;
    }

    public String messageKey() {
        return "rectification.state." + name();
    }
}
