package org.inspectorate.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.inspectorate.system.AuditableEvent;
import org.inspectorate.system.Jdbc;
import org.inspectorate.system.Keyset;
import org.inspectorate.system.PageRequest;
import org.inspectorate.system.PageResult;
import org.inspectorate.system.Total;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The audit table and the one-row head that serialises appends across nodes. */
@Repository
class AuditRepository {

    private static final String COLUMNS = """
            seq, occurred_at, occurred_ms, actor, action, subject, outcome, detail, remote_addr, prev_hash, hash,
            hash_version""";

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate streaming;

    AuditRepository(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        JdbcTemplate template = new JdbcTemplate(dataSource);
        // Verification and export walk the whole trail: fetch in batches instead of loading it all.
        template.setFetchSize(1000);
        this.streaming = new NamedParameterJdbcTemplate(template);
    }

    record Head(long lastSeq, String lastHash) {
    }

    /** What the audit page may filter by; {@code null} means "any". Times are [from, to). */
    record Filter(String actor, String actionPrefix, AuditableEvent.Outcome outcome, String subjectPrefix,
            Instant from, Instant to) {

        static final Filter ANY = new Filter(null, null, null, null, null, null);

        /** The widest date range read through the date index rather than in seq order. */
        static final java.time.Duration NARROW = java.time.Duration.ofDays(31);

        /** Whether the filter is a date range of at most {@link #NARROW} (and no narrower equality filter). */
        boolean narrowDates() {
            return from != null && to != null && actor == null && outcome == null
                    && java.time.Duration.between(from, to).compareTo(NARROW) <= 0;
        }
    }

    /** Reads and locks the head: concurrent appenders wait here until this transaction ends. */
    Head lockHead() {
        return jdbc.sql("SELECT last_seq, last_hash FROM audit_head WHERE id = 1 FOR UPDATE")
                .query((rs, n) -> new Head(rs.getLong("last_seq"), rs.getString("last_hash")))
                .single();
    }

    void append(AuditEntry e) {
        jdbc.sql("""
                INSERT INTO audit_entry (seq, occurred_at, occurred_ms, actor, action, subject, outcome, detail,
                    remote_addr, prev_hash, hash, hash_version)
                VALUES (:seq, :at, :ms, :actor, :action, :subject, :outcome, :detail, :remote, :prev, :hash,
                    :version)""")
                .param("seq", e.seq())
                .param("at", Jdbc.ts(e.occurredAt()))
                .param("ms", e.occurredAt().toEpochMilli())
                .param("actor", e.actor())
                .param("action", e.action())
                .param("subject", e.subject())
                .param("outcome", e.outcome())
                .param("detail", e.detail())
                .param("remote", e.remoteAddr())
                .param("prev", e.prevHash())
                .param("hash", e.hash())
                .param("version", e.hashVersion())
                .update();
        int moved = jdbc.sql("UPDATE audit_head SET last_seq = :seq, last_hash = :hash WHERE id = 1")
                .param("seq", e.seq()).param("hash", e.hash()).update();
        if (moved != 1) {
            throw new IllegalStateException("the audit head row is missing: the trail cannot be extended");
        }
    }

    /**
     * An entry as verification reads it: besides the entry, the stored {@code occurred_at}, which the hash
     * does not cover itself but which must equal the covered {@code occurred_ms} (null: an entry from before
     * occurred_ms, hashed over occurred_at).
     */
    record Stored(AuditEntry entry, Instant occurredAtColumn, boolean derivedTime) {

        /** Whether every stored value the hash does not cover is what the covered ones derive. */
        boolean derivedColumnsHold() {
            return !derivedTime || entry.occurredAt().equals(occurredAtColumn);
        }
    }

    /** Streams the trail up to {@code lastSeq} in order, without holding it in memory. */
    void forEachInOrder(long lastSeq, Consumer<Stored> consumer) {
        streaming.query("SELECT " + COLUMNS + " FROM audit_entry WHERE seq <= :last ORDER BY seq",
                Map.of("last", lastSeq), rs -> {
                    AuditEntry entry = map(rs, 0);
                    rs.getLong("occurred_ms");
                    boolean derived = !rs.wasNull();
                    consumer.accept(new Stored(entry, Jdbc.instant(rs, "occurred_at"), derived));
                });
    }

    Head head() {
        return jdbc.sql("SELECT last_seq, last_hash FROM audit_head WHERE id = 1")
                .query((rs, n) -> new Head(rs.getLong("last_seq"), rs.getString("last_hash")))
                .single();
    }

    /**
     * One page of the entries matching {@code filter}, newest first: after the cursor's sequence number when
     * the request seeks, else at its (capped) page number; with a bounded total ({@link Total}) and the cursor
     * of the next page. Each filter is an index range in seq order (V202612082061, V202612082062).
     */
    PageResult<AuditEntry> search(Filter filter, PageRequest page) {
        Map<String, Object> params = new HashMap<>();
        String where = where(filter, params);
        long counted = jdbc.sql(Total.boundedCountSql("SELECT 1 FROM audit_entry" + where)).params(params)
                .query(Long.class).single();
        String seek = "";
        if (page.seeks()) {
            seek = (where.isEmpty() ? " WHERE " : " AND ") + "seq < :after";
            params.put("after", page.after().id());
        }
        params.put("limit", page.size() + 1);
        params.put("offset", page.offset());
        // A date range of at most a month is read through its own index and sorted (a month's entries at most);
        // ordered on the primary key instead, the planner would walk back from the newest entry to the range.
        String order = filter.narrowDates() ? "seq + 0 DESC" : "seq DESC";
        List<AuditEntry> items = new ArrayList<>(jdbc.sql("SELECT " + COLUMNS + " FROM audit_entry" + where + seek
                        + " ORDER BY " + order + " LIMIT :limit OFFSET :offset")
                .params(params)
                .query(AuditRepository::map)
                .list());
        Keyset next = null;
        if (items.size() > page.size()) {
            items = items.subList(0, page.size());
            next = new Keyset("", items.get(items.size() - 1).seq());
        }
        return new PageResult<>(items, page.page(), page.size(), Total.bounded(counted), next);
    }

    /** Streams every entry matching {@code filter}, newest first, without holding them. */
    void forEachMatching(Filter filter, Consumer<AuditEntry> consumer) {
        Map<String, Object> params = new HashMap<>();
        String where = where(filter, params);
        streaming.query("SELECT " + COLUMNS + " FROM audit_entry" + where + " ORDER BY seq DESC",
                params, rs -> {
                    consumer.accept(map(rs, 0));
                });
    }

    private static String where(Filter f, Map<String, Object> params) {
        List<String> conditions = new ArrayList<>();
        if (f.actor() != null) {
            conditions.add("actor = :actor");
            params.put("actor", f.actor());
        }
        if (f.actionPrefix() != null) {
            conditions.add("action LIKE :action ESCAPE '!'");
            params.put("action", likePrefix(f.actionPrefix()));
        }
        if (f.outcome() != null) {
            conditions.add("outcome = :outcome");
            params.put("outcome", f.outcome().name());
        }
        if (f.subjectPrefix() != null) {
            conditions.add("subject LIKE :subject ESCAPE '!'");
            params.put("subject", likePrefix(f.subjectPrefix()));
        }
        if (f.from() != null) {
            conditions.add("occurred_ms >= :from");
            params.put("from", f.from().toEpochMilli());
        }
        if (f.to() != null) {
            conditions.add("occurred_ms < :to");
            params.put("to", f.to().toEpochMilli());
        }
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    /** A LIKE pattern matching values that start with {@code prefix} literally ('!' escapes; backslash differs by database). */
    static String likePrefix(String prefix) {
        return prefix.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
    }

    static AuditEntry map(ResultSet rs, int row) throws SQLException {
        long millis = rs.getLong("occurred_ms");
        // Entries written before occurred_ms existed were hashed over the timestamp column.
        Instant occurredAt = rs.wasNull() ? Jdbc.instant(rs, "occurred_at") : Instant.ofEpochMilli(millis);
        int version = rs.getInt("hash_version");
        // Entries written before hash_version existed were hashed with the first scheme.
        version = rs.wasNull() ? AuditEntry.V1 : version;
        return new AuditEntry(rs.getLong("seq"), occurredAt, rs.getString("actor"),
                rs.getString("action"), rs.getString("subject"), rs.getString("outcome"), rs.getString("detail"),
                rs.getString("remote_addr"), rs.getString("prev_hash"), rs.getString("hash"), version);
    }
}
