package org.inspectorate.selfinspection;

/** The recipient returned a submitted summary report with its reasons; the operator edits and resubmits. */
public record WorkspaceReturned(long workspaceId, String campaignCode, String reviewedBy, String reason)
        implements WorkspaceEvent {

    @Override
    public String action() {
        return "selfinspection.returned";
    }

    @Override
    public String detail() {
        return campaignCode;
    }
}
