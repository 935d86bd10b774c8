package org.inspectorate.finding;

import java.time.Clock;
import java.time.LocalDate;

import org.inspectorate.organisation.Actor;
import org.inspectorate.organisation.Jurisdiction.SqlScope;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The numbers of the findings register a dashboard shows (问题计数), under the actor's jurisdiction: sums of the
 * counters the register keeps in the same transaction as its writes: a region's from {@code finding_tally_area}
 * (a few rows per province and day), an operator's from {@code finding_tally_operator} (a row per due date of its
 * unresolved findings) — never a count of the register, nor a sum of the per-organisation counters.
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
        FindingRepository.Today today = new FindingRepository.Today(LocalDate.now(clock), clock.getZone());
        // a region sums its per-province counters, an operator its own per-operator ones: a few rows either way
        SqlScope area = FindingTallyReader.areaScope(actor.jurisdiction());
        FindingTallyReader.Totals t = area != null ? reader.areaTotals(area, today)
                : reader.operatorTotals(actor.jurisdiction().organisationScope("t.organisation_id"), today);
        return new Totals(t.total(), t.unresolved(), t.overdue(), t.highUnresolved());
    }
}
