package org.inspectorate.selfinspection;

import org.inspectorate.system.AuditableEvent;

/** The recipient returned a submitted summary report with its reasons; the operator edits and resubmits. */
public record WorkspaceReturned(long workspaceId, String campaignCode, String reviewedBy, String reason)
        implements AuditableEvent {

    @Override
    public String action() {
        return "selfinspection.returned";
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
