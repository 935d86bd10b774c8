package org.inspectorate.filing;

import org.inspectorate.system.AuditableEvent;

/** An operator submitted a draft filing to its authority ({@code filing.submitted}). */
record FilingSubmitted(long unitId, int versionNo, FilingKind kind, String authorityCode) implements AuditableEvent {

    @Override
    public String action() {
        return "filing.submitted";
    }

    @Override
    public String subject() {
        return "filing:" + unitId + "/v" + versionNo;
    }

    @Override
    public String detail() {
        return kind + " to " + authorityCode;
    }
}
