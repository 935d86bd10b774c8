package org.inspectorate.exposure;

import org.inspectorate.system.AuditableEvent;

/** The operator opened a finding on an undeclared port ({@code exposure.discrepancy.finding-opened}). */
record DiscrepancyFindingOpened(long discrepancyId, long unitId, long organisationId,
        String service, long findingId) implements AuditableEvent {

    @Override
    public String action() {
        return "exposure.discrepancy.finding-opened";
    }

    @Override
    public String subject() {
        return "discrepancy:" + discrepancyId + "/unit:" + unitId;
    }

    @Override
    public String detail() {
        return service + " finding:" + findingId;
    }
}
