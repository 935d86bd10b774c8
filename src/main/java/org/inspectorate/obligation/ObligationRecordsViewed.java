package org.inspectorate.obligation;

import org.inspectorate.system.AuditableEvent;

/** Someone looked at the evaluations and risk assessments recorded for a unit ({@code obligation.records.viewed}). */
record ObligationRecordsViewed(long unitId, int versionNo, int records) implements AuditableEvent {

    @Override
    public String action() {
        return "obligation.records.viewed";
    }

    @Override
    public String subject() {
        return "filing:" + unitId + "/v" + versionNo;
    }

    @Override
    public String detail() {
        return "records=" + records;
    }
}
