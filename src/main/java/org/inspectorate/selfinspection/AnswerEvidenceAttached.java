package org.inspectorate.selfinspection;

import org.inspectorate.system.AuditableEvent;

/** An evidence file was attached to an answered checklist item. */
public record AnswerEvidenceAttached(long workspaceId, String itemId, long evidenceId) implements AuditableEvent {

    @Override
    public String action() {
        return "selfinspection.evidence.attached";
    }

    @Override
    public String subject() {
        return WorkspaceAudit.subject(workspaceId);
    }

    @Override
    public String detail() {
        return itemId + " evidence:" + evidenceId;
    }
}
