package org.inspectorate.spotcheck;

import org.inspectorate.system.AuditableEvent;

/** Someone read a spot check's page or record (who inspects whom, findings, notices): every view is audited. */
record SpotCheckViewed(long spotCheckId, int findings) implements AuditableEvent {

    @Override
    public String action() {
        return "spotcheck.viewed";
    }

    @Override
    public String subject() {
        return "spotcheck:" + spotCheckId;
    }

    @Override
    public String detail() {
        return "findings=" + findings;
    }
}
