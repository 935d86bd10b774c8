package org.inspectorate.filing.report;

import org.inspectorate.system.AuditableEvent;

/** A regulator exported a filing list to XLSX ({@code filing.exported}): which list, how many rows, which filter. */
public record FilingExported(String list, int rows, String filter) implements AuditableEvent {

    @Override
    public String action() {
        return "filing.exported";
    }

    @Override
    public String subject() {
        return "filing-list:" + list;
    }

    @Override
    public String detail() {
        return rows + " rows" + (filter == null || filter.isBlank() ? "" : "; " + filter);
    }
}
