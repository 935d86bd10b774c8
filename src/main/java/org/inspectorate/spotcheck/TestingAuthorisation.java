package org.inspectorate.spotcheck;

import java.time.Instant;

/**
 * The operator's written authorisation (授权书) of remote penetration or code testing during a check: the scope (one
 * entry a line: hosts, CIDR ranges, URLs, repositories), the testing window, the contacts on both sides, the signed
 * letter's name, type, size and SHA-256 (the file itself is downloaded separately), and the operator's confirmation
 * of the window ({@code confirmedBy} null until then).
 */
public record TestingAuthorisation(long id, long spotCheckId, InspectionMethod method, String scope,
        Instant windowFrom, Instant windowUntil, String teamContact, String operatorContact, String letterName,
        String letterType, int letterSize, String letterSha256, String recordedBy, Instant recordedAt,
        String confirmedBy, Instant confirmedAt) {

    public boolean confirmed() {
        return confirmedBy != null;
    }

    /** Whether {@code at} lies within the window (both ends included). */
    public boolean within(Instant at) {
        return !at.isBefore(windowFrom) && !at.isAfter(windowUntil);
    }
}
