package org.inspectorate.selfinspection;

import org.inspectorate.system.AuditableEvent;

/** A workspace's summary report was exported as a file ({@code format}: docx or pdf). */
public record SelfInspectionReportExported(long workspaceId, String format) implements AuditableEvent {

    @Override
    public String action() {
        return "selfinspection.report.exported";
    }

    @Override
    public String subject() {
        return WorkspaceAudit.subject(workspaceId);
    }

    @Override
    public String detail() {
        return format;
    }
}
