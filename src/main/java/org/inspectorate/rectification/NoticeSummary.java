package org.inspectorate.rectification;

import java.time.Instant;
import java.time.LocalDate;

/** One row of a notice list: number, addressee, state, deadline and whether the reply is late (逾期). */
public record NoticeSummary(long id, String number, String authorityName, long operatorId, String operatorName,
        NoticeState state, LocalDate deadline, Instant createdAt, Instant issuedAt, boolean overdue, boolean followUp) {
}
