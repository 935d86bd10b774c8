package org.inspectorate.finding;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
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
 * The overdue rectifications with their operator and unit, in SQL; the scope is taken on {@code f}. The summary's
 * figures are sums of the findings' counters ({@link FindingTallyReader}), read in cells of this shape.
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

    /** One group of the summary: a severity, category and status with its counts. */
    record Cell(Severity severity, Category category, FindingStatus status, long[] counts, long[] age,
            long[] ageOverdue, long[] late) {

        long total() {
            return counts[0];
        }

        long overdue() {
            return counts[1];
        }
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
