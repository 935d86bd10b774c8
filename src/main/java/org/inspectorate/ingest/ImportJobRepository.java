package org.inspectorate.ingest;

import static org.inspectorate.system.Jdbc.instant;
import static org.inspectorate.system.Jdbc.ts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.inspectorate.organisation.Jurisdiction.SqlScope;
import org.inspectorate.system.Keyset;
import org.inspectorate.system.PageRequest;
import org.inspectorate.system.PageResult;
import org.inspectorate.system.Seek;
import org.inspectorate.system.Total;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Import jobs, the per-operator lock, staged findings of unmatched hosts and host assignments, in SQL. */
@Repository
class ImportJobRepository {

    /** The imports list's one order: newest first, read by seeking on the creation time and id. */
    private static final Seek NEWEST = Seek.instant("j.created_at", "j.id", false);

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate named;

    ImportJobRepository(JdbcClient jdbc, NamedParameterJdbcTemplate named) {
        this.jdbc = jdbc;
        this.named = named;
    }

    long insert(long organisationId, List<Long> unitIds, ReportFormat format, String fileName, String by,
            long size, String node, Instant now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO import_job (organisation_id, unit_ids, report_format, file_name, state, created_by,
                    created_at, heartbeat_at, node_id, bytes_total, bytes_read, findings_parsed)
                VALUES (:org, :units, :format, :name, 'QUEUED', :by, :now, :now, :node, :size, 0, 0)""")
                .param("org", organisationId)
                .param("units", unitIds.isEmpty() ? null
                        : unitIds.stream().map(String::valueOf).collect(Collectors.joining(",")))
                .param("format", format == null ? null : format.name()).param("name", fileName).param("by", by)
                .param("now", ts(now)).param("node", node).param("size", size)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    /** Takes the operator's import lock; false when another live import holds it. */
    boolean lock(long organisationId, long importId, Instant now) {
        try {
            jdbc.sql("INSERT INTO import_scope_lock (organisation_id, import_id, heartbeat_at) VALUES (:org, :id, :now)")
                    .param("org", organisationId).param("id", importId).param("now", ts(now)).update();
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    void unlock(long organisationId, long importId) {
        jdbc.sql("DELETE FROM import_scope_lock WHERE organisation_id = :org AND import_id = :id")
                .param("org", organisationId).param("id", importId).update();
    }

    /** The active jobs whose node last beat before {@code staleBefore}: candidates for expiry. */
    List<ImportLifecycle> beatingBefore(Instant staleBefore) {
        return jdbc.sql(LIFECYCLE + " WHERE state IN ('QUEUED', 'RUNNING') AND heartbeat_at < :stale")
                .param("stale", ts(staleBefore)).query((rs, n) -> lifecycle(rs)).list();
    }

    /**
     * Frees the locks whose holder stopped beating before {@code staleBefore}. The stale rows are found by a plain
     * read and deleted one by one by their key: a {@code DELETE … WHERE heartbeat_at < …} scans the whole table and,
     * on MariaDB (repeatable read), keeps a lock on every row it scanned, a live import's too; that import's run,
     * which holds the audit head from its findings' entry when it frees its own row, then waits for this
     * transaction, which waits for the head — a deadlock (docs/adr/0002-audit-chain-head-lock.md).
     */
    void releaseLocksBeatingBefore(Instant staleBefore) {
        List<Long> stale = jdbc.sql("SELECT organisation_id FROM import_scope_lock WHERE heartbeat_at < :stale")
                .param("stale", ts(staleBefore)).query(Long.class).list();
        for (Long organisationId : stale) {
            jdbc.sql("DELETE FROM import_scope_lock WHERE organisation_id = :org AND heartbeat_at < :stale")
                    .param("org", organisationId).param("stale", ts(staleBefore)).update();
        }
    }

    void heartbeat(List<Long> ids, Instant now) {
        if (ids.isEmpty()) {
            return;
        }
        jdbc.sql("UPDATE import_job SET heartbeat_at = :now WHERE id IN (:ids) AND state IN ('QUEUED', 'RUNNING')")
                .param("ids", ids).param("now", ts(now)).update();
        beatLocks(ids, now);
    }

    /**
     * Beats the operators' locks the imports hold, found by their key (the operator): {@code WHERE import_id …} would
     * scan the table and, on MariaDB, lock every row and the gaps between them, so that a submission's insert of its
     * own operator's lock and a run freeing its own waited for this transaction and, through the audit head, for
     * each other.
     */
    private void beatLocks(List<Long> ids, Instant now) {
        List<Long> organisations = jdbc.sql("SELECT DISTINCT organisation_id FROM import_job WHERE id IN (:ids)")
                .param("ids", ids).query(Long.class).list();
        if (organisations.isEmpty()) {
            return;
        }
        jdbc.sql("UPDATE import_scope_lock SET heartbeat_at = :now WHERE organisation_id IN (:orgs) AND import_id IN (:ids)")
                .param("orgs", organisations).param("ids", ids).param("now", ts(now)).update();
    }

    void progress(long id, ReportFormat format, long bytesRead, long parsed, Instant now) {
        jdbc.sql("""
                UPDATE import_job SET report_format = :format, bytes_read = :bytes, findings_parsed = :parsed,
                    heartbeat_at = :now WHERE id = :id AND state = 'RUNNING'""")
                .param("id", id).param("format", format == null ? null : format.name()).param("bytes", bytesRead)
                .param("parsed", parsed).param("now", ts(now)).update();
        beatLocks(List.of(id), now);
    }

    /** The job as an aggregate, whatever the jurisdiction (for its own run and its expiry). */
    Optional<ImportLifecycle> lifecycle(long id) {
        return jdbc.sql(LIFECYCLE + " WHERE id = :id").param("id", id).query((rs, n) -> lifecycle(rs)).optional();
    }

    /**
     * Writes the job's move since it was read, if its row is still in the state it was read in; false when it
     * is not (another node expired it meanwhile), and the caller's transaction must not go on as if it were
     * saved. A job that no longer holds its operator's lock frees it, whether or not the move was written (the
     * lock is this job's own: another import's is never freed here).
     */
    boolean save(ImportLifecycle job) {
        boolean saved = job.state() == job.persistedState() || write(job) == 1;
        if (saved) {
            job.saved();
        }
        if (!job.holdsLock()) {
            unlock(job.organisationId(), job.id());
        }
        return saved;
    }

    private int write(ImportLifecycle job) {
        return switch (job.state()) {
            case RUNNING -> jdbc.sql("""
                    UPDATE import_job SET state = 'RUNNING', started_at = :at, heartbeat_at = :at
                    WHERE id = :id AND state = :from""")
                    .param("id", job.id()).param("from", job.persistedState().name())
                    .param("at", ts(job.startedAt())).update();
            case SUCCEEDED -> succeeded(job);
            case FAILED -> jdbc.sql("""
                    UPDATE import_job SET state = 'FAILED', error_key = :key, error_detail = :detail, finished_at = :at
                    WHERE id = :id AND state = :from""")
                    .param("id", job.id()).param("from", job.persistedState().name()).param("key", job.errorKey())
                    .param("detail", cut(job.errorDetail(), 1000)).param("at", ts(job.finishedAt())).update();
            case QUEUED -> throw new IllegalStateException("no move leads back to QUEUED");
        };
    }

    private int succeeded(ImportLifecycle job) {
        ImportResult r = job.result();
        return jdbc.sql("""
                UPDATE import_job SET state = 'SUCCEEDED', report_format = :format, bytes_read = :bytes,
                    findings_parsed = :parsed, count_new = :created, count_updated = :updated,
                    count_unchanged = :unchanged, count_reopened = :reopened, count_not_seen = :notSeen,
                    count_unmatched = :unmatched, unmatched_hosts = :hosts, finished_at = :now, heartbeat_at = :now
                WHERE id = :id AND state = :from""")
                .param("id", job.id()).param("from", job.persistedState().name())
                .param("format", r.format().name()).param("bytes", r.bytesRead()).param("parsed", r.parsed())
                .param("created", r.created()).param("updated", r.updated()).param("unchanged", r.unchanged())
                .param("reopened", r.reopened()).param("notSeen", r.notSeen()).param("unmatched", r.unmatchedFindings())
                .param("hosts", r.unmatchedHosts()).param("now", ts(job.finishedAt())).update();
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }

    /** Adds what an assignment imported to the job's counts; its hosts wait no more. */
    void saveAssignment(UnmatchedHostAssigned a) {
        jdbc.sql("""
                UPDATE import_job SET count_new = count_new + :created, count_updated = count_updated + :updated,
                    count_unchanged = count_unchanged + :unchanged, count_unmatched = count_unmatched - :moved,
                    unmatched_hosts = unmatched_hosts - :hosts
                WHERE id = :id""")
                .param("id", a.importId()).param("created", a.created()).param("updated", a.updated())
                .param("unchanged", a.unchanged()).param("moved", a.moved()).param("hosts", a.hosts()).update();
    }

    /** The job as pages show it, whatever the jurisdiction (for its own run). */
    Optional<ImportJob> find(long id) {
        return jdbc.sql("SELECT j.* FROM import_job j WHERE j.id = :id").param("id", id).query((rs, n) -> map(rs))
                .optional();
    }

    Optional<ImportJob> find(long id, SqlScope scope) {
        return jdbc.sql("SELECT j.* FROM import_job j WHERE j.id = :id AND (" + scope.sql() + ")")
                .param("id", id).params(scope.params()).query((rs, n) -> map(rs)).optional();
    }

    /**
     * The imports in the scope matching the query, newest first, read after the page's cursor (the creation
     * time and id), with a bounded total.
     */
    PageResult<ImportJob> search(SqlScope scope, ImportListQuery query, PageRequest page) {
        Map<String, Object> params = new HashMap<>(scope.params());
        StringBuilder where = new StringBuilder(" WHERE (").append(scope.sql()).append(")");
        if (query.state() != null) {
            where.append(" AND j.state = :state");
            params.put("state", query.state().name());
        }
        if (query.text() != null) {
            where.append(" AND LOWER(j.file_name) LIKE :text ESCAPE '!'");
            params.put("text", "%" + query.text().toLowerCase(Locale.ROOT).replace("!", "!!").replace("%", "!%")
                    .replace("_", "!_") + "%");
        }
        Total total = Total.bounded(jdbc.sql(Total.boundedCountSql("SELECT 1 FROM import_job j" + where))
                .params(params).query(Long.class).single());
        List<ImportJob> items = jdbc.sql("SELECT j.* FROM import_job j" + where + NEWEST.condition(page)
                        + " ORDER BY " + NEWEST.orderBy() + Seek.limit(page))
                .params(params).params(NEWEST.params(page))
                .query((rs, n) -> map(rs)).list();
        return Seek.page(items, page, total, j -> new Keyset(j.createdAt().toString(), j.id()));
    }

    // --- unmatched hosts ------------------------------------------------------------------------

    void stage(long importId, List<String[]> hostAndPayload) {
        SqlParameterSource[] batch = hostAndPayload.stream()
                .map(r -> (SqlParameterSource) new MapSqlParameterSource("id", importId).addValue("host", r[0])
                        .addValue("payload", r[1]))
                .toArray(SqlParameterSource[]::new);
        named.batchUpdate("INSERT INTO import_staged_finding (import_id, host, payload) VALUES (:id, :host, :payload)",
                batch);
    }

    /** Lists the unmatched hosts of an import with their waiting findings and natural sort keys. */
    void stageHosts(long importId, Map<String, Integer> findingsByHost) {
        List<SqlParameterSource> batch = new ArrayList<>();
        for (Map.Entry<String, Integer> e : findingsByHost.entrySet()) {
            batch.add(new MapSqlParameterSource("id", importId).addValue("host", e.getKey())
                    .addValue("key", HostSortKey.of(e.getKey())).addValue("n", e.getValue()));
            if (batch.size() >= 500) {
                flushHosts(batch);
            }
        }
        flushHosts(batch);
    }

    private void flushHosts(List<SqlParameterSource> batch) {
        if (!batch.isEmpty()) {
            named.batchUpdate("""
                    INSERT INTO import_unmatched_host (import_id, host, sort_key, findings)
                    VALUES (:id, :host, :key, :n)""", batch.toArray(SqlParameterSource[]::new));
            batch.clear();
        }
    }

    /** A page of the unmatched hosts in natural order (IPv4, IPv6, names, {@code (code)}). */
    PageResult<UnmatchedHost> unmatched(long importId, PageRequest page) {
        long total = jdbc.sql("SELECT COUNT(*) FROM import_unmatched_host WHERE import_id = :id")
                .param("id", importId).query(Long.class).single();
        List<UnmatchedHost> items = jdbc.sql("""
                SELECT host, findings FROM import_unmatched_host WHERE import_id = :id
                ORDER BY sort_key, host LIMIT :limit OFFSET :offset""")
                .param("id", importId).param("limit", page.size()).param("offset", page.offset())
                .query((rs, n) -> new UnmatchedHost(rs.getString("host"), rs.getInt("findings"))).list();
        return new PageResult<>(items, page.page(), page.size(), total);
    }

    /** How many unmatched hosts of the import the selection takes, and their waiting findings. */
    long[] selected(long importId, HostSelection selection) {
        return jdbc.sql("SELECT COUNT(*), COALESCE(SUM(h.findings), 0) FROM import_unmatched_host h WHERE "
                        + selection.where())
                .params(selection.params(importId))
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).single();
    }

    /** The selected hosts' names, in natural order (for proposing them as assets; a few thousand at most). */
    List<String> selectedHosts(long importId, HostSelection selection) {
        return jdbc.sql("SELECT h.host FROM import_unmatched_host h WHERE " + selection.where()
                        + " ORDER BY h.sort_key, h.host")
                .params(selection.params(importId)).query(String.class).list();
    }

    /** Streams the payloads of the selected hosts' waiting findings, in staging order, without holding them. */
    void eachStaged(long importId, HostSelection selection, Consumer<String> payload) {
        JdbcTemplate streaming = new JdbcTemplate(named.getJdbcTemplate().getDataSource());
        streaming.setFetchSize(500);
        new NamedParameterJdbcTemplate(streaming).query("""
                SELECT s.payload FROM import_staged_finding s
                JOIN import_unmatched_host h ON h.import_id = s.import_id AND h.host = s.host
                WHERE s.import_id = :id""" + " AND " + selection.where() + " ORDER BY s.id",
                selection.params(importId), (RowCallbackHandler) rs -> payload.accept(rs.getString(1)));
    }

    /**
     * Remembers the selected hosts for the operator's later imports (replacing earlier assignments of them;
     * code findings have no host to remember), then drops their waiting findings and their rows; how many
     * findings and hosts were taken.
     */
    int[] assignSelected(long organisationId, long importId, HostSelection selection, long unitId, String by,
            Instant now) {
        Map<String, Object> p = new HashMap<>(selection.params(importId));
        p.put("org", organisationId);
        p.put("unit", unitId);
        p.put("by", by);
        p.put("now", ts(now));
        p.put("code", UnmatchedHost.CODE);
        String hosts = "SELECT h.host FROM import_unmatched_host h WHERE " + selection.where();
        jdbc.sql("DELETE FROM import_host_assignment WHERE organisation_id = :org AND host IN (" + hosts + ")")
                .params(p).update();
        jdbc.sql("""
                INSERT INTO import_host_assignment (organisation_id, host, unit_id, assigned_by, assigned_at)
                SELECT :org, h.host, :unit, :by, :now FROM import_unmatched_host h
                WHERE h.host <> :code""" + " AND " + selection.where()).params(p).update();
        int moved = jdbc.sql("DELETE FROM import_staged_finding WHERE import_id = :id AND host IN (" + hosts + ")")
                .params(p).update();
        int taken = jdbc.sql("DELETE FROM import_unmatched_host WHERE import_id = :id AND host IN ("
                        + "SELECT x.host FROM (" + hosts + ") x)")
                .params(p).update();
        return new int[] {moved, taken};
    }

    Map<String, Long> assignments(long organisationId) {
        Map<String, Long> out = new HashMap<>();
        jdbc.sql("SELECT host, unit_id FROM import_host_assignment WHERE organisation_id = :org")
                .param("org", organisationId)
                .query((rs, n) -> out.put(rs.getString("host"), rs.getLong("unit_id"))).list();
        return out;
    }

    private static final String LIFECYCLE = "SELECT id, organisation_id, file_name, state, heartbeat_at FROM import_job";

    private static ImportLifecycle lifecycle(ResultSet rs) throws SQLException {
        return ImportLifecycle.restore(rs.getLong("id"), rs.getLong("organisation_id"), rs.getString("file_name"),
                ImportState.valueOf(rs.getString("state")), instant(rs, "heartbeat_at"));
    }

    private static ImportJob map(ResultSet rs) throws SQLException {
        String units = rs.getString("unit_ids");
        List<Long> unitIds = units == null || units.isBlank() ? List.of()
                : new ArrayList<>(Arrays.stream(units.split(",")).map(Long::valueOf).toList());
        String format = rs.getString("report_format");
        return new ImportJob(rs.getLong("id"), rs.getLong("organisation_id"), unitIds,
                format == null ? null : ReportFormat.valueOf(format), rs.getString("file_name"),
                ImportState.valueOf(rs.getString("state")), rs.getString("created_by"), instant(rs, "created_at"),
                instant(rs, "started_at"), instant(rs, "finished_at"), rs.getLong("bytes_total"),
                rs.getLong("bytes_read"), rs.getLong("findings_parsed"), integer(rs, "count_new"),
                integer(rs, "count_updated"), integer(rs, "count_unchanged"), integer(rs, "count_reopened"),
                integer(rs, "count_not_seen"), integer(rs, "count_unmatched"), integer(rs, "unmatched_hosts"),
                rs.getString("error_key"), rs.getString("error_detail"));
    }

    private static Integer integer(ResultSet rs, String column) throws SQLException {
        int v = rs.getInt(column);
        return rs.wasNull() ? null : v;
    }
}
