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
import org.inspectorate.system.Total;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The overdue rectifications with their operator and unit, in SQL; the scope is taken on {@code f}. The summary's
 * figures are sums of the findings' counters ({@link FindingTallyReader}), read in cells of this shape.
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
