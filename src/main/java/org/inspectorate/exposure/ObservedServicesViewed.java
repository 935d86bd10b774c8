package org.inspectorate.exposure;

import org.inspectorate.system.AuditableEvent;

/** Someone looked at a unit's observed services ({@code exposure.services.viewed}). */
record ObservedServicesViewed(long unitId, int page, int shown, long total) implements AuditableEvent {

    @Override
    public String action() {
        return "exposure.services.viewed";
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
