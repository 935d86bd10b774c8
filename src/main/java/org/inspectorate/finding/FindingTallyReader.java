package org.inspectorate.finding;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.inspectorate.finding.FindingRepository.Today;
import org.inspectorate.organisation.Jurisdiction;
import org.inspectorate.organisation.Jurisdiction.SqlScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Sums of the findings' counters ({@link FindingTally}) under a jurisdiction: the regulators' summary (severity ×
 * category × status with the age and overdue buckets, per operator) and the home pages' totals. The same rules as
 * the register's queries, on {@code finding_tally t}: unresolved is OPEN, REOPENED, MITIGATED; overdue is unresolved
 * with the kept due date before today; a finding's age is counted from the day it was opened. Every read takes the
 * scope on {@code t.organisation_id}; the rows read are the counters of the organisations in it, never the
 * register.
 */
@Repository
class FindingTallyReader {

    private static final String UNRESOLVED = "t.status IN ('OPEN', 'REOPENED', 'MITIGATED')";
    private static final String OVERDUE = "(" + UNRESOLVED + " AND t.due_on < :today)";

    /**
     * What the counters are filtered by; {@code null} means any.
     *
     * @param overdueFor days past the due date (implies overdue)
     */
    record Filter(Severity severity, Category category, String campaign, Long organisationId, String province,
            Boolean unresolved, Boolean overdue, AgeBucket overdueFor) {

        static Filter all() {
            return new Filter(null, null, null, null, null, null, null, null);
        }
    }

    /** The home pages' numbers: every finding, the unresolved, the overdue, the unresolved HIGH ones. */
    record Totals(long total, long unresolved, long overdue, long highUnresolved) {
    }

    private final JdbcClient jdbc;

    FindingTallyReader(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The totals under the scope: one sum over its counters. */
    Totals totals(Filter filter, SqlScope scope, Today today) {
        Map<String, Object> params = new HashMap<>();
        String where = where(filter, scope, today, params);
        return jdbc.sql("SELECT COALESCE(SUM(t.n), 0) AS n, COALESCE(SUM(CASE WHEN " + UNRESOLVED
                + " THEN t.n ELSE 0 END), 0) AS unresolved, COALESCE(SUM(CASE WHEN " + OVERDUE
                + " THEN t.n ELSE 0 END), 0) AS overdue, COALESCE(SUM(CASE WHEN t.severity = 'HIGH' AND " + UNRESOLVED
                + " THEN t.n ELSE 0 END), 0) AS high FROM finding_tally t" + where).params(params)
                .query((rs, n) -> new Totals(rs.getLong("n"), rs.getLong("unresolved"), rs.getLong("overdue"),
                        rs.getLong("high")))
                .single();
    }

    /**
     * A regulator's scope on the per-province counters ({@code finding_tally_area t}): the whole table for the
     * Ministry, one province's rows for a provincial officer; {@code null} for a jurisdiction that is not a region.
     */
    static SqlScope areaScope(Jurisdiction jurisdiction) {
        if (jurisdiction instanceof Jurisdiction.Nationwide) {
            return new SqlScope("1 = 1", Map.of());
        }
        if (jurisdiction instanceof Jurisdiction.InProvince p) {
            return new SqlScope("t.province_code = :jur_province", Map.of("jur_province", p.province().code()));
        }
        return null;
    }

    /**
     * The totals of a region from the per-province home counters ({@code finding_tally_province}; {@code scope}: an
     * {@link #areaScope area scope}): at most a row per province and due date.
     */
    Totals areaTotals(SqlScope scope, Today today) {
        return dueTotals("finding_tally_province", scope, today);
    }

    /**
     * The totals of the operators in {@code scope} (on {@code t.organisation_id}) from the per-operator counters
     * ({@code finding_tally_operator}): overdue are the unresolved ones kept with a due date before today.
     */
    Totals operatorTotals(SqlScope scope, Today today) {
        return dueTotals("finding_tally_operator", scope, today);
    }

    private Totals dueTotals(String table, SqlScope scope, Today today) {
        Map<String, Object> params = new HashMap<>(scope.params());
        params.put("today", Date.valueOf(today.date()));
        return jdbc.sql("SELECT COALESCE(SUM(t.n), 0) AS n, COALESCE(SUM(t.unresolved), 0) AS unresolved,"
                + " COALESCE(SUM(CASE WHEN t.due_on < :today THEN t.unresolved ELSE 0 END), 0) AS overdue,"
                + " COALESCE(SUM(t.high_unresolved), 0) AS high FROM " + table + " t WHERE (" + scope.sql()
                + ")").params(params)
                .query((rs, n) -> new Totals(rs.getLong("n"), rs.getLong("unresolved"), rs.getLong("overdue"),
                        rs.getLong("high")))
                .single();
    }

    /**
     * Sums by severity, category and status, with the opened-age and overdue buckets: each counter's two buckets
     * are worked out in a subquery (first matching branch of a CASE), then one GROUP BY sums the combinations.
     */
    List<FindingReportRepository.Cell> cells(Filter filter, SqlScope scope, Today today) {
        return cells("finding_tally", filter, scope, today);
    }

    /**
     * As {@link #cells(Filter, SqlScope, Today)} from the per-province counters ({@code finding_tally_area}), for a
     * filter that names no operator; {@code scope} is an {@link #areaScope area scope}.
     */
    List<FindingReportRepository.Cell> areaCells(Filter filter, SqlScope scope, Today today) {
        if (filter.organisationId() != null) {
            throw new IllegalArgumentException("the per-province counters name no operator");
        }
        return cells("finding_tally_area", filter, scope, today);
    }

    private List<FindingReportRepository.Cell> cells(String table, Filter filter, SqlScope scope, Today today) {
        Map<String, Object> params = new HashMap<>();
        String where = where(filter, scope, today, params, table.equals("finding_tally_area"));
        AgeBucket[] buckets = AgeBucket.values();
        StringBuilder age = new StringBuilder("CASE");
        StringBuilder late = new StringBuilder("CASE WHEN NOT ").append(OVERDUE).append(" THEN -1");
        for (int i = 0; i < buckets.length - 1; i++) {
            Date earliest = Date.valueOf(buckets[i].earliest(today.date()));
            age.append(" WHEN t.opened_on >= :age_from_").append(i).append(" THEN ").append(i);
            params.put("age_from_" + i, earliest);
            late.append(" WHEN t.due_on >= :late_from_").append(i).append(" THEN ").append(i);
            params.put("late_from_" + i, earliest);
        }
        age.append(" ELSE ").append(buckets.length - 1).append(" END");
        late.append(" ELSE ").append(buckets.length - 1).append(" END");
        String sql = "SELECT x.severity, x.category, x.status, x.age_bucket, x.late_bucket, SUM(x.n) AS n FROM ("
                + "SELECT t.severity, t.category, t.status, " + age + " AS age_bucket, " + late + " AS late_bucket, t.n"
                + " FROM " + table + " t" + where + ") x GROUP BY x.severity, x.category, x.status, x.age_bucket,"
                + " x.late_bucket";
        Map<List<String>, FindingReportRepository.Cell> cells = new LinkedHashMap<>();
        jdbc.sql(sql).params(params).query(rs -> {
            List<String> key = List.of(rs.getString("severity"), rs.getString("category"), rs.getString("status"));
            FindingReportRepository.Cell c = cells.computeIfAbsent(key, k -> new FindingReportRepository.Cell(
                    Severity.valueOf(k.get(0)), Category.valueOf(k.get(1)), FindingStatus.valueOf(k.get(2)),
                    new long[2], new long[buckets.length], new long[buckets.length], new long[buckets.length]));
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
     * Sums per operator with its name and province, most overdue first, then most unresolved (every operator with a
     * counted finding in the filter; provinces are summed from these rows).
     */
    List<FindingReports.GroupRow> operators(Filter filter, SqlScope scope, Today today) {
        Map<String, Object> params = new HashMap<>();
        String where = where(filter, scope, today, params);
        String sql = "SELECT t.organisation_id, o.name, o.province_code, SUM(t.n) AS n, SUM(CASE WHEN " + UNRESOLVED
                + " THEN t.n ELSE 0 END) AS unresolved, SUM(CASE WHEN " + OVERDUE + " THEN t.n ELSE 0 END) AS overdue,"
                + " SUM(CASE WHEN t.severity = 'HIGH' AND " + UNRESOLVED + " THEN t.n ELSE 0 END) AS high"
                + " FROM finding_tally t JOIN organisation o ON o.id = t.organisation_id" + where
                + " GROUP BY t.organisation_id, o.name, o.province_code HAVING SUM(t.n) > 0"
                + " ORDER BY overdue DESC, unresolved DESC, n DESC, o.name, t.organisation_id";
        return jdbc.sql(sql).params(params).query((rs, n) -> new FindingReports.GroupRow(rs.getLong("organisation_id"),
                rs.getString("name"), rs.getString("province_code"), rs.getLong("n"), rs.getLong("unresolved"),
                rs.getLong("overdue"), rs.getLong("high"))).list();
    }

    /**
     * As {@link #operators} for the unfiltered summary, from the per-operator counters: one row per operator and due
     * date of an unresolved finding, instead of one per operator, severity, category, status, campaign and dates.
     */
    List<FindingReports.GroupRow> operatorRanking(SqlScope scope, Long organisationId, String province, Today today,
            int limit) {
        Map<String, Object> params = new HashMap<>(scope.params());
        params.put("today", Date.valueOf(today.date()));
        params.put("limit", limit);
        String inProvince = "";
        if (province != null && !province.isBlank()) {
            inProvince = " WHERE o.province_code = :t_province";
            params.put("t_province", province.strip());
        }
        String byOrganisation = "";
        if (organisationId != null) {
            byOrganisation = " AND t.organisation_id = :t_org";
            params.put("t_org", organisationId);
        }
        // summed per operator first (along the key), then joined for the names: the sort sees one row per operator
        String sql = "SELECT x.organisation_id, o.name, o.province_code, x.n, x.unresolved, x.overdue, x.high FROM ("
                + "SELECT t.organisation_id, SUM(t.n) AS n, SUM(t.unresolved) AS unresolved,"
                + " SUM(CASE WHEN t.due_on < :today THEN t.unresolved ELSE 0 END) AS overdue,"
                + " SUM(t.high_unresolved) AS high FROM finding_tally_operator t WHERE (" + scope.sql() + ")"
                + byOrganisation + " GROUP BY t.organisation_id HAVING SUM(t.n) > 0) x"
                + " JOIN organisation o ON o.id = x.organisation_id" + inProvince
                + " ORDER BY x.overdue DESC, x.unresolved DESC, x.n DESC, o.name, x.organisation_id LIMIT :limit";
        return jdbc.sql(sql).params(params).query((rs, n) -> new FindingReports.GroupRow(rs.getLong("organisation_id"),
                rs.getString("name"), rs.getString("province_code"), rs.getLong("n"), rs.getLong("unresolved"),
                rs.getLong("overdue"), rs.getLong("high"))).list();
    }

    /**
     * Sums per province ({@code null} code for operators without one) from the per-province counters, most overdue
     * first, then most unresolved, then by code; {@code scope} is an {@link #areaScope area scope}.
     */
    List<FindingReports.GroupRow> areaProvinces(Filter filter, SqlScope scope, Today today) {
        Map<String, Object> params = new HashMap<>();
        String where = where(filter, scope, today, params, true);
        String sql = "SELECT t.province_code, SUM(t.n) AS n, SUM(CASE WHEN " + UNRESOLVED + " THEN t.n ELSE 0 END)"
                + " AS unresolved, SUM(CASE WHEN " + OVERDUE + " THEN t.n ELSE 0 END) AS overdue, SUM(CASE WHEN"
                + " t.severity = 'HIGH' AND " + UNRESOLVED + " THEN t.n ELSE 0 END) AS high FROM finding_tally_area t"
                + where + " GROUP BY t.province_code HAVING SUM(t.n) > 0"
                + " ORDER BY overdue DESC, unresolved DESC, t.province_code";
        if (filter.equals(Filter.all())) { // nothing but the region: the home counters have the same sums
            params.put("today", Date.valueOf(today.date()));
            sql = "SELECT t.province_code, SUM(t.n) AS n, SUM(t.unresolved) AS unresolved,"
                    + " SUM(CASE WHEN t.due_on < :today THEN t.unresolved ELSE 0 END) AS overdue,"
                    + " SUM(t.high_unresolved) AS high FROM finding_tally_province t WHERE (" + scope.sql() + ")"
                    + " GROUP BY t.province_code HAVING SUM(t.n) > 0"
                    + " ORDER BY overdue DESC, unresolved DESC, t.province_code";
        }
        return jdbc.sql(sql).params(params).query((rs, n) -> {
            String code = rs.getString("province_code");
            return new FindingReports.GroupRow(null, null, code.isEmpty() ? null : code, rs.getLong("n"),
                    rs.getLong("unresolved"), rs.getLong("overdue"), rs.getLong("high"));
        }).list();
    }

    /** The scope and the filter as a WHERE clause on {@code t} (with its keyword); fills {@code params}. */
    static String where(Filter q, SqlScope scope, Today today, Map<String, Object> params) {
        return where(q, scope, today, params, false);
    }

    /** As above; on the per-province counters ({@code area}) the province filter is their own column. */
    private static String where(Filter q, SqlScope scope, Today today, Map<String, Object> params, boolean area) {
        StringBuilder where = new StringBuilder(" WHERE (").append(scope.sql()).append(")");
        params.putAll(scope.params());
        params.put("today", Date.valueOf(today.date()));
        if (q.severity() != null) {
            where.append(" AND t.severity = :severity");
            params.put("severity", q.severity().name());
        }
        if (q.category() != null) {
            where.append(" AND t.category = :category");
            params.put("category", q.category().name());
        }
        if (q.campaign() != null && !q.campaign().isBlank()) {
            where.append(" AND t.campaign_code = :campaign");
            params.put("campaign", q.campaign().strip());
        }
        if (q.organisationId() != null) {
            where.append(" AND t.organisation_id = :t_org");
            params.put("t_org", q.organisationId());
        }
        if (q.province() != null && !q.province().isBlank() && area) {
            where.append(" AND t.province_code = :t_province");
            params.put("t_province", q.province().strip());
        } else if (q.province() != null && !q.province().isBlank()) {
            where.append(" AND t.organisation_id IN (SELECT tp_o.id FROM organisation tp_o"
                    + " WHERE tp_o.province_code = :t_province)");
            params.put("t_province", q.province().strip());
        }
        if (Boolean.TRUE.equals(q.unresolved())) {
            where.append(" AND ").append(UNRESOLVED);
        } else if (Boolean.FALSE.equals(q.unresolved())) {
            where.append(" AND NOT ").append(UNRESOLVED);
        }
        if (Boolean.TRUE.equals(q.overdue()) || q.overdueFor() != null) {
            where.append(" AND ").append(OVERDUE);
        } else if (Boolean.FALSE.equals(q.overdue())) {
            where.append(" AND NOT ").append(OVERDUE);
        }
        if (q.overdueFor() != null) {
            LocalDate latest = q.overdueFor().latest(today.date());
            LocalDate earliest = q.overdueFor().earliest(today.date());
            where.append(" AND t.due_on <= :due_latest");
            params.put("due_latest", Date.valueOf(latest));
            if (earliest != null) {
                where.append(" AND t.due_on >= :due_earliest");
                params.put("due_earliest", Date.valueOf(earliest));
            }
        }
        return where.toString();
    }
}
