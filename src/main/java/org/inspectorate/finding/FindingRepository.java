package org.inspectorate.finding;

import static org.inspectorate.system.Jdbc.instant;
import static org.inspectorate.system.Jdbc.ts;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads of the findings register and its history, through plain SQL (every write is {@link FindingRegister}'s). */
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

    FindingRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
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

    /** The finding within the scope, citing every id it has in {@code finding_reference}. */
    Optional<Finding> find(long id, SqlScope scope, LocalDate today) {
        return jdbc.sql("SELECT f.* FROM finding f WHERE f.id = :id AND " + scope.sql())
                .param("id", id).params(scope.params())
                .query((rs, n) -> map(rs, today)).optional()
                .map(f -> {
                    List<String> all = references(f.id());
                    return all.isEmpty() ? f : f.withReferences(all);
                });
    }

    /** Every vulnerability id the finding cites, in id order (empty for rows stored before the table). */
    List<String> references(long findingId) {
        return jdbc.sql("SELECT ref FROM finding_reference WHERE finding_id = :id ORDER BY ref")
                .param("id", findingId).query(String.class).list();
    }

    /** Every line of the finding's history, oldest first. */
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
    record Today(LocalDate date, ZoneId zone) {

        Timestamp startOf(LocalDate day) {
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
            // an exact vulnerability id is found through finding_reference's index; vuln_refs still finds the
            // rows stored before that table (and any part of an id)
            String ref = q.text().strip().toUpperCase(Locale.ROOT);
            String byRef = "";
            if (VulnerabilityReferences.valid(ref)) {
                byRef = " OR EXISTS (SELECT 1 FROM finding_reference fr WHERE fr.ref = :ref AND fr.finding_id = f.id)";
                params.put("ref", ref);
            }
            where.append(" AND (LOWER(f.title) LIKE :text ESCAPE '!' OR LOWER(f.vuln_refs) LIKE :text ESCAPE '!'"
                    + " OR LOWER(f.asset) LIKE :text ESCAPE '!'" + byRef + ")");
            params.put("text", "%" + q.text().strip().toLowerCase(Locale.ROOT)
                    .replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%");
        }
        return new Where(where.toString(), params);
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
                instant(rs, "last_seen_at"), rs.getString("cvss_version"), rs.getString("solution"),
                rs.getString("evidence"), ImportFlag.parse(rs.getString("data_flags")),
                rs.getString("suppression_note"));
    }
}
