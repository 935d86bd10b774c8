package org.inspectorate.filing.report;

import org.inspectorate.system.AuditableEvent;

/**
 * A regulator looked at a filing report on a page or through the API ({@code filing.report.viewed}): which report,
 * how many rows, which filter; its XLSX export is {@link FilingExported}.
 */
record FilingReportViewed(String report, long rows, String filter) implements AuditableEvent {

    @Override
    public String action() {
        return "filing.report.viewed";
    }

    @Override
    public String subject() {
        return "filing-list:" + report;
    }

    @Override
    public String detail() {
        return rows + " rows" + (filter == null || filter.isBlank() ? "" : "; " + filter);
    }
}
