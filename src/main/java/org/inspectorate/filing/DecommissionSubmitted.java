package org.inspectorate.filing;

import org.inspectorate.system.AuditableEvent;

/** An operator filed a unit's decommissioning (退网备案), straight to review ({@code filing.decommission.submitted}). */
record DecommissionSubmitted(long unitId, int versionNo, String authorityCode) implements AuditableEvent {

    @Override
    public String action() {
        return "filing.decommission.submitted";
    }

    @Override
    public String subject() {
        return "filing:" + unitId + "/v" + versionNo;
    }

    @Override
    public String detail() {
        return authorityCode;
    }
}
