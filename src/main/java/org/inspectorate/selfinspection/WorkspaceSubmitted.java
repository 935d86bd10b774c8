package org.inspectorate.selfinspection;

import org.inspectorate.organisation.Province;
import org.inspectorate.system.AuditableEvent;

/**
 * The summary report was submitted to its recipient ({@code recipientProvince} null: the Ministry), the
 * first time or, after a return, again ({@code resubmission}); {@code late} whether the first submission
 * missed the deadline.
 */
public record WorkspaceSubmitted(long workspaceId, String campaignCode, Province recipientProvince, boolean late,
        boolean resubmission) implements AuditableEvent {

    @Override
    public String action() {
        return resubmission ? "selfinspection.resubmitted" : "selfinspection.submitted";
    }

    @Override
    public String subject() {
        return WorkspaceAudit.subject(workspaceId);
    }

    @Override
    public String detail() {
        return campaignCode + " to " + WorkspaceAudit.recipient(recipientProvince) + (late ? " late" : "");
    }
}
