package org.inspectorate.campaign;

import java.time.LocalDate;
import java.util.List;

import org.inspectorate.organisation.OrganisationType;

/**
 * A deadline (截止时间) of a campaign: what the organisations of the {@code from} types must send to
 * whom, by the end of {@code due}.
 */
public record Deadline(String id, DeadlineKind kind, List<OrganisationType> from, Recipient recipient, LocalDate due,
        LocalizedText title) {

    public Deadline {
        from = List.copyOf(from);
    }

    public boolean appliesTo(OrganisationType type) {
        return from.contains(type);
    }
}
