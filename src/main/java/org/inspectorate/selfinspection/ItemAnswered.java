package org.inspectorate.selfinspection;

import org.inspectorate.system.AuditableEvent;

/** A checklist item was answered (again); {@code findingId} is the finding linked to the answer, if any. */
public record ItemAnswered(long workspaceId, String itemId, Answer answer, Long findingId) implements AuditableEvent {

    @Override
    public String action() {
        return "selfinspection.answered";
    }

    @Override
    public String subject() {
        return WorkspaceAudit.subject(workspaceId);
    }

    @Override
    public String detail() {
        return itemId + " " + answer + (findingId == null ? "" : " finding:" + findingId);
    }
}
