package org.inspectorate.finding;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.inspectorate.finding.FindingRepository.Today;
import org.inspectorate.finding.FindingRepository.Where;
import org.inspectorate.organisation.Jurisdiction.SqlScope;
import org.inspectorate.system.PageRequest;
import org.inspectorate.system.PageResult;
import org.inspectorate.system.Total;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The regulators' findings figures in SQL: one grouped scan for severity × category × status with the
 * age and overdue buckets worked out per row, one per operator (provinces are summed from it); and the overdue
 * rectifications with their operator and unit. Every read takes the scope on {@code f}.
 */
@Repository
class FindingReportRepository {

    private static final String UNRESOLVED = "f.status IN ('OPEN', 'REOPENED', 'MITIGATED')";

    private static final Map<String, String> OVERDUE_SORTS = Map.of("daysOverdue", "f.open_due_on",
            "severity", "f.severity_rank", "title", "f.title",
            "operator", "o.name", "unit", "u.name", "owner", "f.owner_name", "status", "f.status");

    private final JdbcClient jdbc;

    FindingReportRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One group of the grouped scan: a severity, category and status with its counts. */
    record Cell(Severity severity, Category category, FindingStatus status, long[] counts, long[] age,
            long[] ageOverdue, long[] late) {

        long total() {
            return counts[0];
        }

        long overdue() {
            return counts[1];
        }
    }

    /**
     * Counts by severity, category and status, with the opened-age buckets and the overdue buckets:
     * each finding's two buckets are worked out once in a subquery (first matching branch of a CASE),
     * then one GROUP BY counts the combinations, which are summed up here.
     */
    List<Cell> cells(FindingQuery query, SqlScope scope, Today today) {
        Where w = FindingRepository.where(query, scope, today);
        Map<String, Object> params = new HashMap<>(w.params());
        AgeBucket[] buckets = AgeBucket.values();
        // age: opened at or after the start of the bucket's earliest day; the last bucket takes the rest
        StringBuilder age = new StringBuilder("CASE");
        // lateness: the effective due date on or after the bucket's earliest day; -1 when not overdue
        StringBuilder late = new StringBuilder("CASE WHEN NOT ").append(FindingRepository.OVERDUE).append(" THEN -1");
        for (int i = 0; i < buckets.length - 1; i++) {
            LocalDate earliest = buckets[i].earliest(today.date());
            age.append(" WHEN f.created_at >= :age_from_").append(i).append(" THEN ").append(i);
            params.put("age_from_" + i, today.startOf(earliest));
            late.append(" WHEN ").append(FindingRepository.EFFECTIVE_DUE).append(" >= :late_from_").append(i)
                    .append(" THEN ").append(i);
            params.put("late_from_" + i, Date.valueOf(earliest));
        }
        age.append(" ELSE ").append(buckets.length - 1).append(" END");
        late.append(" ELSE ").append(buckets.length - 1).append(" END");
        String sql = "SELECT x.severity, x.category, x.status, x.age_bucket, x.late_bucket, COUNT(*) AS n FROM ("
                + "SELECT f.severity, f.category, f.status, " + age + " AS age_bucket, " + late + " AS late_bucket"
                + " FROM finding f" + w.sql() + ") x GROUP BY x.severity, x.category, x.status, x.age_bucket,"
                + " x.late_bucket";
        Map<List<String>, Cell> cells = new LinkedHashMap<>();
        jdbc.sql(sql).params(params).query(rs -> {
            List<String> key = List.of(rs.getString("severity"), rs.getString("category"), rs.getString("status"));
            Cell c = cells.computeIfAbsent(key, k -> new Cell(Severity.valueOf(k.get(0)), Category.valueOf(k.get(1)),
                    FindingStatus.valueOf(k.get(2)), new long[2], new long[buckets.length],
                    new long[buckets.length], new long[buckets.length]));
            long n = rs.getLong("n");
            int a = rs.getInt("age_bucket");
            int l = rs.getInt("late_bucket");
            c.counts()[0] += n;
            c.age()[a] += n;
            if (l >= 0) {
                c.counts()[1] += n;
                c.ageOverdue()[a] += n;
                c.late()[l] += n;
            }
        });
        return new ArrayList<>(cells.values());
    }

    /**
     * Counts per operator with its name and province, most overdue first, then most unresolved (every
     * operator with a finding in the filter: provinces are summed from these rows).
     */
    List<FindingReports.GroupRow> operators(FindingQuery query, SqlScope scope, Today today) {
        Where w = FindingRepository.where(query, scope, today);
        String sql = "SELECT f.organisation_id, o.name, o.province_code, COUNT(*) AS n, SUM(CASE WHEN " + UNRESOLVED
                + " THEN 1 ELSE 0 END) AS unresolved, SUM(CASE WHEN " + FindingRepository.OVERDUE
                + " THEN 1 ELSE 0 END) AS overdue, SUM(CASE WHEN f.severity = 'HIGH' AND " + UNRESOLVED
                + " THEN 1 ELSE 0 END) AS high FROM finding f JOIN organisation o ON o.id = f.organisation_id"
                + w.sql() + " GROUP BY f.organisation_id, o.name, o.province_code"
                + " ORDER BY overdue DESC, unresolved DESC, n DESC, o.name, f.organisation_id";
        return jdbc.sql(sql).params(w.params()).query((rs, n) -> new FindingReports.GroupRow(
                rs.getLong("organisation_id"), rs.getString("name"), rs.getString("province_code"), rs.getLong("n"),
                rs.getLong("unresolved"), rs.getLong("overdue"), rs.getLong("high"))).list();
    }

    /** The overdue list's orders read along an index of the register (the others sort the scope's overdue rows). */
    private static final Map<String, FindingSort> OVERDUE_SEEKS = Map.of("daysOverdue", FindingSort.OVERDUE,
            "severity", FindingSort.SEVERITY, "title", FindingSort.TITLE, "status", FindingSort.STATUS);

    /**
     * Overdue findings with their operator and unit, sorted by a whitelisted key (daysOverdue when unknown), with a
     * bounded total. Days overdue, severity, title and status are read along the register's indexes, range by range
     * of the scope, after the request's cursor; operator, unit and owner name are sorted (by page number).
     */
    PageResult<FindingReports.OverdueRow> overdue(FindingQuery query, FindingScope scope, Today today,
            PageRequest page) {
        Where w = FindingRepository.where(query, scope.whole(), today);
        Total total = Total.bounded(jdbc.sql(Total.boundedCountSql("SELECT 1 FROM finding f" + w.sql()))
                .params(w.params()).query(Long.class).single());
        String sort = page.sort() != null && OVERDUE_SORTS.containsKey(page.sort()) ? page.sort() : "daysOverdue";
        // more days overdue = an earlier due date: the direction flips for that key
        boolean ascending = "daysOverdue".equals(sort) != page.ascending();
        String direction = ascending ? "ASC" : "DESC";
        String columns = "f.id, f.title, f.severity, f.category, f.status, f.owner_name, f.plan_owner, f.organisation_id,"
                + " o.name AS organisation_name, o.province_code, f.network_unit_id, u.name AS unit_name, f.due_on,"
                + " f.plan_due_on, f.open_due_on, f.severity_rank";
        String joins = " JOIN organisation o ON o.id = f.organisation_id JOIN network_unit u ON u.id = f.network_unit_id";
        FindingSort seek = OVERDUE_SEEKS.get(sort);
        if (seek == null) {
            List<FindingReports.OverdueRow> items = jdbc.sql("SELECT " + columns + " FROM finding f" + joins + w.sql()
                    + " ORDER BY " + OVERDUE_SORTS.get(sort) + " " + direction + ", f.id " + direction
                    + " LIMIT :limit OFFSET :offset").params(w.params()).param("limit", page.size())
                    .param("offset", page.seeks() ? 0 : page.offset())
                    .query((rs, n) -> overdueRow(rs, today.date())).list();
            return new PageResult<>(items, page.page(), page.size(), total, null);
        }
        PageRequest ordered = new PageRequest(page.page(), page.size(), sort, ascending, page.after());
        Map<String, Object> params = new HashMap<>(w.params());
        String rows = FindingRepository.page(scope.narrowedTo(query.organisationId(), query.provinceCode()), w, seek,
                ordered, params);
        return FindingRepository.seekPage(jdbc, "SELECT " + columns + " FROM (" + rows + ") f" + joins + " ORDER BY "
                + seek.orderBy("f", ascending), params, seek, page, total, rs -> overdueRow(rs, today.date()));
    }

    private static FindingReports.OverdueRow overdueRow(ResultSet rs, LocalDate today) throws SQLException {
        LocalDate effective = rs.getDate("open_due_on").toLocalDate();
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
