package org.inspectorate.selfinspection;

/** The recipient accepted a submitted summary report. */
public record WorkspaceAccepted(long workspaceId, String campaignCode, String reviewedBy) implements WorkspaceEvent {

    @Override
    public String action() {
        return "selfinspection.accepted";
    }

    @Override
    public String detail() {
        return campaignCode;
    }
}
