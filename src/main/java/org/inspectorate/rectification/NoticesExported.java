package org.inspectorate.rectification;

import org.inspectorate.system.AuditableEvent;

/** A notice list was downloaded with its filter ({@code rectification.notices.exported}). */
record NoticesExported(String format, String filter) implements AuditableEvent {

    @Override
    public String action() {
        return "rectification.notices.exported";
    }

    @Override
    public String subject() {
        return "rectification-notices";
    }

    @Override
    public String detail() {
        return format + " " + filter;
    }
}
