package org.inspectorate.sharing;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A data request as pages and the API show it (数据调取申请), with its state as of today (an approval past its end
 * date shows EXPIRED) and whether it is a live grant.
 *
 * @param decidingProvince the province whose administration decides; {@code null}: the Ministry
 * @param granted          the scope approved (the request's or narrower); {@code null} until approved
 */
public record DataRequestView(long id, Channel channel, long requesterOrgId, String requesterOrgName,
        String requesterName, String outsideRequester, long operatorId, String operatorName, String decidingProvince,
        String purpose, String legalBasis, DataScope requested, LocalDate periodFrom, LocalDate periodTo,
        LocalDate accessUntil, DataRequestState state, DataScope granted, LocalDate grantedUntil, String decidedBy,
        Instant decidedAt, String refusalReasons, String revokedBy, Instant revokedAt, String revokeReason,
        Instant sharedAt, Instant submittedAt, Instant createdAt, int version) {

    /** Whether the request is a grant that may be read today. */
    public boolean live() {
        return state == DataRequestState.APPROVED;
    }
}
