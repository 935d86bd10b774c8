package org.inspectorate.selfinspection;

import java.time.LocalDate;

import org.inspectorate.organisation.Province;
import org.inspectorate.system.AuditableEvent;

/** An operator started its self-inspection of a campaign: the workspace exists, routed to its recipient. */
public record WorkspaceStarted(long workspaceId, String campaignCode, Province recipientProvince, LocalDate dueOn)
        implements AuditableEvent {

    @Override
    public String action() {
        return "selfinspection.started";
    }

    @Override
    public String subject() {
        return WorkspaceAudit.subject(workspaceId);
    }

    @Override
    public String detail() {
        return campaignCode + " to " + WorkspaceAudit.recipient(recipientProvince) + " due " + dueOn;
    }
}
