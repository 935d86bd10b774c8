package org.inspectorate.finding;

import org.inspectorate.system.AuditableEvent;

/**
 * Someone looked at or exported findings in bulk ({@code finding.report.viewed}, {@code finding.report.exported}):
 * which view (the register, a regulator's report), in which form (list, page, api; xlsx or csv: an export), how
 * many rows, which filter.
 */
public record FindingReported(String view, String form, long rows, String filter) implements AuditableEvent {

    @Override
    public String action() {
        return "xlsx".equals(form) || "csv".equals(form) ? "finding.report.exported" : "finding.report.viewed";
    }

    @Override
    public String subject() {
        return "finding-report:" + view;
    }

    @Override
    public String detail() {
        return form + "; " + rows + " rows" + (filter == null || filter.isBlank() ? "" : "; " + filter);
    }
}
