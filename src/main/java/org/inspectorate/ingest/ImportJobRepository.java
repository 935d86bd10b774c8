package org.inspectorate.ingest;

import static org.inspectorate.system.Jdbc.ts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.inspectorate.organisation.Jurisdiction.SqlScope;
import org.inspectorate.system.PageRequest;
import org.inspectorate.system.PageResult;
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
        } catch (org.springframework.dao.DuplicateKeyException e) {
            return false;
        }
    }

    void unlock(long organisationId, long importId) {
        jdbc.sql("DELETE FROM import_scope_lock WHERE organisation_id = :org AND import_id = :id")
                .param("org", organisationId).param("id", importId).update();
    }

    /**
     * Fails the active jobs whose node stopped beating before {@code staleBefore} and frees their locks, so
     * that a crashed node never blocks a scope for ever. Returns the ids failed.
     */
    List<Long> expire(Instant staleBefore, Instant now) {
        List<Long> stale = jdbc.sql("""
                SELECT id FROM import_job WHERE state IN ('QUEUED', 'RUNNING') AND heartbeat_at < :stale""")
                .param("stale", ts(staleBefore)).query(Long.class).list();
        if (!stale.isEmpty()) {
            jdbc.sql("""
                    UPDATE import_job SET state = 'FAILED', finished_at = :now, error_key = 'ingest.import.abandoned'
                    WHERE id IN (:ids) AND state IN ('QUEUED', 'RUNNING')""")
                    .param("ids", stale).param("now", ts(now)).update();
        }
        jdbc.sql("DELETE FROM import_scope_lock WHERE heartbeat_at < :stale").param("stale", ts(staleBefore)).update();
        return stale;
    }

    void heartbeat(List<Long> ids, Instant now) {
        if (ids.isEmpty()) {
            return;
        }
        jdbc.sql("UPDATE import_job SET heartbeat_at = :now WHERE id IN (:ids) AND state IN ('QUEUED', 'RUNNING')")
                .param("ids", ids).param("now", ts(now)).update();
        jdbc.sql("UPDATE import_scope_lock SET heartbeat_at = :now WHERE import_id IN (:ids)")
                .param("ids", ids).param("now", ts(now)).update();
    }

    boolean start(long id, Instant now) {
        return jdbc.sql("""
                UPDATE import_job SET state = 'RUNNING', started_at = :now, heartbeat_at = :now
                WHERE id = :id AND state = 'QUEUED'""").param("id", id).param("now", ts(now)).update() == 1;
    }

    void progress(long id, ReportFormat format, long bytesRead, long parsed, Instant now) {
        jdbc.sql("""
                UPDATE import_job SET report_format = :format, bytes_read = :bytes, findings_parsed = :parsed,
                    heartbeat_at = :now WHERE id = :id AND state = 'RUNNING'""")
                .param("id", id).param("format", format == null ? null : format.name()).param("bytes", bytesRead)
                .param("parsed", parsed).param("now", ts(now)).update();
        jdbc.sql("UPDATE import_scope_lock SET heartbeat_at = :now WHERE import_id = :id")
                .param("id", id).param("now", ts(now)).update();
    }

    /**
     * Counts of a finished import, as the last step of its transaction; false when the job is no longer
     * RUNNING (another node expired it while this one stalled), and the transaction must roll back.
     */
    boolean succeed(long id, ReportFormat format, long bytesRead, long parsed, int created, int updated,
            int unchanged, int reopened, int notSeen, int unmatchedFindings, int unmatchedHosts, Instant now) {
        return jdbc.sql("""
                UPDATE import_job SET state = 'SUCCEEDED', report_format = :format, bytes_read = :bytes,
                    findings_parsed = :parsed, count_new = :created, count_updated = :updated,
                    count_unchanged = :unchanged, count_reopened = :reopened, count_not_seen = :notSeen,
                    count_unmatched = :unmatched, unmatched_hosts = :hosts, finished_at = :now, heartbeat_at = :now
                WHERE id = :id AND state = 'RUNNING'""")
                .param("id", id).param("format", format.name()).param("bytes", bytesRead).param("parsed", parsed)
                .param("created", created).param("updated", updated).param("unchanged", unchanged)
                .param("reopened", reopened).param("notSeen", notSeen).param("unmatched", unmatchedFindings)
                .param("hosts", unmatchedHosts).param("now", ts(now)).update() == 1;
    }

    /**
     * Fails an active job; false when it is no longer active, e.g. expired as abandoned while its node
     * stalled — that state and its message stay, not a "failed unexpectedly" written over them.
     */
    boolean fail(long id, String errorKey, String detail, Instant now) {
        return jdbc.sql("""
                UPDATE import_job SET state = 'FAILED', error_key = :key, error_detail = :detail, finished_at = :now
                WHERE id = :id AND state IN ('QUEUED', 'RUNNING')""")
                .param("id", id).param("key", errorKey)
                .param("detail", detail == null ? null : detail.length() > 1000 ? detail.substring(0, 1000) : detail)
                .param("now", ts(now)).update() == 1;
    }

    void afterAssignment(long id, int created, int updated, int unchanged, int moved) {
        jdbc.sql("""
                UPDATE import_job SET count_new = count_new + :created, count_updated = count_updated + :updated,
                    count_unchanged = count_unchanged + :unchanged, count_unmatched = count_unmatched - :moved,
                    unmatched_hosts = unmatched_hosts - 1
                WHERE id = :id""")
                .param("id", id).param("created", created).param("updated", updated).param("unchanged", unchanged)
                .param("moved", moved).update();
    }

    Optional<ImportJob> find(long id, SqlScope scope) {
        return jdbc.sql("SELECT j.* FROM import_job j WHERE j.id = :id AND (" + scope.sql() + ")")
                .param("id", id).params(scope.params()).query((rs, n) -> map(rs)).optional();
    }

    PageResult<ImportJob> search(SqlScope scope, PageRequest page) {
        Map<String, Object> params = new HashMap<>(scope.params());
        String where = " WHERE (" + scope.sql() + ")";
        long total = jdbc.sql("SELECT COUNT(*) FROM import_job j" + where).params(params).query(Long.class).single();
        List<ImportJob> items = jdbc.sql("SELECT j.* FROM import_job j" + where
                        + " ORDER BY j.created_at DESC, j.id DESC LIMIT :limit OFFSET :offset")
                .params(params).param("limit", page.size()).param("offset", page.offset())
                .query((rs, n) -> map(rs)).list();
        return new PageResult<>(items, page.page(), page.size(), total);
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

    List<UnmatchedHost> unmatched(long importId) {
        return jdbc.sql("""
                SELECT host, COUNT(*) AS n FROM import_staged_finding WHERE import_id = :id
                GROUP BY host ORDER BY COUNT(*) DESC, host""")
                .param("id", importId).query((rs, n) -> new UnmatchedHost(rs.getString("host"), rs.getInt("n")))
                .list();
    }

    List<String> staged(long importId, String host) {
        return jdbc.sql("SELECT payload FROM import_staged_finding WHERE import_id = :id AND host = :host ORDER BY id")
                .param("id", importId).param("host", host).query(String.class).list();
    }

    int unstage(long importId, String host) {
        return jdbc.sql("DELETE FROM import_staged_finding WHERE import_id = :id AND host = :host")
                .param("id", importId).param("host", host).update();
    }

    void assign(long organisationId, String host, long unitId, String by, Instant now) {
        jdbc.sql("DELETE FROM import_host_assignment WHERE organisation_id = :org AND host = :host")
                .param("org", organisationId).param("host", host).update();
        jdbc.sql("""
                INSERT INTO import_host_assignment (organisation_id, host, unit_id, assigned_by, assigned_at)
                VALUES (:org, :host, :unit, :by, :now)""")
                .param("org", organisationId).param("host", host).param("unit", unitId).param("by", by)
                .param("now", ts(now)).update();
    }

    Map<String, Long> assignments(long organisationId) {
        Map<String, Long> out = new HashMap<>();
        jdbc.sql("SELECT host, unit_id FROM import_host_assignment WHERE organisation_id = :org")
                .param("org", organisationId)
                .query((rs, n) -> out.put(rs.getString("host"), rs.getLong("unit_id"))).list();
        return out;
    }

    private static ImportJob map(ResultSet rs) throws SQLException {
        String units = rs.getString("unit_ids");
        List<Long> unitIds = units == null || units.isBlank() ? List.of()
                : new ArrayList<>(Arrays.stream(units.split(",")).map(Long::valueOf).toList());
        String format = rs.getString("report_format");
        return new ImportJob(rs.getLong("id"), rs.getLong("organisation_id"), unitIds,
                format == null ? null : ReportFormat.valueOf(format), rs.getString("file_name"),
                ImportState.valueOf(rs.getString("state")), rs.getString("created_by"), org.inspectorate.system.Jdbc.instant(rs, "created_at"),
                org.inspectorate.system.Jdbc.instant(rs, "started_at"), org.inspectorate.system.Jdbc.instant(rs, "finished_at"), rs.getLong("bytes_total"),
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
