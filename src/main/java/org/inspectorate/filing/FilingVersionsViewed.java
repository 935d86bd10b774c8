package org.inspectorate.filing;

import org.inspectorate.system.AuditableEvent;

/** Someone listed a unit's kept versions through the API ({@code filing.versions.viewed}). */
record FilingVersionsViewed(long unitId, int versionNo, int versions) implements AuditableEvent {

    @Override
    public String action() {
        return "filing.versions.viewed";
    }

    @Override
    public String subject() {
        return "filing:" + unitId + "/v" + versionNo;
    }

    @Override
    public String detail() {
        return "versions=" + versions;
    }
}
