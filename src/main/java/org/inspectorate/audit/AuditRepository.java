package org.inspectorate.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.inspectorate.system.Jdbc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The audit table and the one-row head that serialises appends across nodes. */
@Repository
class AuditRepository {

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    AuditRepository(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.template = new JdbcTemplate(dataSource);
        this.template.setFetchSize(1000);
    }

    record Head(long lastSeq, String lastHash) {
    }

    /** Reads and locks the head: concurrent appenders wait here until this transaction ends. */
    Head lockHead() {
        return jdbc.sql("SELECT last_seq, last_hash FROM audit_head WHERE id = 1 FOR UPDATE")
                .query((rs, n) -> new Head(rs.getLong("last_seq"), rs.getString("last_hash")))
                .single();
    }

    void append(AuditEntry e) {
        jdbc.sql("""
                INSERT INTO audit_entry (seq, occurred_at, actor, action, subject, outcome, detail, remote_addr,
                    prev_hash, hash)
                VALUES (:seq, :at, :actor, :action, :subject, :outcome, :detail, :remote, :prev, :hash)""")
                .param("seq", e.seq())
                .param("at", Jdbc.ts(e.occurredAt()))
                .param("actor", e.actor())
                .param("action", e.action())
                .param("subject", e.subject())
                .param("outcome", e.outcome())
                .param("detail", e.detail())
                .param("remote", e.remoteAddr())
                .param("prev", e.prevHash())
                .param("hash", e.hash())
                .update();
        jdbc.sql("UPDATE audit_head SET last_seq = :seq, last_hash = :hash WHERE id = 1")
                .param("seq", e.seq()).param("hash", e.hash()).update();
    }

    /** Streams the whole trail in order, without holding it in memory. */
    void forEachInOrder(Consumer<AuditEntry> consumer) {
        template.query("SELECT * FROM audit_entry ORDER BY seq", rs -> {
            consumer.accept(map(rs, 0));
        });
    }

    Head head() {
        return jdbc.sql("SELECT last_seq, last_hash FROM audit_head WHERE id = 1")
                .query((rs, n) -> new Head(rs.getLong("last_seq"), rs.getString("last_hash")))
                .single();
    }

    static AuditEntry map(ResultSet rs, int row) throws SQLException {
        return new AuditEntry(rs.getLong("seq"), Jdbc.instant(rs, "occurred_at"), rs.getString("actor"),
                rs.getString("action"), rs.getString("subject"), rs.getString("outcome"), rs.getString("detail"),
                rs.getString("remote_addr"), rs.getString("prev_hash"), rs.getString("hash"));
    }
}
