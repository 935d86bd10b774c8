package org.inspectorate.finding;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The findings' coarser counters (问题计数·省级与运营者级), moved with {@link FindingTally}'s in the same transaction
 * from the same per-organisation changes, so that no regulator's page sums the per-organisation table:
 * <ul>
 * <li>{@code finding_tally_area}: per province of the operator ({@code ''} for an operator without one), severity,
 * category, status, campaign, day opened and effective due date — the Ministry's and a province's summary and home
 * page read these rows (a few per province and day instead of a few per operator and day);</li>
 * <li>{@code finding_tally_operator}: per operator and effective due date, the findings, the unresolved ones and the
 * unresolved HIGH ones — an operator's home page and the summary's ranking of operators read these (one row per
 * operator and due date of an unresolved finding).</li>
 * </ul>
 * The same rules as the first level: rows are moved in key order after it (table by table, so two writers take the
 * rows of all three tables in one order), a missing row is made with 0 in its own transaction first, rows are never
 * deleted. The province is the organisation's ({@code organisation.province_code}), as the jurisdiction reads it.
 */
@Repository
class FindingTallyRollup {

    /** The province of an operator without one, as kept in {@code finding_tally_area}. */
    static final String NO_PROVINCE = "";

    /** One per-province counter. */
    record AreaKey(String province, Severity severity, Category category, FindingStatus status, String campaign,
            LocalDate openedOn, LocalDate dueOn) implements Comparable<AreaKey> {

        private static final Comparator<AreaKey> ORDER = Comparator.comparing(AreaKey::province)
                .thenComparing(AreaKey::severity).thenComparing(AreaKey::category).thenComparing(AreaKey::status)
                .thenComparing(AreaKey::campaign).thenComparing(AreaKey::openedOn).thenComparing(AreaKey::dueOn);

        @Override
        public int compareTo(AreaKey other) {
            return ORDER.compare(this, other);
        }
    }

    /** One per-operator counter: its findings with this effective due date. */
    record OperatorKey(long organisationId, LocalDate dueOn) implements Comparable<OperatorKey> {

        private static final Comparator<OperatorKey> ORDER = Comparator.comparingLong(OperatorKey::organisationId)
                .thenComparing(OperatorKey::dueOn);

        @Override
        public int compareTo(OperatorKey other) {
            return ORDER.compare(this, other);
        }
    }

    /** One per-province counter of the home pages: the province's findings with this effective due date. */
    record ProvinceKey(String province, LocalDate dueOn) implements Comparable<ProvinceKey> {

        private static final Comparator<ProvinceKey> ORDER = Comparator.comparing(ProvinceKey::province)
                .thenComparing(ProvinceKey::dueOn);

        @Override
        public int compareTo(ProvinceKey other) {
            return ORDER.compare(this, other);
        }
    }

    /** What a per-operator (or per-province home) counter holds: findings, unresolved ones, unresolved HIGH ones. */
    record OperatorCounts(long n, long unresolved, long high) {

        OperatorCounts plus(OperatorCounts o) {
            return new OperatorCounts(n + o.n, unresolved + o.unresolved, high + o.high);
        }

        boolean zero() {
            return n == 0 && unresolved == 0 && high == 0;
        }
    }

    private static final int BATCH = 500;

    private final JdbcClient jdbc;
    private final TransactionTemplate separate;

    FindingTallyRollup(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.separate = new TransactionTemplate(transactions);
        this.separate.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Moves the coarser counters by the first level's non-zero changes (already netted per key). */
    void apply(Map<FindingTally.Key, Long> changes) {
        if (changes.isEmpty()) {
            return;
        }
        Map<Long, String> provinces = provincesOf(changes.keySet().stream().map(FindingTally.Key::organisationId)
                .collect(java.util.stream.Collectors.toCollection(TreeSet::new)));
        Map<OperatorKey, OperatorCounts> operators = new TreeMap<>();
        Map<AreaKey, Long> areas = new TreeMap<>();
        Map<ProvinceKey, OperatorCounts> homes = new TreeMap<>();
        changes.forEach((k, n) -> {
            boolean unresolved = k.status().unresolved();
            OperatorCounts c = new OperatorCounts(n, unresolved ? n : 0,
                    unresolved && k.severity() == Severity.HIGH ? n : 0);
            String province = provinces.getOrDefault(k.organisationId(), NO_PROVINCE);
            operators.merge(new OperatorKey(k.organisationId(), k.dueOn()), c, OperatorCounts::plus);
            homes.merge(new ProvinceKey(province, k.dueOn()), c, OperatorCounts::plus);
            areas.merge(new AreaKey(province, k.severity(), k.category(), k.status(), k.campaign(), k.openedOn(),
                    k.dueOn()), n, Long::sum);
        });
        operators.forEach((k, c) -> {
            if (!c.zero()) {
                moveCounts("finding_tally_operator", "organisation_id", k.organisationId(), k.dueOn(), c);
            }
        });
        homes.forEach((k, c) -> {
            if (!c.zero()) {
                moveCounts("finding_tally_province", "province_code", k.province(), k.dueOn(), c);
            }
        });
        areas.forEach((k, n) -> {
            if (n != 0) {
                moveArea(k, n);
            }
        });
    }

    private Map<Long, String> provincesOf(TreeSet<Long> organisations) {
        Map<Long, String> provinces = new HashMap<>();
        List<Long> ids = new ArrayList<>(organisations);
        for (int from = 0; from < ids.size(); from += BATCH) {
            jdbc.sql("SELECT id, province_code FROM organisation WHERE id IN (:ids)")
                    .param("ids", ids.subList(from, Math.min(ids.size(), from + BATCH))).query(rs -> {
                        String p = rs.getString("province_code");
                        provinces.put(rs.getLong("id"), p == null ? NO_PROVINCE : p);
                    });
        }
        return provinces;
    }

    private static final String AREA_MATCH = " WHERE province_code = :province AND severity = :severity"
            + " AND category = :category AND status = :status AND campaign_code = :campaign AND opened_on = :opened"
            + " AND due_on = :due";

    private void moveArea(AreaKey k, long n) {
        Map<String, Object> key = new HashMap<>();
        key.put("province", k.province());
        key.put("severity", k.severity().name());
        key.put("category", k.category().name());
        key.put("status", k.status().name());
        key.put("campaign", k.campaign());
        key.put("opened", Date.valueOf(k.openedOn()));
        key.put("due", Date.valueOf(k.dueOn()));
        ensure("SELECT COUNT(*) FROM finding_tally_area" + AREA_MATCH, """
                INSERT INTO finding_tally_area (province_code, severity, category, status, campaign_code, opened_on,
                    due_on, n)
                VALUES (:province, :severity, :category, :status, :campaign, :opened, :due, 0)""", key);
        if (jdbc.sql("UPDATE finding_tally_area SET n = n + :d" + AREA_MATCH).params(key).param("d", n).update() != 1) {
            throw new IllegalStateException("area counter row missing: " + k);
        }
    }

    /** Moves a per-operator or per-province home counter ({@code column}: its first key column). */
    private void moveCounts(String table, String column, Object owner, LocalDate dueOn, OperatorCounts c) {
        String match = " WHERE " + column + " = :owner AND due_on = :due";
        Map<String, Object> key = Map.of("owner", owner, "due", Date.valueOf(dueOn));
        ensure("SELECT COUNT(*) FROM " + table + match, "INSERT INTO " + table + " (" + column
                + ", due_on, n, unresolved, high_unresolved) VALUES (:owner, :due, 0, 0, 0)", key);
        if (jdbc.sql("UPDATE " + table + " SET n = n + :d, unresolved = unresolved + :du,"
                + " high_unresolved = high_unresolved + :dh" + match).params(key).param("d", c.n())
                .param("du", c.unresolved()).param("dh", c.high()).update() != 1) {
            throw new IllegalStateException(table + " row missing: " + owner + " " + dueOn);
        }
    }

    /**
     * Makes a missing counter row with 0 in a transaction of its own, before this transaction touches it (as
     * {@link FindingTally#apply}: an UPDATE finding no row would lock the gap on InnoDB).
     */
    private void ensure(String exists, String insert, Map<String, Object> key) {
        if (jdbc.sql(exists).params(key).query(Long.class).single() > 0) {
            return;
        }
        try {
            separate.executeWithoutResult(s -> jdbc.sql(insert).params(key).update());
        } catch (DuplicateKeyException raced) {
            // another writer made the row first: it is moved by the caller
        }
    }

    // --- reads for tests and maintenance ---------------------------------------------------------

    /** The province's per-province counters that are not zero ({@link #NO_PROVINCE} for none). */
    Map<AreaKey, Long> areaCounters(String province) {
        Map<AreaKey, Long> counts = new HashMap<>();
        jdbc.sql("SELECT * FROM finding_tally_area WHERE province_code = :p AND n <> 0").param("p", province)
                .query(rs -> {
                    counts.put(new AreaKey(rs.getString("province_code"), Severity.valueOf(rs.getString("severity")),
                            Category.valueOf(rs.getString("category")), FindingStatus.valueOf(rs.getString("status")),
                            rs.getString("campaign_code"), rs.getDate("opened_on").toLocalDate(),
                            rs.getDate("due_on").toLocalDate()), rs.getLong("n"));
                });
        return counts;
    }

    /** The province's home counters that are not all zero ({@link #NO_PROVINCE} for none). */
    Map<ProvinceKey, OperatorCounts> provinceCounters(String province) {
        Map<ProvinceKey, OperatorCounts> counts = new HashMap<>();
        jdbc.sql("SELECT * FROM finding_tally_province WHERE province_code = :p").param("p", province)
                .query(rs -> {
                    OperatorCounts c = new OperatorCounts(rs.getLong("n"), rs.getLong("unresolved"),
                            rs.getLong("high_unresolved"));
                    if (!c.zero()) {
                        counts.put(new ProvinceKey(province, rs.getDate("due_on").toLocalDate()), c);
                    }
                });
        return counts;
    }

    /** The operator's per-operator counters that are not all zero. */
    Map<OperatorKey, OperatorCounts> operatorCounters(long organisationId) {
        Map<OperatorKey, OperatorCounts> counts = new HashMap<>();
        jdbc.sql("SELECT * FROM finding_tally_operator WHERE organisation_id = :o").param("o", organisationId)
                .query(rs -> {
                    OperatorCounts c = new OperatorCounts(rs.getLong("n"), rs.getLong("unresolved"),
                            rs.getLong("high_unresolved"));
                    if (!c.zero()) {
                        counts.put(new OperatorKey(organisationId, rs.getDate("due_on").toLocalDate()), c);
                    }
                });
        return counts;
    }
}
