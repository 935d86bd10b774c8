package org.inspectorate.finding;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.inspectorate.finding.FindingRepository.Today;
import org.inspectorate.finding.FindingRepository.Where;
import org.inspectorate.organisation.Jurisdiction.SqlScope;
import org.inspectorate.system.PageRequest;
import org.inspectorate.system.PageResult;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The regulators' findings figures in SQL: one grouped scan for severity × category × status with the
 * age and overdue buckets summed alongside, one per operator and one per province; and the overdue
 * rectifications with their operator and unit. Every read takes the scope on {@code f}.
 */
@Repository
class FindingReportRepository {

    private static final String UNRESOLVED = "f.status IN ('OPEN', 'REOPENED', 'MITIGATED')";

    private static final Map<String, String> OVERDUE_SORTS = Map.of("daysOverdue", FindingRepository.EFFECTIVE_DUE,
            "severity", "CASE f.severity WHEN 'HIGH' THEN 1 WHEN 'MEDIUM' THEN 2 ELSE 3 END", "title", "f.title",
            "operator", "o.name", "unit", "u.name", "owner", "f.owner_name", "status", "f.status");

    private final JdbcClient jdbc;

    FindingReportRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One group of the grouped scan: a severity, category and status with its counts. */
    record Cell(Severity severity, Category category, FindingStatus status, long total, long overdue, long[] age,
            long[] ageOverdue, long[] late) {
    }

    /** Counts by severity, category and status, with the opened-age buckets and the overdue buckets summed. */
    List<Cell> cells(FindingQuery query, SqlScope scope, Today today) {
        Where w = FindingRepository.where(query, scope, today);
        Map<String, Object> params = new HashMap<>(w.params());
        String due = FindingRepository.EFFECTIVE_DUE;
        String overdue = FindingRepository.OVERDUE;
        StringBuilder sql = new StringBuilder("SELECT f.severity, f.category, f.status, COUNT(*) AS n, SUM(CASE WHEN ")
                .append(overdue).append(" THEN 1 ELSE 0 END) AS overdue");
        AgeBucket[] buckets = AgeBucket.values();
        for (int i = 0; i < buckets.length; i++) {
            LocalDate earliest = buckets[i].earliest(today.date());
            LocalDate latest = buckets[i].latest(today.date());
            // opened on a day in [earliest, latest]; the first bucket also takes anything opened later (clock skew)
            StringBuilder opened = new StringBuilder("1 = 1");
            if (i > 0) {
                opened.append(" AND f.created_at < :age_before_").append(i);
                params.put("age_before_" + i, today.startOf(latest.plusDays(1)));
            }
            if (earliest != null) {
                opened.append(" AND f.created_at >= :age_from_").append(i);
                params.put("age_from_" + i, today.startOf(earliest));
            }
            sql.append(", SUM(CASE WHEN ").append(opened).append(" THEN 1 ELSE 0 END) AS age_").append(i);
            sql.append(", SUM(CASE WHEN ").append(overdue).append(" AND ").append(opened)
                    .append(" THEN 1 ELSE 0 END) AS age_overdue_").append(i);
            sql.append(", SUM(CASE WHEN ").append(overdue).append(" AND ").append(due).append(" <= :late_latest_")
                    .append(i);
            params.put("late_latest_" + i, Date.valueOf(latest));
            if (earliest != null) {
                sql.append(" AND ").append(due).append(" >= :late_earliest_").append(i);
                params.put("late_earliest_" + i, Date.valueOf(earliest));
            }
            sql.append(" THEN 1 ELSE 0 END) AS late_").append(i);
        }
        sql.append(" FROM finding f").append(w.sql()).append(" GROUP BY f.severity, f.category, f.status");
        return jdbc.sql(sql.toString()).params(params).query((rs, n) -> {
            long[] age = new long[buckets.length];
            long[] ageOverdue = new long[buckets.length];
            long[] late = new long[buckets.length];
            for (int i = 0; i < buckets.length; i++) {
                age[i] = rs.getLong("age_" + i);
                ageOverdue[i] = rs.getLong("age_overdue_" + i);
                late[i] = rs.getLong("late_" + i);
            }
            return new Cell(Severity.valueOf(rs.getString("severity")), Category.valueOf(rs.getString("category")),
                    FindingStatus.valueOf(rs.getString("status")), rs.getLong("n"), rs.getLong("overdue"), age, ageOverdue,
                    late);
        }).list();
    }

    /**
     * Counts per operator (or per province with {@code byProvince}), most overdue first, then most
     * unresolved; at most {@code limit} rows.
     */
    List<FindingReports.GroupRow> groups(FindingQuery query, SqlScope scope, Today today, boolean byProvince,
            int limit) {
        Where w = FindingRepository.where(query, scope, today);
        String key = byProvince ? "o.province_code" : "f.organisation_id, o.name, o.province_code";
        String sql = "SELECT " + key + ", COUNT(*) AS n, SUM(CASE WHEN " + UNRESOLVED
                + " THEN 1 ELSE 0 END) AS unresolved, SUM(CASE WHEN " + FindingRepository.OVERDUE
                + " THEN 1 ELSE 0 END) AS overdue, SUM(CASE WHEN f.severity = 'HIGH' AND " + UNRESOLVED
                + " THEN 1 ELSE 0 END) AS high FROM finding f JOIN organisation o ON o.id = f.organisation_id"
                + w.sql() + " GROUP BY " + key + " ORDER BY overdue DESC, unresolved DESC, n DESC, "
                + (byProvince ? "o.province_code" : "o.name, f.organisation_id") + " LIMIT :limit";
        return jdbc.sql(sql).params(w.params()).param("limit", limit).query((rs, n) -> new FindingReports.GroupRow(
                byProvince ? null : rs.getLong("organisation_id"), byProvince ? null : rs.getString("name"),
                rs.getString("province_code"), rs.getLong("n"), rs.getLong("unresolved"), rs.getLong("overdue"),
                rs.getLong("high"))).list();
    }

    /** Overdue findings with their operator and unit, sorted by a whitelisted key (daysOverdue when unknown). */
    PageResult<FindingReports.OverdueRow> overdue(FindingQuery query, SqlScope scope, Today today, PageRequest page) {
        Where w = FindingRepository.where(query, scope, today);
        String from = " FROM finding f JOIN organisation o ON o.id = f.organisation_id"
                + " JOIN network_unit u ON u.id = f.network_unit_id";
        long total = jdbc.sql("SELECT COUNT(*) FROM finding f" + w.sql()).params(w.params()).query(Long.class).single();
        String sort = page.sort() != null && OVERDUE_SORTS.containsKey(page.sort()) ? page.sort() : "daysOverdue";
        // more days overdue = an earlier due date: the direction flips for that key
        String direction = "daysOverdue".equals(sort) ? (page.ascending() ? "DESC" : "ASC") : page.direction();
        String order = OVERDUE_SORTS.get(sort) + " " + direction + ", f.id " + direction;
        List<FindingReports.OverdueRow> items = jdbc.sql("SELECT f.id, f.title, f.severity, f.category, f.status, "
                + "f.owner_name, f.plan_owner, f.organisation_id, o.name AS organisation_name, o.province_code, "
                + "f.network_unit_id, u.name AS unit_name, f.due_on, f.plan_due_on, " + FindingRepository.EFFECTIVE_DUE
                + " AS effective_due" + from + w.sql() + " ORDER BY " + order + " LIMIT :limit OFFSET :offset")
                .params(w.params()).param("limit", page.size()).param("offset", page.offset())
                .query((rs, n) -> overdueRow(rs, today.date())).list();
        return new PageResult<>(items, page.page(), page.size(), total);
    }

    private static FindingReports.OverdueRow overdueRow(ResultSet rs, LocalDate today) throws SQLException {
        LocalDate effective = rs.getDate("effective_due").toLocalDate();
        Date planDue = rs.getDate("plan_due_on");
        Date due = rs.getDate("due_on");
        return new FindingReports.OverdueRow(rs.getLong("id"), rs.getString("title"),
                Severity.valueOf(rs.getString("severity")), Category.valueOf(rs.getString("category")),
                FindingStatus.valueOf(rs.getString("status")), rs.getString("owner_name"), rs.getString("plan_owner"),
                rs.getLong("organisation_id"), rs.getString("organisation_name"), rs.getString("province_code"),
                rs.getLong("network_unit_id"), rs.getString("unit_name"), due == null ? null : due.toLocalDate(),
                planDue == null ? null : planDue.toLocalDate(), effective, ChronoUnit.DAYS.between(effective, today));
    }
}
