package org.inspectorate.selfinspection;

/** The operator saved the text of its summary report (工作概况, 下一步工作). */
public record SelfInspectionReportSaved(long workspaceId, String campaignCode) implements WorkspaceEvent {

    @Override
    public String action() {
        return "selfinspection.report.saved";
    }

    @Override
    public String detail() {
        return campaignCode;
    }
}
