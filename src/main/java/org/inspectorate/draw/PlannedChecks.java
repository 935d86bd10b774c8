package org.inspectorate.draw;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.inspectorate.organisation.Jurisdiction.SqlScope;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A published draw's planned checks (计划抽查) as other modules use them, apart from the governance in {@link Draws}:
 * unscoped reads for their reactions to {@link DrawPublished} (nothing here is shown to a person, so nothing is
 * audited), and the start a spot check records for the draw's "last inspected" rule.
 */
@Service
public class PlannedChecks {

    private final DrawRepository repository;

    PlannedChecks(DrawRepository repository) {
        this.repository = repository;
    }

    /**
     * For the notification of a published draw's teams: the checks it planned, no jurisdiction applied (each
     * inspector is told only of the checks they serve on).
     */
    @Transactional(readOnly = true)
    public List<PlannedSpotCheck> plannedChecksUnscoped(long drawId) {
        return repository.plannedChecksOfDraw(drawId, new SqlScope("1 = 1", Map.of()));
    }

    /**
     * For the spot-check module's reaction to {@link DrawPublished}: the draw's planned checks in force (current
     * round, not cancelled) with the province of the authority that reviews each target (null: the Ministry).
     */
    @Transactional(readOnly = true)
    public List<PublishedCheck> publishedChecksUnscoped(long drawId) {
        return repository.publishedChecks(drawId);
    }

    /**
     * Records the day the team started the inspection of a planned check (the draw's "last inspected" rule,
     * docs/draw-algorithm.md §4); the first start counts, a later call changes nothing.
     */
    @Transactional
    public void recordStart(long plannedCheckId, LocalDate startedOn) {
        repository.recordStart(plannedCheckId, startedOn);
    }
}
