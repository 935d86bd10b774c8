package org.inspectorate.finding;

import static org.inspectorate.system.Jdbc.instant;
import static org.inspectorate.system.Jdbc.ts;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

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

/** The findings register and its history, through plain SQL. */
@Repository
class FindingRepository {

    private static final Map<String, String> SORTS = Map.of("title", "f.title", "severity",
            "CASE f.severity WHEN 'HIGH' THEN 1 WHEN 'MEDIUM' THEN 2 ELSE 3 END", "category", "f.category", "status",
            "f.status", "dueOn", "f.due_on", "createdAt", "f.created_at", "updatedAt", "f.updated_at", "cvssScore",
            "f.cvss_score");

    static final String OVERDUE = """
            ((f.status IN ('OPEN', 'REOPENED') AND f.due_on < :today)
              OR (f.status = 'MITIGATED' AND f.plan_due_on < :today))""";

    private static final int BATCH = 500;

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate named;

    FindingRepository(JdbcClient jdbc, NamedParameterJdbcTemplate named) {
        this.jdbc = jdbc;
        this.named = named;
    }

    /** The values of a new finding, checked. */
    record Row(long organisationId, long networkUnitId, String asset, String title, String description,
            Category category, Severity severity, List<String> references, CvssScore cvss, String ownerName,
            String ownerContact, Long ownerUserId, String campaignCode, FindingSource source, String sourceRef,
            String dedupKey, LocalDate dueOn) {
    }

    long insert(Row r, String by, Instant now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql(INSERT)
                .params(rowParams(r)).param("by", by).param("now", ts(now))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    private static final String INSERT = """
            INSERT INTO finding (organisation_id, network_unit_id, asset, title, description, category, severity,
                vuln_refs, cvss_vector, cvss_score, owner_name, owner_contact, owner_user_id, campaign_code, source,
                source_ref, dedup_key, status, due_on, created_by, created_at, updated_at, version)
            VALUES (:org, :unit, :asset, :title, :description, :category, :severity, :refs, :vector, :score,
                :ownerName, :ownerContact, :ownerUser, :campaign, :source, :sourceRef, :dedup, 'OPEN', :due, :by,
                :now, :now, 0)""";

    /** Inserts new findings with JDBC batching (all of one organisation, each with a dedup key); their ids by key. */
    Map<String, Long> insertAll(List<Row> rows, String by, Instant now) {
        for (int from = 0; from < rows.size(); from += BATCH) {
            List<Row> chunk = rows.subList(from, Math.min(rows.size(), from + BATCH));
            SqlParameterSource[] batch = chunk.stream().map(r -> {
                MapSqlParameterSource p = new MapSqlParameterSource(rowParams(r));
                p.addValue("by", by).addValue("now", ts(now));
                return (SqlParameterSource) p;
            }).toArray(SqlParameterSource[]::new);
            named.batchUpdate(INSERT, batch);
        }
        // only the ids are read back, so the day the overdue flag is computed against does not matter
        Map<String, Long> ids = new HashMap<>();
        findByDedupKeys(rows.get(0).organisationId(), rows.stream().map(Row::dedupKey).toList(), LocalDate.EPOCH)
                .forEach((key, f) -> ids.put(key, f.id()));
        return ids;
    }

    void insertOpenedEvents(java.util.Collection<Long> ids, Instant at, String by, String note) {
        List<Long> list = new ArrayList<>(ids);
        for (int from = 0; from < list.size(); from += BATCH) {
            SqlParameterSource[] batch = list.subList(from, Math.min(list.size(), from + BATCH)).stream()
                    .map(id -> (SqlParameterSource) new MapSqlParameterSource().addValue("finding", id)
                            .addValue("at", ts(at)).addValue("by", by).addValue("note", note))
                    .toArray(SqlParameterSource[]::new);
            named.batchUpdate("""
                    INSERT INTO finding_event (finding_id, occurred_at, actor_name, action, from_status, to_status, note)
                    VALUES (:finding, :at, :by, 'opened', NULL, 'OPEN', :note)""", batch);
        }
    }

    /** The organisation's findings with any of the keys, by key (looked up in chunks). */
    Map<String, Finding> findByDedupKeys(long organisationId, List<String> keys, LocalDate today) {
        Map<String, Finding> found = new HashMap<>();
        for (int from = 0; from < keys.size(); from += BATCH) {
            jdbc.sql("SELECT f.* FROM finding f WHERE f.organisation_id = :org AND f.dedup_key IN (:keys)")
                    .param("org", organisationId).param("keys", keys.subList(from, Math.min(keys.size(), from + BATCH)))
                    .query((rs, n) -> map(rs, today)).list()
                    .forEach(f -> found.put(f.dedupKey(), f));
        }
        return found;
    }

    /** Replaces the descriptive fields an import may refresh; false when the version moved on. */
    boolean refresh(long id, int version, Row r, Instant now) {
        return jdbc.sql("""
                UPDATE finding SET asset = :asset, title = :title, description = :description, category = :category,
                    severity = :severity, vuln_refs = :refs, cvss_vector = :vector, cvss_score = :score,
                    source_ref = :sourceRef, updated_at = :now, version = version + 1
                WHERE id = :id AND version = :version""")
                .params(rowParams(r)).param("now", ts(now)).param("id", id).param("version", version)
                .update() == 1;
    }

    private static Map<String, Object> rowParams(Row r) {
        Map<String, Object> p = new HashMap<>();
        p.put("org", r.organisationId());
        p.put("unit", r.networkUnitId());
        p.put("asset", r.asset());
        p.put("title", r.title());
        p.put("description", r.description());
        p.put("category", r.category().name());
        p.put("severity", r.severity().name());
        p.put("refs", r.references().isEmpty() ? null : String.join(" ", r.references()));
        p.put("vector", r.cvss() == null ? null : r.cvss().vector());
        p.put("score", r.cvss() == null ? null : r.cvss().baseScore());
        p.put("ownerName", r.ownerName());
        p.put("ownerContact", r.ownerContact());
        p.put("ownerUser", r.ownerUserId());
        p.put("campaign", r.campaignCode());
        p.put("source", r.source().name());
        p.put("sourceRef", r.sourceRef());
        p.put("dedup", r.dedupKey());
        p.put("due", r.dueOn() == null ? null : Date.valueOf(r.dueOn()));
        return p;
    }

    /**
     * Moves the finding to {@code to}, setting the given columns (whitelisted by the callers, never user
     * input) — only if it still has {@code version}.
     */
    boolean transition(long id, int version, FindingStatus to, Map<String, Object> columns, Instant now) {
        StringBuilder sql = new StringBuilder("UPDATE finding SET status = :to, updated_at = :now, version = version + 1");
        Map<String, Object> params = new HashMap<>();
        columns.forEach((column, value) -> {
            sql.append(", ").append(column).append(" = :c_").append(column);
            params.put("c_" + column, value instanceof LocalDate d ? Date.valueOf(d)
                    : value instanceof Instant i ? ts(i) : value);
        });
        sql.append(" WHERE id = :id AND version = :version");
        return jdbc.sql(sql.toString()).params(params).param("to", to.name()).param("now", ts(now))
                .param("id", id).param("version", version).update() == 1;
    }

    boolean updateAccountability(long id, int version, Finding.Accountability a, Instant now) {
        return jdbc.sql("""
                UPDATE finding SET accountable_person = :person, accountability_action = :action,
                    accountability_on = :decided, updated_at = :now, version = version + 1
                WHERE id = :id AND version = :version""")
                .param("person", a.responsible()).param("action", a.action())
                .param("decided", a.decidedOn() == null ? null : Date.valueOf(a.decidedOn()))
                .param("now", ts(now)).param("id", id).param("version", version).update() == 1;
    }

    Optional<Finding> find(long id, SqlScope scope, LocalDate today) {
        return jdbc.sql("SELECT f.* FROM finding f WHERE f.id = :id AND " + scope.sql())
                .param("id", id).params(scope.params())
                .query((rs, n) -> map(rs, today)).optional();
    }

    Optional<Finding> findByDedupKey(long organisationId, String dedupKey, LocalDate today) {
        return jdbc.sql("SELECT f.* FROM finding f WHERE f.organisation_id = :org AND f.dedup_key = :key")
                .param("org", organisationId).param("key", dedupKey)
                .query((rs, n) -> map(rs, today)).optional();
    }

    PageResult<Finding> search(FindingQuery q, SqlScope scope, PageRequest page, Today today) {
        Where w = where(q, scope, today);
        long total = jdbc.sql("SELECT COUNT(*) FROM finding f" + w.sql()).params(w.params()).query(Long.class).single();
        String order = SORTS.getOrDefault(page.sort() == null ? "" : page.sort(), "f.updated_at");
        List<Finding> items = jdbc.sql("SELECT f.* FROM finding f" + w.sql() + " ORDER BY " + order + " "
                + page.direction() + ", f.id " + page.direction() + " LIMIT :limit OFFSET :offset")
                .params(w.params()).param("limit", page.size()).param("offset", page.offset())
                .query((rs, n) -> map(rs, today.date())).list();
        return new PageResult<>(items, page.page(), page.size(), total);
    }

    /** How many findings match: one COUNT. */
    long count(FindingQuery q, SqlScope scope, Today today) {
        Where w = where(q, scope, today);
        return jdbc.sql("SELECT COUNT(*) FROM finding f" + w.sql()).params(w.params()).query(Long.class).single();
    }

    /** Today's date and the zone that turns it into the instants {@code created_at} is compared with. */
    record Today(LocalDate date, java.time.ZoneId zone) {

        java.sql.Timestamp startOf(LocalDate day) {
            return ts(day.atStartOfDay(zone).toInstant());
        }
    }

    /** A WHERE clause (with its leading keyword) on {@code f} and its named parameters. */
    record Where(String sql, Map<String, Object> params) {
    }

    /** The date a finding is due by now: the plan's once mitigated, otherwise its own. */
    static final String EFFECTIVE_DUE = "(CASE WHEN f.status = 'MITIGATED' THEN f.plan_due_on ELSE f.due_on END)";

    /** The scope and every filter of the query, as SQL on {@code f}. */
    static Where where(FindingQuery q, SqlScope scope, Today today) {
        StringBuilder where = new StringBuilder(" WHERE (").append(scope.sql()).append(")");
        Map<String, Object> params = new HashMap<>(scope.params());
        params.put("today", Date.valueOf(today.date()));
        if (q.severity() != null) {
            where.append(" AND f.severity = :severity");
            params.put("severity", q.severity().name());
        }
        if (q.category() != null) {
            where.append(" AND f.category = :category");
            params.put("category", q.category().name());
        }
        if (q.status() != null) {
            where.append(" AND f.status = :status");
            params.put("status", q.status().name());
        }
        if (Boolean.TRUE.equals(q.unresolved())) {
            where.append(" AND f.status IN ('OPEN', 'REOPENED', 'MITIGATED')");
        } else if (Boolean.FALSE.equals(q.unresolved())) {
            where.append(" AND f.status NOT IN ('OPEN', 'REOPENED', 'MITIGATED')");
        }
        if (q.source() != null) {
            where.append(" AND f.source = :source");
            params.put("source", q.source().name());
        }
        if (q.networkUnitId() != null) {
            where.append(" AND f.network_unit_id = :unit");
            params.put("unit", q.networkUnitId());
        }
        if (q.organisationId() != null) {
            where.append(" AND f.organisation_id = :f_org");
            params.put("f_org", q.organisationId());
        }
        if (q.provinceCode() != null && !q.provinceCode().isBlank()) {
            where.append(" AND f.organisation_id IN (SELECT fp_o.id FROM organisation fp_o"
                    + " WHERE fp_o.province_code = :f_province)");
            params.put("f_province", q.provinceCode().strip());
        }
        if (q.campaignCode() != null && !q.campaignCode().isBlank()) {
            where.append(" AND f.campaign_code = :campaign");
            params.put("campaign", q.campaignCode().strip());
        }
        if (q.notSeen() != null) {
            where.append(" AND f.not_seen = :notSeen");
            params.put("notSeen", q.notSeen());
        }
        if (Boolean.TRUE.equals(q.overdue()) || q.overdueFor() != null) {
            where.append(" AND ").append(OVERDUE);
        } else if (Boolean.FALSE.equals(q.overdue())) {
            where.append(" AND NOT ").append(OVERDUE);
        }
        if (q.overdueFor() != null) {
            where.append(" AND ").append(EFFECTIVE_DUE).append(" <= :due_latest");
            params.put("due_latest", Date.valueOf(q.overdueFor().latest(today.date())));
            if (q.overdueFor().earliest(today.date()) != null) {
                where.append(" AND ").append(EFFECTIVE_DUE).append(" >= :due_earliest");
                params.put("due_earliest", Date.valueOf(q.overdueFor().earliest(today.date())));
            }
        }
        if (q.age() != null) {
            // opened on a day between earliest and latest: at or after the first's start, before the day after the last
            where.append(" AND f.created_at < :opened_before");
            params.put("opened_before", today.startOf(q.age().latest(today.date()).plusDays(1)));
            if (q.age().earliest(today.date()) != null) {
                where.append(" AND f.created_at >= :opened_from");
                params.put("opened_from", today.startOf(q.age().earliest(today.date())));
            }
        }
        if (q.text() != null && !q.text().isBlank()) {
            where.append(" AND (LOWER(f.title) LIKE :text ESCAPE '!' OR LOWER(f.vuln_refs) LIKE :text ESCAPE '!'"
                    + " OR LOWER(f.asset) LIKE :text ESCAPE '!')");
            params.put("text", "%" + q.text().strip().toLowerCase(Locale.ROOT)
                    .replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%");
        }
        return new Where(where.toString(), params);
    }

    void insertEvent(long findingId, Instant at, String by, String action, FindingStatus from, FindingStatus to,
            String note) {
        jdbc.sql("""
                INSERT INTO finding_event (finding_id, occurred_at, actor_name, action, from_status, to_status, note)
                VALUES (:finding, :at, :by, :action, :from, :to, :note)""")
                .param("finding", findingId).param("at", ts(at)).param("by", by).param("action", action)
                .param("from", from == null ? null : from.name()).param("to", to == null ? null : to.name())
                .param("note", note).update();
    }

    List<FindingHistoryEntry> history(long findingId) {
        return jdbc.sql("SELECT * FROM finding_event WHERE finding_id = :id ORDER BY occurred_at, id")
                .param("id", findingId)
                .query((rs, n) -> new FindingHistoryEntry(instant(rs, "occurred_at"), rs.getString("actor_name"),
                        rs.getString("action"), status(rs.getString("from_status")), status(rs.getString("to_status")),
                        rs.getString("note")))
                .list();
    }

    private static FindingStatus status(String s) {
        return s == null ? null : FindingStatus.valueOf(s);
    }

    private static LocalDate date(ResultSet rs, String column) throws SQLException {
        Date d = rs.getDate(column);
        return d == null ? null : d.toLocalDate();
    }

    private static Finding map(ResultSet rs, LocalDate today) throws SQLException {
        String refs = rs.getString("vuln_refs");
        FindingStatus status = FindingStatus.valueOf(rs.getString("status"));
        LocalDate due = date(rs, "due_on");
        LocalDate planDue = date(rs, "plan_due_on");
        Finding.Rectification plan = rs.getString("plan_text") == null && planDue == null ? null
                : new Finding.Rectification(rs.getString("measures"), rs.getString("plan_text"),
                        rs.getString("plan_owner"), planDue);
        Finding.Accountability accountability = new Finding.Accountability(rs.getString("accountable_person"),
                rs.getString("accountability_action"), date(rs, "accountability_on"));
        long ownerUser = rs.getLong("owner_user_id");
        Long ownerUserId = rs.wasNull() ? null : ownerUser;
        BigDecimal score = rs.getBigDecimal("cvss_score");
        LocalDate effectiveDue = status == FindingStatus.MITIGATED && planDue != null ? planDue : due;
        boolean overdue = status.unresolved() && effectiveDue != null && effectiveDue.isBefore(today);
        return new Finding(rs.getLong("id"), rs.getLong("organisation_id"), rs.getLong("network_unit_id"),
                rs.getString("asset"), rs.getString("title"), rs.getString("description"),
                Category.valueOf(rs.getString("category")), Severity.valueOf(rs.getString("severity")),
                refs == null ? List.of() : new ArrayList<>(Arrays.asList(refs.split(" "))), rs.getString("cvss_vector"),
                score == null ? null : score.setScale(1), rs.getString("owner_name"), rs.getString("owner_contact"),
                ownerUserId, rs.getString("campaign_code"), FindingSource.valueOf(rs.getString("source")),
                rs.getString("source_ref"), rs.getString("dedup_key"), status, due, rs.getString("fix_note"), plan,
                rs.getString("verified_by"), instant(rs, "verified_at"), instant(rs, "closed_at"),
                rs.getString("reopen_reason"), accountability, rs.getString("created_by"), instant(rs, "created_at"),
                instant(rs, "updated_at"), rs.getInt("version"), overdue, rs.getBoolean("not_seen"),
                instant(rs, "last_seen_at"));
    }
}
