package org.inspectorate.finding;

import java.time.Clock;
import java.time.LocalDate;

import org.inspectorate.organisation.Actor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The numbers of the findings register a dashboard shows (问题计数), under the actor's jurisdiction: sums of the
 * counters the register keeps in the same transaction as its writes ({@code finding_tally}), so a home page reads a
 * few rows per operator in reach and never counts the register.
 */
@Service
public class FindingCounts {

    /**
     * The actor's numbers: every finding, the unresolved ones (OPEN, REOPENED, MITIGATED), the overdue ones
     * (unresolved past their effective due date), and the unresolved HIGH ones.
     */
    public record Totals(long total, long unresolved, long overdue, long highUnresolved) {
    }

    private final FindingTallyReader reader;
    private final Clock clock;

    FindingCounts(FindingTallyReader reader, Clock clock) {
        this.reader = reader;
        this.clock = clock;
    }

    /** The totals of the findings in the actor's jurisdiction (none for an actor who has none). */
    @Transactional(readOnly = true)
    public Totals of(Actor actor) {
        FindingTallyReader.Totals t = reader.totals(FindingTallyReader.Filter.all(),
                actor.jurisdiction().organisationScope("t.organisation_id"),
                new FindingRepository.Today(LocalDate.now(clock), clock.getZone()));
        return new Totals(t.total(), t.unresolved(), t.overdue(), t.highUnresolved());
    }
}
