package org.inspectorate.agency;

import java.time.Instant;
import java.time.LocalDate;

/** A vetting record (审查): who vetted the inspector, on which day, until when it holds (inclusive). */
public record Vetting(long id, String vettedBy, LocalDate vettedOn, LocalDate validUntil, String remarks,
        Instant recordedAt) {

    public boolean validOn(LocalDate day) {
        return !vettedOn.isAfter(day) && !validUntil.isBefore(day);
    }
}
