package org.inspectorate.finding;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The findings' counters (问题计数): table {@code finding_tally} holds, per organisation, severity, category, status,
 * campaign, day opened and effective due date, how many findings there are — so that home pages and the
 * regulators' summary sum a few rows instead of counting the register. Kept by {@link FindingRegister} in the same
 * transaction as every write that changes one of those values: a write reads the keys of the rows it changes
 * ({@code FOR UPDATE}, so no other writer moves them meanwhile), changes them, reads them again, and applies the
 * difference as {@code n = n + d}, row by row in key order (two writers never wait for each other in a circle).
 * A counter row that does not exist yet is inserted with 0 in its own short transaction (a lost race on that insert
 * is harmless: the other writer made the same row) before it is moved.
 *
 * <p>The due date kept is the one the overdue rule compares: the plan's for a MITIGATED finding, its own for OPEN and
 * REOPENED ones; resolved findings (and unresolved ones without a date) keep {@link #NO_DUE}, which is never before
 * today, so their rows collapse and never count as overdue. The day opened is {@code created_at}'s day in the
 * application clock's zone, the day the age buckets compare.
 */
@Repository
class FindingTally {

    /** The due date of a finding that cannot be overdue. */
    static final LocalDate NO_DUE = LocalDate.of(9999, 12, 31);

    /**
     * The day kept for a day opened or a due date before the horizon ({@link #horizon}): such a finding is in the
     * oldest age bucket, and if unresolved in the oldest lateness bucket, on every later day too, so its exact date
     * no longer matters and the counters of years of findings collapse into a few rows per organisation.
     */
    static final LocalDate LONG_AGO = LocalDate.of(1900, 1, 1);

    private static final int BATCH = 500;

    /** The columns a key is derived from, as every grouped read of {@code finding} selects them. */
    static final String KEY_COLUMNS = "organisation_id, severity, category, status, campaign_code, created_at, due_on,"
            + " plan_due_on";

    /** One counter: the values the summary groups and filters by. */
    record Key(long organisationId, Severity severity, Category category, FindingStatus status, String campaign,
            LocalDate openedOn, LocalDate dueOn) implements Comparable<Key> {

        private static final Comparator<Key> ORDER = Comparator.comparingLong(Key::organisationId)
                .thenComparing(Key::severity).thenComparing(Key::category).thenComparing(Key::status)
                .thenComparing(Key::campaign).thenComparing(Key::openedOn).thenComparing(Key::dueOn);

        /**
         * The key of a finding with these values: the due date the overdue rule reads for its status (the plan's
         * once MITIGATED), {@link #NO_DUE} when it cannot be overdue; {@code ""} for no campaign.
         */
        static Key of(long organisationId, Severity severity, Category category, FindingStatus status,
                String campaign, LocalDate openedOn, LocalDate dueOn, LocalDate planDueOn) {
            return of(organisationId, severity, category, status, campaign, openedOn, dueOn, planDueOn, LONG_AGO);
        }

        /** As above, with every date before {@code horizon} kept as {@link #LONG_AGO}. */
        static Key of(long organisationId, Severity severity, Category category, FindingStatus status,
                String campaign, LocalDate openedOn, LocalDate dueOn, LocalDate planDueOn, LocalDate horizon) {
            LocalDate effective = !status.unresolved() ? null : status == FindingStatus.MITIGATED ? planDueOn : dueOn;
            return new Key(organisationId, severity, category, status, campaign == null ? "" : campaign,
                    clamped(openedOn, horizon), effective == null ? NO_DUE : clamped(effective, horizon));
        }

        private static LocalDate clamped(LocalDate day, LocalDate horizon) {
            return day.isBefore(horizon) ? LONG_AGO : day;
        }

        @Override
        public int compareTo(Key other) {
            return ORDER.compare(this, other);
        }
    }

    /** Changes to the counters, netted per key; applied in key order. */
    static final class Delta {

        private final Map<Key, Long> changes = new TreeMap<>();

        void add(Key key, long n) {
            changes.merge(key, n, Long::sum);
        }

        void addAll(Map<Key, Long> counts, int sign) {
            counts.forEach((k, n) -> add(k, sign * n));
        }

        /** The non-zero changes, in key order. */
        Map<Key, Long> changes() {
            Map<Key, Long> nonZero = new TreeMap<>();
            changes.forEach((k, n) -> {
                if (n != 0) {
                    nonZero.put(k, n);
                }
            });
            return nonZero;
        }
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ZoneId zone;
    private final TransactionTemplate separate;
    private final FindingTallyRollup rollup;

    FindingTally(JdbcClient jdbc, Clock clock, PlatformTransactionManager transactions, FindingTallyRollup rollup) {
        this.jdbc = jdbc;
        this.rollup = rollup;
        this.clock = clock;
        this.zone = clock.getZone();
        this.separate = new TransactionTemplate(transactions);
        this.separate.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    // --- the writers' hooks -----------------------------------------------------------------------

    /** Counts findings just made (their rows read back by id). */
    void added(Collection<Long> ids) {
        Delta d = new Delta();
        d.addAll(keysOf(ids, false), 1);
        apply(d);
    }

    /**
     * Runs a write that may change the findings' counted values: their keys are read (and the rows locked) before,
     * read again after, and the difference applied; nothing is applied when the write answers false.
     */
    boolean changing(Collection<Long> ids, BooleanSupplier write) {
        Delta d = new Delta();
        d.addAll(keysOf(ids, true), -1);
        if (!write.getAsBoolean()) {
            return false;
        }
        d.addAll(keysOf(ids, false), 1);
        apply(d);
        return true;
    }

    /** The key of a finding row read by a query that selected {@link #KEY_COLUMNS}. */
    Key key(ResultSet rs) throws SQLException {
        return Key.of(rs.getLong("organisation_id"), Severity.valueOf(rs.getString("severity")),
                Category.valueOf(rs.getString("category")), FindingStatus.valueOf(rs.getString("status")),
                rs.getString("campaign_code"), rs.getTimestamp("created_at").toInstant().atZone(zone).toLocalDate(),
                date(rs, "due_on"), date(rs, "plan_due_on"), horizon(LocalDate.now(clock)));
    }

    /**
     * The first day whose date a counter keeps exactly, on {@code today}: a day opened before it is in the oldest
     * age bucket ({@link AgeBucket#OVER_180}) for good, and an unresolved finding due before it is in the oldest
     * lateness bucket for good — on every later day too. (Writers and readers may see different days: a date kept
     * as {@link #LONG_AGO} by one and exactly by another falls in the same buckets for both, so sums agree.)
     */
    static LocalDate horizon(LocalDate today) {
        return today.minusDays(AgeBucket.OVER_180.minDays());
    }

    /**
     * The keys of the organisation's findings that this import session saw (each has the import's id and its
     * "last seen" instant), counted: what the import's rows count for after it.
     */
    Map<Key, Long> seenBy(ImportStamp stamp) {
        return grouped("FROM finding WHERE organisation_id = :org AND last_import_id = :import AND last_seen_at = :now",
                stamp.params());
    }

    /** The counted values of the findings, their rows locked until the transaction ends. */
    Map<Key, Long> locked(Collection<Long> ids) {
        return keysOf(ids, true);
    }

    /**
     * The counted values of the organisation's findings that a staged import names by key (its known table, filled
     * by {@link StagedMerge#lookUpKnown}, read by primary key: never a scan of the operator's findings), their rows
     * locked until the import commits (what they count for before the merge moves them).
     */
    Map<Key, Long> stagedMatches(StagedMerge merge, ImportStamp stamp) {
        Map<Key, Long> counts = new HashMap<>();
        jdbc.sql(merge.knownCountsSql(KEY_COLUMNS)).params(stamp.params()).query(rs -> {
            counts.merge(key(rs), rs.getLong("n"), Long::sum);
        });
        return counts;
    }

    /**
     * A grouped read of finding rows ({@code fromWhere}: the FROM clause and predicate over {@code finding}), keyed;
     * the rows are grouped by their raw values in SQL and turned into keys here.
     */
    Map<Key, Long> grouped(String fromWhere, Map<String, ?> params) {
        Map<Key, Long> counts = new HashMap<>();
        jdbc.sql("SELECT " + KEY_COLUMNS + ", COUNT(*) AS n " + fromWhere + " GROUP BY " + KEY_COLUMNS).params(params)
                .query(rs -> {
                    counts.merge(key(rs), rs.getLong("n"), Long::sum);
                });
        return counts;
    }

    private Map<Key, Long> keysOf(Collection<Long> ids, boolean lock) {
        Map<Key, Long> counts = new HashMap<>();
        List<Long> list = new ArrayList<>(ids);
        for (int from = 0; from < list.size(); from += BATCH) {
            jdbc.sql("SELECT id, " + KEY_COLUMNS + " FROM finding WHERE id IN (:ids)" + (lock ? " FOR UPDATE" : ""))
                    .param("ids", list.subList(from, Math.min(list.size(), from + BATCH)))
                    .query(rs -> {
                        counts.merge(key(rs), 1L, Long::sum);
                    });
        }
        return counts;
    }

    /**
     * Recounts the organisation's counters from the register, moving each by what it is off (maintenance, e.g. after
     * rows were changed in SQL outside the register; not meant to run beside the organisation's own writers).
     */
    void recount(long organisationId) {
        Delta d = new Delta();
        d.addAll(grouped("FROM finding WHERE organisation_id = :org", Map.of("org", organisationId)), 1);
        d.addAll(counters(organisationId), -1);
        apply(d);
    }

    /** The organisation's counters that are not zero. */
    Map<Key, Long> counters(long organisationId) {
        Map<Key, Long> counts = new HashMap<>();
        jdbc.sql("SELECT * FROM finding_tally WHERE organisation_id = :org AND n <> 0").param("org", organisationId)
                .query(rs -> {
                    counts.put(new Key(rs.getLong("organisation_id"), Severity.valueOf(rs.getString("severity")),
                            Category.valueOf(rs.getString("category")), FindingStatus.valueOf(rs.getString("status")),
                            rs.getString("campaign_code"), rs.getDate("opened_on").toLocalDate(),
                            rs.getDate("due_on").toLocalDate()), rs.getLong("n"));
                });
        return counts;
    }

    /**
     * Moves every counter of the delta, in key order. A missing row is first made with 0 in a transaction of its own,
     * before this transaction touches it: an UPDATE that finds no row would lock the gap where it belongs (InnoDB),
     * and the insert would then wait for this very transaction. Rows are never deleted, so the UPDATE then finds it.
     * The coarser counters ({@link FindingTallyRollup}) move after these, by the same changes.
     */
    void apply(Delta delta) {
        Map<Key, Long> changes = delta.changes();
        for (Map.Entry<Key, Long> e : changes.entrySet()) {
            Map<String, Object> key = keyParams(e.getKey());
            if (!exists(key)) {
                try {
                    separate.executeWithoutResult(s -> jdbc.sql("""
                            INSERT INTO finding_tally (organisation_id, severity, category, status, campaign_code,
                                opened_on, due_on, n)
                            VALUES (:org, :severity, :category, :status, :campaign, :opened, :due, 0)""")
                            .params(key).update());
                } catch (DuplicateKeyException raced) {
                    // another writer made the row first: move it below
                }
            }
            if (move(key, e.getValue()) != 1) {
                throw new IllegalStateException("counter row missing: " + e.getKey());
            }
        }
        rollup.apply(changes);
    }

    private boolean exists(Map<String, Object> key) {
        return jdbc.sql("SELECT COUNT(*) FROM finding_tally" + KEY_MATCH).params(key).query(Long.class).single() > 0;
    }

    private static final String KEY_MATCH = " WHERE organisation_id = :org AND severity = :severity"
            + " AND category = :category AND status = :status AND campaign_code = :campaign AND opened_on = :opened"
            + " AND due_on = :due";

    private int move(Map<String, Object> key, long n) {
        return jdbc.sql("UPDATE finding_tally SET n = n + :d" + KEY_MATCH).params(key).param("d", n).update();
    }

    private static Map<String, Object> keyParams(Key k) {
        Map<String, Object> p = new HashMap<>();
        p.put("org", k.organisationId());
        p.put("severity", k.severity().name());
        p.put("category", k.category().name());
        p.put("status", k.status().name());
        p.put("campaign", k.campaign());
        p.put("opened", Date.valueOf(k.openedOn()));
        p.put("due", Date.valueOf(k.dueOn()));
        return p;
    }

    private static LocalDate date(ResultSet rs, String column) throws SQLException {
        Date d = rs.getDate(column);
        return d == null ? null : d.toLocalDate();
    }
}
