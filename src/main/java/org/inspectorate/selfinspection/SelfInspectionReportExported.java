package org.inspectorate.selfinspection;

/** A workspace's summary report was exported as a file ({@code format}: docx or pdf). */
public record SelfInspectionReportExported(long workspaceId, String format) implements WorkspaceEvent {

    @Override
    public String action() {
        return "selfinspection.report.exported";
    }

    @Override
    public String detail() {
        return format;
    }
}
