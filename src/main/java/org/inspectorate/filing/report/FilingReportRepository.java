package org.inspectorate.filing.report;

import java.sql.Date;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.inspectorate.filing.FilingKind;
import org.inspectorate.filing.FilingState;
import org.inspectorate.filing.GradeLevel;
import org.inspectorate.filing.NetworkCategory;
import org.inspectorate.organisation.Jurisdiction.SqlScope;
import org.inspectorate.system.PageRequest;
import org.inspectorate.system.PageResult;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The regulators' filing figures in SQL: coverage counts and overdue filings; every read takes a scope on {@code u}. */
@Repository
class FilingReportRepository {

    private static final Map<String, String> OVERDUE_SORTABLE = Map.of(
            "dueOn", "u.due_on", "name", "u.name", "organisation", "o.name", "province", "o.province_code",
            "gradeLevel", "u.grade_level", "kind", "u.filing_kind", "state", "u.filing_state");

    private final JdbcClient jdbc;

    FilingReportRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Counts of units by the grouping's columns and filing state, in the scope and filter. */
    List<FilingReports.CoverageRow> coverage(FilingReports.CoverageQuery query, SqlScope scope) {
        List<String> groups = new ArrayList<>();
        if (query.by().province()) {
            groups.add("o.province_code");
        }
        if (query.by().type()) {
            groups.add("o.type");
        }
        if (query.by().level()) {
            groups.add("u.grade_level");
        }
        StringBuilder where = new StringBuilder(" WHERE (").append(scope.sql()).append(")");
        Map<String, Object> params = new HashMap<>(scope.params());
        filters(where, params, query.province(), query.operatorType(), query.level(), query.category());
        String groupSql = String.join(", ", groups);
        String sql = "SELECT " + groupSql + ", u.filing_state, COUNT(*) AS n FROM network_unit u "
                + "JOIN organisation o ON o.id = u.organisation_id" + where + " GROUP BY " + groupSql
                + ", u.filing_state ORDER BY " + groupSql;
        Map<List<String>, long[]> counts = new LinkedHashMap<>();
        jdbc.sql(sql).params(params).query(rs -> {
            List<String> key = new ArrayList<>();
            key.add(query.by().province() ? rs.getString("province_code") : null);
            key.add(query.by().type() ? rs.getString("type") : null);
            key.add(query.by().level() ? rs.getString("grade_level") : null);
            long[] c = counts.computeIfAbsent(key, k -> new long[4]);
            long n = rs.getLong("n");
            String state = rs.getString("filing_state");
            if ("FILED".equals(state)) {
                c[0] += n;
            } else if ("SUBMITTED".equals(state)) {
                c[1] += n;
            } else if ("RETURNED".equals(state)) {
                c[2] += n;
            } else {
                c[3] += n;
            }
        });
        List<FilingReports.CoverageRow> rows = new ArrayList<>();
        counts.forEach((k, c) -> rows.add(new FilingReports.CoverageRow(k.get(0), k.get(1),
                k.get(2) == null ? null : GradeLevel.valueOf(k.get(2)), c[0], c[1], c[2], c[3])));
        return rows;
    }

    /** Units whose filing (first, change or decommissioning) was due before {@code today} and is not FILED. */
    PageResult<FilingReports.OverdueFiling> overdue(FilingReports.OverdueQuery query, SqlScope scope,
            LocalDate today, PageRequest page) {
        StringBuilder where = new StringBuilder(" WHERE (").append(scope.sql())
                .append(") AND u.due_on < :today AND u.filing_state <> 'FILED'");
        Map<String, Object> params = new HashMap<>(scope.params());
        params.put("today", Date.valueOf(today));
        filters(where, params, query.province(), query.operatorType(), query.level(), null);
        if (query.kind() != null) {
            where.append(" AND u.filing_kind = :kind");
            params.put("kind", query.kind().name());
        }
        String from = " FROM network_unit u JOIN organisation o ON o.id = u.organisation_id";
        long total = jdbc.sql("SELECT COUNT(*)" + from + where).params(params).query(Long.class).single();
        String column = OVERDUE_SORTABLE.getOrDefault(page.sort(), "u.due_on");
        List<FilingReports.OverdueFiling> items = jdbc.sql("""
                SELECT u.id, u.name, u.organisation_id, o.name AS organisation_name, o.province_code, o.type,
                    u.grade_level, u.filing_state, u.filing_kind, u.due_on""" + from + where
                        + " ORDER BY " + column + " " + page.direction() + ", u.id " + page.direction()
                        + " LIMIT :limit OFFSET :offset")
                .params(params)
                .param("limit", page.size())
                .param("offset", page.offset())
                .query((rs, n) -> new FilingReports.OverdueFiling(rs.getLong("id"), rs.getString("name"),
                        rs.getLong("organisation_id"), rs.getString("organisation_name"),
                        rs.getString("province_code"), rs.getString("type"),
                        GradeLevel.valueOf(rs.getString("grade_level")),
                        FilingState.valueOf(rs.getString("filing_state")),
                        FilingKind.valueOf(rs.getString("filing_kind")), rs.getDate("due_on").toLocalDate(),
                        ChronoUnit.DAYS.between(rs.getDate("due_on").toLocalDate(), today)))
                .list();
        return new PageResult<>(items, page.page(), page.size(), total);
    }

    private static void filters(StringBuilder where, Map<String, Object> params, String province,
            String operatorType, GradeLevel level, NetworkCategory category) {
        if (province != null) {
            where.append(" AND o.province_code = :f_province");
            params.put("f_province", province);
        }
        if (operatorType != null) {
            where.append(" AND o.type = :f_type");
            params.put("f_type", operatorType);
        }
        if (level != null) {
            where.append(" AND u.grade_level = :f_level");
            params.put("f_level", level.name());
        }
        if (category != null) {
            where.append(" AND u.category = :f_category");
            params.put("f_category", category.name());
        }
    }
}
