package org.inspectorate.filing.report;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.inspectorate.filing.NetworkUnitSummary;
import org.inspectorate.filing.NetworkUnits;
import org.inspectorate.filing.UnitQuery;
import org.inspectorate.organisation.Actor;
import org.inspectorate.organisation.Organisations;
import org.inspectorate.system.Keyset;
import org.inspectorate.system.PageRequest;
import org.inspectorate.system.PageResult;
import org.inspectorate.system.TableExport;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The downloads of the unit lists — the registry ({@code /network-units}) and the review queue — with the
 * page's filters, sort and jurisdiction: each is read through the list's own query ({@link NetworkUnits#list},
 * {@link NetworkUnits#reviewQueue}), a page of {@link PageRequest#MAX_SIZE} rows after another by the list's
 * cursor, and written row by row. The export is audited ({@code filing.exported}) before the first row.
 */
@Service
class UnitListExports {

    /** Which unit list. */
    enum UnitList {
        REGISTRY("units", "filing.units.title"), REVIEW_QUEUE("review-queue", "filing.review.title");

        final String name;
        final String titleKey;

        UnitList(String name, String titleKey) {
            this.name = name;
            this.titleKey = titleKey;
        }
    }

    private static final List<String> COLUMNS = List.of("filing.field.name", "filing.field.organisation",
            "filing.field.filingNumber", "filing.field.category", "filing.field.gradeLevel", "filing.field.state",
            "filing.field.kind", "filing.field.submittedAt", "filing.field.dueOn", "filing.field.updatedAt");

    private final NetworkUnits units;
    private final Organisations organisations;
    private final ApplicationEventPublisher events;

    UnitListExports(NetworkUnits units, Organisations organisations, ApplicationEventPublisher events) {
        this.units = units;
        this.organisations = organisations;
        this.events = events;
    }

    /**
     * Records the export in the audit trail with the list's (bounded) count and filter — first, in its own
     * transaction, so that a download the browser abandons is still on record. Refuses an actor without the list.
     */
    @Transactional
    public void record(Actor actor, UnitList list, UnitQuery query, String sort, boolean asc) {
        PageResult<NetworkUnitSummary> first = page(actor, list, query, new PageRequest(0, 1, sort, asc));
        String filter = query + ", sort=" + sort + (asc ? " asc" : " desc")
                + (first.totalAtLeast() ? ", more than " + first.total() : "");
        events.publishEvent(new FilingExported(list.name, (int) first.total(),
                filter.length() > 300 ? filter.substring(0, 300) : filter));
    }

    /** Writes the whole list; returns the rows written. */
    public long write(Actor actor, UnitList list, UnitQuery query, String sort, boolean asc, TableExport out,
            Function<String, String> text) {
        out.header(COLUMNS.stream().map(text).toList());
        long rows = 0;
        Keyset after = null;
        int page = 0;
        while (true) {
            PageResult<NetworkUnitSummary> result = page(actor, list, query,
                    new PageRequest(page, PageRequest.MAX_SIZE, sort, asc, after));
            Map<Long, String> names = organisations.namesUnscoped(
                    result.items().stream().map(NetworkUnitSummary::organisationId).toList());
            for (NetworkUnitSummary u : result.items()) {
                out.values(Arrays.asList(u.name(), names.get(u.organisationId()), u.filingNumber(),
                        text.apply(u.category().messageKey()), text.apply(u.gradeLevel().messageKey()),
                        text.apply(u.state().messageKey()), text.apply(u.kind().messageKey()),
                        u.submittedAt() == null ? null : u.submittedAt().toString(),
                        u.dueOn() == null ? null : u.dueOn().toString(), u.updatedAt().toString()));
                rows++;
            }
            if (result.next() != null) {
                after = result.next();
            } else if (after == null && result.items().size() == PageRequest.MAX_SIZE && page < PageRequest.MAX_PAGE) {
                page++; // an order read by page number (the due date, which may be empty)
            } else {
                break;
            }
        }
        return rows;
    }

    private PageResult<NetworkUnitSummary> page(Actor actor, UnitList list, UnitQuery query, PageRequest page) {
        return list == UnitList.REGISTRY ? units.list(actor, query, page) : units.reviewQueue(actor, query, page);
    }
}
