package org.inspectorate.filing;

import org.inspectorate.system.AuditableEvent;

/** Someone looked at a unit's filing details on a page or through the API ({@code filing.viewed}). */
record FilingViewed(long unitId, int versionNo, FilingState state) implements AuditableEvent {

    @Override
    public String action() {
        return "filing.viewed";
    }

    @Override
    public String subject() {
        return "filing:" + unitId + "/v" + versionNo;
    }

    @Override
    public String detail() {
        return "state=" + state;
    }
}
