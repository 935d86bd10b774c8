package org.inspectorate.selfinspection;

import org.inspectorate.system.AuditableEvent;

/** A workspace was read with its summary report (by its operator or a regulator). */
public record SelfInspectionReportViewed(long workspaceId, String campaignCode) implements AuditableEvent {

    @Override
    public String action() {
        return "selfinspection.report.viewed";
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
