package org.inspectorate.finding;

import static org.inspectorate.system.Jdbc.instant;
import static org.inspectorate.system.Jdbc.ts;

import java.math.BigDecimal;
import java.sql.DatabaseMetaData;
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
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.inspectorate.organisation.Jurisdiction.SqlScope;
import org.inspectorate.system.Keyset;
import org.inspectorate.system.PageRequest;
import org.inspectorate.system.PageResult;
import org.inspectorate.system.Total;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.stereotype.Repository;

/** Reads of the findings register and its history, through plain SQL (every write is {@link FindingRegister}'s). */
@Repository
class FindingRepository {

    static final String OVERDUE = """
            ((f.status IN ('OPEN', 'REOPENED') AND f.due_on < :today)
              OR (f.status = 'MITIGATED' AND f.plan_due_on < :today))""";

    private static final int BATCH = 500;

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate streaming;
    private final DataSource dataSource;
    private volatile TextSearch search;

    FindingRepository(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        JdbcTemplate template = new JdbcTemplate(dataSource);
        template.setFetchSize(STREAM_FETCH);
        this.streaming = new NamedParameterJdbcTemplate(template);
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

    /**
     * One page of the findings that match, in the sort's order (or {@code fallback}'s): after the request's cursor
     * (seeking) or at its page number (at most {@link PageRequest#MAX_PAGE}), each range of the scope read along its
     * index up to the page's end; the total is bounded ({@link Total}); {@code next} is the cursor of the last row
     * when another page follows.
     */
    PageResult<Finding> search(FindingQuery q, FindingScope scope, PageRequest page, FindingSort fallback, Today today) {
        FindingSort sort = FindingSort.of(page.sort(), fallback);
        Where w = listWhere(q, scope.whole(), today);
        Total total = boundedCount(w);
        Map<String, Object> params = new HashMap<>(w.params());
        FindingScope ranges = scope.narrowedTo(q.organisationId(), q.provinceCode());
        boolean searches = q.text() != null && !q.text().isBlank();
        String sql = page(searches ? ranges.asOneRange() : ranges, w, sort, page, params);
        return seekPage(jdbc, sql, params, sort, page, total, rs -> map(rs, today.date()));
    }

    /** A row of a seeking page's query. */
    interface RowReader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    /**
     * Runs a query of {@link #page} (size + 1 rows): the page's rows and, when the extra row came, the cursor of
     * the last one shown as {@code next}.
     */
    static <T> PageResult<T> seekPage(JdbcClient jdbc, String sql, Map<String, Object> params, FindingSort sort,
            PageRequest page, Total total, RowReader<T> reader) {
        List<Keyset> cursors = new ArrayList<>();
        List<T> items = new ArrayList<>(jdbc.sql(sql).params(params).query((rs, n) -> {
            cursors.add(sort.cursor(rs));
            return reader.read(rs);
        }).list());
        Keyset next = null;
        if (items.size() > page.size()) {
            items = items.subList(0, page.size());
            next = cursors.get(page.size() - 1);
        }
        return new PageResult<>(items, page.page(), page.size(), total, next);
    }

    /** How many findings match, counted up to {@link Total#CAP} and no further. */
    Total boundedCount(Where w) {
        return Total.bounded(jdbc.sql(Total.boundedCountSql("SELECT 1 FROM finding f" + w.sql())).params(w.params())
                .query(Long.class).single());
    }

    /**
     * The SQL of one page plus one row ({@code f.*} and, for more than one range, as {@code x.*} of their merge):
     * each range of the scope with the filters, the cursor's condition and the sort's order, cut at the page's
     * end; its parameters go into {@code params}. A single range is one index range; several are read each up to
     * the page's end and merged, so the database sorts at most ranges × (offset + size + 1) rows.
     */
    static String page(FindingScope scope, Where w, FindingSort sort, PageRequest page, Map<String, Object> params) {
        params.putAll(scope.params());
        String seek = page.seeks() ? " AND " + sort.after(page.after(), page.ascending(), params) : "";
        params.put("limit", page.size() + 1);
        params.put("offset", page.offset());
        if (scope.ranges().size() == 1) {
            return "SELECT f.* FROM finding f" + w.sql() + " AND (" + scope.ranges().get(0).sql() + ")" + seek
                    + " ORDER BY " + sort.orderBy("f", page.ascending()) + " LIMIT :limit OFFSET :offset";
        }
        params.put("range_limit", page.offset() + page.size() + 1);
        StringBuilder union = new StringBuilder();
        for (int i = 0; i < scope.ranges().size(); i++) {
            union.append(i == 0 ? "" : " UNION ALL ").append("SELECT * FROM (SELECT f.* FROM finding f").append(w.sql())
                    .append(" AND (").append(scope.ranges().get(i).sql()).append(")").append(seek).append(" ORDER BY ")
                    .append(sort.orderBy("f", page.ascending())).append(" LIMIT :range_limit) r").append(i);
        }
        return "SELECT x.* FROM (" + union + ") x ORDER BY " + sort.orderBy("x", page.ascending())
                + " LIMIT :limit OFFSET :offset";
    }

    /** Rows a streamed read fetches at a time: the export holds no more than these in memory. */
    private static final int STREAM_FETCH = 1_000;

    /**
     * Every finding that matches, in the sort's order, handed to {@code row} as one query streams them from the
     * database ({@value #STREAM_FETCH} rows per fetch; on PostgreSQL inside the caller's transaction).
     */
    void stream(Where w, FindingSort sort, boolean ascending, Today today, Consumer<Finding> row) {
        streaming.query("SELECT f.* FROM finding f" + w.sql() + " ORDER BY " + sort.orderBy("f", ascending),
                w.params(), rs -> {
                    row.accept(map(rs, today.date()));
                });
    }

    /** The organisations of an operator's tree: itself and its direct subsidiaries (the jurisdiction's rule). */
    List<Long> tree(long organisationId) {
        return jdbc.sql("SELECT id FROM organisation WHERE id = :org OR parent_id = :org ORDER BY id")
                .param("org", organisationId).query(Long.class).list();
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
        return where(q, scope, today, TextSearch.LIKE);
    }

    /** The scope and every filter of the query on this repository's database (its search reads an index). */
    Where listWhere(FindingQuery q, SqlScope scope, Today today) {
        return where(q, scope, today, search());
    }

    private TextSearch search() {
        if (search == null) {
            try {
                search = TextSearch.of(JdbcUtils.extractDatabaseMetaData(dataSource,
                        DatabaseMetaData::getDatabaseProductName));
            } catch (MetaDataAccessException e) {
                throw new IllegalStateException("cannot tell the database product", e);
            }
        }
        return search;
    }

    /** The scope and every filter of the query, as SQL on {@code f}, the text searched as {@code search} does. */
    static Where where(FindingQuery q, SqlScope scope, Today today, TextSearch search) {
        StringBuilder where = new StringBuilder(" WHERE (").append(scope.sql()).append(")");
        Map<String, Object> params = new HashMap<>(scope.params());
        params.put("today", Date.valueOf(today.date()));
        if (q.severity() != null) {
            where.append(" AND f.severity_rank = :severity_rank"); // the sort's column: one index for both
            params.put("severity_rank", q.severity().ordinal() + 1);
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
            where.append(" AND f.province_code = :f_province");
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
        // open_due_on: the effective due date of an unresolved finding (NULL once resolved), so overdue is one range
        if (Boolean.TRUE.equals(q.overdue()) || q.overdueFor() != null) {
            where.append(" AND f.open_due_on < :today");
        } else if (Boolean.FALSE.equals(q.overdue())) {
            where.append(" AND (f.open_due_on IS NULL OR f.open_due_on >= :today)");
        }
        if (q.overdueFor() != null) {
            where.append(" AND f.open_due_on <= :due_latest");
            params.put("due_latest", Date.valueOf(q.overdueFor().latest(today.date())));
            if (q.overdueFor().earliest(today.date()) != null) {
                where.append(" AND f.open_due_on >= :due_earliest");
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
            where.append(" AND ").append(search.condition(q.text(), params));
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

    /** Unresolved findings whose SLA ends between the two days, by due day and id after the cursor. */
    List<FindingDue> dueBetween(LocalDate from, LocalDate to, LocalDate afterDue, long afterId, int limit) {
        return jdbc.sql("""
                SELECT f.id, f.organisation_id, f.title, f.open_due_on FROM finding f
                WHERE f.open_due_on >= :after_due AND f.open_due_on >= :from AND f.open_due_on <= :to
                  AND (f.open_due_on > :after_due OR f.id > :after_id)
                ORDER BY f.open_due_on, f.id LIMIT :limit""")
                .param("from", Date.valueOf(from)).param("to", Date.valueOf(to))
                .param("after_due", Date.valueOf(afterDue)).param("after_id", afterId).param("limit", limit)
                .query((rs, n) -> new FindingDue(rs.getLong(1), rs.getLong(2), rs.getString(3),
                        rs.getDate(4).toLocalDate()))
                .list();
    }
}
