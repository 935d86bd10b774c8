package org.inspectorate.selfinspection;

/** A workspace was read with its summary report (by its operator or a regulator). */
public record SelfInspectionReportViewed(long workspaceId, String campaignCode) implements WorkspaceEvent {

    @Override
    public String action() {
        return "selfinspection.report.viewed";
    }

    @Override
    public String detail() {
        return campaignCode;
    }
}
