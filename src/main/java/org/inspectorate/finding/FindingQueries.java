package org.inspectorate.finding;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;

import org.inspectorate.organisation.Actor;
import org.inspectorate.organisation.Jurisdiction.SqlScope;
import org.inspectorate.system.NotFoundException;
import org.inspectorate.system.PageRequest;
import org.inspectorate.system.PageResult;
import org.inspectorate.system.TableExport;
import org.inspectorate.system.Total;
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
    private final FindingAccess access;

    FindingQueries(FindingRepository repository, ApplicationEventPublisher events, Clock clock,
            FindingAccess access) {
        this.access = access;
        this.repository = repository;
        this.events = events;
        this.clock = clock;
    }

    /**
     * The findings of the actor's jurisdiction that match the query, one page: read along an index from the
     * request's cursor ({@code after}) or page number, with a bounded total ("10,000+") and the next page's
     * cursor; the view of the register is audited ({@code finding.report.viewed}, view {@code register}). Sort
     * keys ({@link FindingSort}): title, severity, category, status, dueOn, createdAt, updatedAt, cvssScore;
     * an unknown one sorts by updatedAt.
     *
     * @throws org.inspectorate.system.InvalidInputException naming {@code after} for a cursor that is not this
     *                                                       order's
     */
    @Transactional(readOnly = true)
    public PageResult<Finding> list(Actor actor, FindingQuery query, PageRequest page) {
        requireRegisterReader(actor);
        PageResult<Finding> result = repository.search(query, listScope(actor), page, FindingSort.UPDATED, today());
        events.publishEvent(new FindingReported("register", "list", result.total(), query.toString()));
        return result;
    }

    /**
     * Every finding of the actor's jurisdiction that matches the query, in the list's order, handed to the
     * export row by row as one query streams them (never the whole list in memory); audited first
     * ({@code finding.report.exported}, view {@code register}, with the list's bounded total). How many rows.
     */
    @Transactional(readOnly = true)
    public long export(Actor actor, FindingQuery query, String sort, boolean ascending, String format,
            TableExport out, Function<String, String> text) {
        requireRegisterReader(actor);
        FindingScope scope = listScope(actor);
        FindingRepository.Where w = repository.listWhere(query, scope.whole(), today());
        Total total = repository.boundedCount(w);
        events.publishEvent(new FindingReported("register", format, total.value(),
                (total.atLeast() ? "more than " + total.value() + " rows; " : "") + query));
        out.header(FindingExportRows.HEADER.stream().map(text).toList());
        long[] rows = {0};
        repository.stream(w, FindingSort.of(sort, FindingSort.UPDATED), ascending, today(), f -> {
            out.values(FindingExportRows.values(f, text));
            rows[0]++;
        });
        return rows[0];
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

    /** The actor's jurisdiction as the list reads it: its index ranges (see {@link FindingScope}). */
    /**
     * Only an operator's team and a regulator's officer have a register to read (page, API and download alike);
     * anyone else — an inspector, another department, the three administrators — is answered 404, not an empty list.
     * A download asks before it starts writing (an error can no longer be answered once the body has begun).
     */
    void requireRegisterReader(Actor actor) {
        if (!access.mayReadRegister(actor)) {
            throw new NotFoundException("finding register", actor.username());
        }
    }

    private FindingScope listScope(Actor actor) {
        return FindingScope.of(actor.jurisdiction(), repository::tree);
    }

    private static SqlScope scope(Actor actor) {
        return actor.jurisdiction().organisationScope("f.organisation_id");
    }

    private FindingRepository.Today today() {
        return new FindingRepository.Today(LocalDate.now(clock), clock.getZone());
    }

    /**
     * For the reminders of the notification module: unresolved findings whose SLA ends between the two days, soonest
     * first, a page of at most {@code limit} after the cursor (the last row's due day and id); no jurisdiction applied.
     */
    @Transactional(readOnly = true)
    public List<FindingDue> dueUnscoped(LocalDate from, LocalDate to, LocalDate afterDue, long afterId, int limit) {
        return repository.dueBetween(from, to, afterDue, afterId, limit);
    }
}
