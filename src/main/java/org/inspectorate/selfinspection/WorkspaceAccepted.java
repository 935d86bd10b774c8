package org.inspectorate.selfinspection;

import org.inspectorate.system.AuditableEvent;

/** The recipient accepted a submitted summary report. */
public record WorkspaceAccepted(long workspaceId, String campaignCode, String reviewedBy) implements AuditableEvent {

    @Override
    public String action() {
        return "selfinspection.accepted";
    }

    @Override
    public String subject() {
        return WorkspaceAudit.subject(workspaceId);
    }

    @Override
    public String detail() {
        return campaignCode;
    }
}
