package org.inspectorate.filing;

import org.inspectorate.system.AuditableEvent;

/** Someone compared two versions of a unit's filing ({@code filing.compared}): from version {@code fromVersionNo} to {@code versionNo}. */
record FilingCompared(long unitId, int versionNo, int fromVersionNo) implements AuditableEvent {

    @Override
    public String action() {
        return "filing.compared";
    }

    @Override
    public String subject() {
        return "filing:" + unitId + "/v" + versionNo;
    }

    @Override
    public String detail() {
        return "from=v" + fromVersionNo;
    }
}
