package org.inspectorate.filing;

import java.time.Instant;
import java.time.LocalDate;

/** A network unit in a list. */
public record NetworkUnitSummary(long id, long organisationId, String name, NetworkCategory category,
        GradeLevel gradeLevel, FilingState state, FilingKind kind, FilingAuthority authority, String filingNumber,
        LocalDate dueOn, Instant submittedAt, Instant updatedAt, int version) {
}
