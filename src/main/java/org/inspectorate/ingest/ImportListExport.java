package org.inspectorate.ingest;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.inspectorate.organisation.Actor;
import org.inspectorate.organisation.Organisations;
import org.inspectorate.system.Keyset;
import org.inspectorate.system.ListDownload;
import org.inspectorate.system.PageRequest;
import org.inspectorate.system.PageResult;
import org.inspectorate.system.TableExport;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The download of the imports list with the page's filter and the actor's jurisdiction: read through the
 * list's own query ({@link ImportJobs#list}) a page after another by its cursor, written row by row, and
 * audited ({@code import.list.exported}) before the first row.
 */
@Service
class ImportListExport {

    private static final List<String> COLUMNS = List.of("ingest.import.field.file", "ingest.import.field.organisation",
            "ingest.import.field.format", "ingest.import.field.state", "ingest.import.count.new",
            "ingest.import.count.updated", "ingest.import.count.unchanged", "ingest.import.count.notSeen",
            "ingest.import.count.unmatchedHosts", "ingest.import.field.createdAt", "ingest.import.field.createdBy");

    private final ImportJobs jobs;
    private final Organisations organisations;
    private final ApplicationEventPublisher events;

    ImportListExport(ImportJobs jobs, Organisations organisations, ApplicationEventPublisher events) {
        this.jobs = jobs;
        this.organisations = organisations;
        this.events = events;
    }

    /** Records the export with the list's bounded count, in its own transaction, before it is written. */
    @Transactional
    public void record(Actor actor, ListDownload.Format format, ImportListQuery query) {
        PageResult<ImportJob> first = jobs.list(actor, query, new PageRequest(0, 1, "createdAt", false));
        events.publishEvent(new ImportsExported(format.extension(), first.total(), first.totalAtLeast(), query));
    }

    /** Writes every import of the list; returns how many. */
    public long write(Actor actor, ImportListQuery query, TableExport out, Function<String, String> text) {
        out.header(COLUMNS.stream().map(text).toList());
        long rows = 0;
        Keyset after = null;
        do {
            PageResult<ImportJob> page = jobs.list(actor, query,
                    new PageRequest(0, PageRequest.MAX_SIZE, "createdAt", false, after));
            Map<Long, String> names = organisations.namesUnscoped(
                    page.items().stream().map(ImportJob::organisationId).toList());
            for (ImportJob j : page.items()) {
                out.values(Arrays.asList(j.fileName(), names.get(j.organisationId()),
                        j.format() == null ? null : text.apply("ingest.format." + j.format().name()),
                        text.apply(j.state().messageKey()), j.created(), j.updated(), j.unchanged(), j.notSeen(),
                        j.unmatchedHosts(), j.createdAt().toString(), j.createdBy()));
                rows++;
            }
            after = page.next();
        } while (after != null);
        return rows;
    }
}
