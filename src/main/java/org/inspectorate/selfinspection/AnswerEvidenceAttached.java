package org.inspectorate.selfinspection;

/** An evidence file was attached to an answered checklist item. */
public record AnswerEvidenceAttached(long workspaceId, String itemId, long evidenceId) implements WorkspaceEvent {

    @Override
    public String action() {
        return "selfinspection.evidence.attached";
    }

    @Override
    public String detail() {
        return itemId + " evidence:" + evidenceId;
    }
}
