package org.inspectorate.exposure;

import org.inspectorate.system.AuditableEvent;

/** An accepted filing now declares a port that was undeclared ({@code exposure.discrepancy.settled}). */
record DiscrepancySettled(long discrepancyId, long unitId, long organisationId,
        String service, int versionNo) implements AuditableEvent {

    @Override
    public String action() {
        return "exposure.discrepancy.settled";
    }

    @Override
    public String subject() {
        return "discrepancy:" + discrepancyId + "/unit:" + unitId;
    }

    @Override
    public String detail() {
        return service + " declared by v" + versionNo;
    }
}
