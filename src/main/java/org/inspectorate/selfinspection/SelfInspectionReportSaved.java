package org.inspectorate.selfinspection;

import org.inspectorate.system.AuditableEvent;

/** The operator saved the text of its summary report (工作概况, 下一步工作). */
public record SelfInspectionReportSaved(long workspaceId, String campaignCode) implements AuditableEvent {

    @Override
    public String action() {
        return "selfinspection.report.saved";
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
