package org.inspectorate.audit;

import java.time.Instant;

/**
 * One entry as the audit page and its exports show it: everything but a withheld detail
 * ({@link DetailDisclosure}); {@code detailWithheld} says that there was one.
 */
record AuditLine(long seq, Instant occurredAt, String actor, String action, String subject, String outcome,
        String detail, boolean detailWithheld, String remoteAddr, String hash) {
}
