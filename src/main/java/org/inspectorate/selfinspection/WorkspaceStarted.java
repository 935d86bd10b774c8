package org.inspectorate.selfinspection;

import java.time.LocalDate;

import org.inspectorate.organisation.Province;

/** An operator started its self-inspection of a campaign: the workspace exists, routed to its recipient. */
public record WorkspaceStarted(long workspaceId, String campaignCode, Province recipientProvince, LocalDate dueOn)
        implements WorkspaceEvent {

    @Override
    public String action() {
        return "selfinspection.started";
    }

    @Override
    public String detail() {
        return campaignCode + " to " + WorkspaceEvent.recipient(recipientProvince) + " due " + dueOn;
    }
}
