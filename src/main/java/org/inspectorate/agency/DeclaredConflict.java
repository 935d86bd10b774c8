package org.inspectorate.agency;

import java.time.LocalDate;

/** A conflict of interest the inspector declared (利益冲突申报) with an organisation. */
public record DeclaredConflict(long id, long organisationId, String organisationName, String reason,
        LocalDate declaredOn) {
}
