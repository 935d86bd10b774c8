package org.inspectorate.selfinspection;

import org.inspectorate.organisation.Province;

/**
 * The summary report was submitted to its recipient ({@code recipientProvince} null: the Ministry), the
 * first time or, after a return, again ({@code resubmission}); {@code late} whether the first submission
 * missed the deadline.
 */
public record WorkspaceSubmitted(long workspaceId, String campaignCode, Province recipientProvince, boolean late,
        boolean resubmission) implements WorkspaceEvent {

    @Override
    public String action() {
        return resubmission ? "selfinspection.resubmitted" : "selfinspection.submitted";
    }

    @Override
    public String detail() {
        return campaignCode + " to " + WorkspaceEvent.recipient(recipientProvince) + (late ? " late" : "");
    }
}
