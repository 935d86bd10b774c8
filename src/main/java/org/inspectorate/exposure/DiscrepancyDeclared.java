package org.inspectorate.exposure;

import org.inspectorate.system.AuditableEvent;

/** The operator drafted an undeclared port into the unit's change filing ({@code exposure.discrepancy.declared}). */
record DiscrepancyDeclared(long discrepancyId, long unitId, long organisationId,
        String service, int versionNo) implements AuditableEvent {

    @Override
    public String action() {
        return "exposure.discrepancy.declared";
    }

    @Override
    public String subject() {
        return "discrepancy:" + discrepancyId + "/unit:" + unitId;
    }

    @Override
    public String detail() {
        return service + " drafted into v" + versionNo;
    }
}
