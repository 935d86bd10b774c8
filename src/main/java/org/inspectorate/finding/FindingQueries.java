package org.inspectorate.finding;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.inspectorate.organisation.Actor;
import org.inspectorate.organisation.Jurisdiction.SqlScope;
import org.inspectorate.system.NotFoundException;
import org.inspectorate.system.PageRequest;
import org.inspectorate.system.PageResult;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reading the findings register (问题台账): lists, counts, one finding and its history, always within the
 * actor's jurisdiction (operators their organisation tree, regulators their area; anything else is
 * {@link NotFoundException}). What a person is shown is audited: the register's list, a finding, its history.
 */
@Service
public class FindingQueries {

    private final FindingRepository repository;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    FindingQueries(FindingRepository repository, ApplicationEventPublisher events,
            Clock clock) {
        this.repository = repository;
        this.events = events;
        this.clock = clock;
    }

    /**
     * The findings of the actor's jurisdiction that match the query; the view of the register is audited
     * ({@code finding.report.viewed}, view {@code register}). Sort keys: title, severity, category, status, dueOn,
     * createdAt, updatedAt, cvssScore.
     */
    @Transactional(readOnly = true)
    public PageResult<Finding> list(Actor actor, FindingQuery query, PageRequest page) {
        PageResult<Finding> result = repository.search(query, scope(actor), page, today());
        events.publishEvent(new FindingReported("register", "list", result.total(), query.toString()));
        return result;
    }

    /**
     * How many findings of the actor's jurisdiction match the query: one COUNT of the register, for any filter.
     * Dashboards read the kept counters instead ({@link FindingCounts}).
     */
    @Transactional(readOnly = true)
    public long count(Actor actor, FindingQuery query) {
        return repository.count(query, scope(actor), today());
    }

    /** The finding, if the actor may see it; otherwise {@link NotFoundException}. */
    @Transactional(readOnly = true)
    public Finding get(Actor actor, long id) {
        return repository.find(id, scope(actor), LocalDate.now(clock))
                .orElseThrow(() -> new NotFoundException("finding", id));
    }

    /**
     * The finding shown to the actor (a page or the API): as {@link #get}, and the view is audited
     * ({@code finding.viewed}), since a finding is an inspection result.
     */
    @Transactional(readOnly = true)
    public Finding view(Actor actor, long id) {
        Finding finding = get(actor, id);
        events.publishEvent(new FindingViewed(id, finding.status()));
        return finding;
    }

    /** Every change of the finding, oldest first. */
    @Transactional(readOnly = true)
    public List<FindingHistoryEntry> history(Actor actor, long id) {
        get(actor, id);
        return repository.history(id);
    }

    /** The finding's history shown through the API: as {@link #history}, and the view is audited. */
    @Transactional(readOnly = true)
    public List<FindingHistoryEntry> viewHistory(Actor actor, long id) {
        List<FindingHistoryEntry> entries = history(actor, id);
        events.publishEvent(new FindingHistoryViewed(id, entries.size()));
        return entries;
    }

    private static SqlScope scope(Actor actor) {
        return actor.jurisdiction().organisationScope("f.organisation_id");
    }

    private FindingRepository.Today today() {
        return new FindingRepository.Today(LocalDate.now(clock), clock.getZone());
    }
}
