package org.inspectorate.exposure;

import java.time.Instant;

/**
 * An observed open port the unit's filing does not declare (备案不符), as pages and the API show it: the service,
 * where it stands, and what the operator did about it (the change filing's version, or the finding opened).
 */
public record ServiceDiscrepancy(long id, Service service, DiscrepancyState state, Instant openedAt,
        long openedImportId, Integer declaredVersionNo, Long findingId, String decidedBy, Instant decidedAt,
        Instant settledAt, int version) {

    /** The observed service a discrepancy is about. */
    public record Service(long id, long organisationId, long unitId, String host, int port, String protocol,
            String serviceName, String product) {

        /** {@code host:port/protocol}. */
        public String address() {
            return ObservedService.address(host, port, protocol);
        }
    }

    /** Whether the table lets it be declared in a change filing now. */
    public boolean declarable() {
        return Discrepancy.next(state, Discrepancy.Act.DECLARE).isPresent();
    }

    /** Whether the table lets a finding be opened on it now. */
    public boolean findingOpenable() {
        return Discrepancy.next(state, Discrepancy.Act.OPEN_FINDING).isPresent();
    }
}
