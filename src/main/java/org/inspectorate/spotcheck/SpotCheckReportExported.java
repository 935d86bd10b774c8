package org.inspectorate.spotcheck;

import org.inspectorate.system.AuditableEvent;

/** A spot check's report (检查报告) was downloaded, as DOCX or PDF ({@code spotcheck.report.exported}). */
public record SpotCheckReportExported(long spotCheckId, String format) implements AuditableEvent {

    @Override
    public String action() {
        return "spotcheck.report.exported";
    }

    @Override
    public String subject() {
        return "spotcheck:" + spotCheckId;
    }

    @Override
    public String detail() {
        return format;
    }
}
