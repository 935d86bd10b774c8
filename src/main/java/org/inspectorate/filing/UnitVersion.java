package org.inspectorate.filing;

import java.time.Instant;

/** One kept version of a unit's filing: who created, submitted and decided it, and when. */
record UnitVersion(int versionNo, FilingState state, FilingKind kind, FilingAuthority authority,
        String createdBy, Instant createdAt, String submittedBy, Instant submittedAt, String decidedBy,
        Instant decidedAt, String decisionReasons, String filingNumber) {
}
