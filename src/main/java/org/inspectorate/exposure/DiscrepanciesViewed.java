package org.inspectorate.exposure;

import org.inspectorate.system.AuditableEvent;

/** Someone looked at a unit's filing discrepancies ({@code exposure.discrepancies.viewed}). */
record DiscrepanciesViewed(long unitId, int page, int shown, long total) implements AuditableEvent {

    @Override
    public String action() {
        return "exposure.discrepancies.viewed";
    }

    @Override
    public String subject() {
        return "unit:" + unitId;
    }

    @Override
    public String detail() {
        return "page=" + page + " shown=" + shown + " total=" + total;
    }
}
