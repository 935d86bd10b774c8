package org.inspectorate.ingest;

import org.inspectorate.system.AuditableEvent;

/**
 * Someone downloaded the imports list (its file names, states and counts) with a filter: recorded before the
 * first row is written, with the list's bounded count.
 */
record ImportsExported(String format, long rows, boolean atLeast, ImportListQuery query) implements AuditableEvent {

    @Override
    public String action() {
        return "import.list.exported";
    }

    @Override
    public String subject() {
        return "imports";
    }

    @Override
    public String detail() {
        return format + " " + (atLeast ? "more than " : "") + rows + " rows; state=" + query.state() + " text="
                + query.text();
    }
}
