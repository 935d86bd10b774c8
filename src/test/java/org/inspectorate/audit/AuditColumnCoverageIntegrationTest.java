package org.inspectorate.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.inspectorate.support.Codes;
import org.inspectorate.support.DatabaseTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every stored column of an audit entry is covered by its hash or derived from a covered one: editing any
 * one of them, in turn, names that entry as the first broken one. The columns are read from the database's
 * own catalogue, so a column added later without coverage fails here until it is covered and listed.
 * Each edit is rolled back, so the shared database keeps one intact chain.
 */
@DatabaseTest
class AuditColumnCoverageIntegrationTest {

    /** How each column is edited and which reason verification must give for the edited entry. */
    private static final Map<String, Edit> EDITS = Map.ofEntries(
            Map.entry("seq", new Edit("seq = seq + 1000000000", "missing")),
            Map.entry("occurred_at", new Edit("occurred_at = :later", "content")),
            Map.entry("occurred_ms", new Edit("occurred_ms = occurred_ms + 1", "content")),
            Map.entry("actor", new Edit("actor = 'someone-else'", "content")),
            Map.entry("action", new Edit("action = 'test.other'", "content")),
            Map.entry("subject", new Edit("subject = 'unit:1'", "content")),
            Map.entry("outcome", new Edit("outcome = 'DENIED'", "content")),
            Map.entry("detail", new Edit("detail = 'harmless'", "content")),
            // The entries have no address (no request): NULL and '' must hash differently.
            Map.entry("remote_addr", new Edit("remote_addr = ''", "content")),
            Map.entry("prev_hash", new Edit("prev_hash = '" + "1".repeat(64) + "'", "link")),
            Map.entry("hash", new Edit("hash = '" + "2".repeat(64) + "'", "content")),
            Map.entry("hash_version", new Edit("hash_version = 1", "content")));

    record Edit(String assignment, String reason) {
    }

    @Autowired
    AuditTrail trail;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    /** The columns the database has for the table, whatever the migrations say. */
    private List<String> columnsOfTheAuditTable() {
        return jdbc.sql("SELECT * FROM audit_entry WHERE 1 = 0").query((ResultSet rs) -> {
            ResultSetMetaData meta = rs.getMetaData();
            List<String> columns = new ArrayList<>();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                columns.add(meta.getColumnName(i).toLowerCase(Locale.ROOT));
            }
            return columns;
        });
    }

    @Test
    void editingAnyStoredColumnOfAnEntryNamesThatEntryAsTheFirstBroken() {
        List<String> columns = columnsOfTheAuditTable();
        assertThat(columns).as("every column of audit_entry has an edit here (cover it first)")
                .containsExactlyInAnyOrderElementsOf(EDITS.keySet());
        for (String column : columns) {
            Edit edit = EDITS.get(column);
            long[] middle = {0};
            ChainVerification result = new TransactionTemplate(transactions).execute(status -> {
                status.setRollbackOnly();
                String subject = Codes.username("col");
                for (int i = 0; i < 3; i++) {
                    events.publishEvent(new AuditTestEvents.Happened(subject + ":" + i));
                }
                AuditEntry entry = jdbc.sql("SELECT * FROM audit_entry WHERE subject = :s")
                        .param("s", subject + ":1").query(AuditRepository::map).single();
                middle[0] = entry.seq();
                JdbcClient.StatementSpec update = jdbc.sql(
                        "UPDATE audit_entry SET " + edit.assignment() + " WHERE seq = :seq").param("seq", entry.seq());
                if (edit.assignment().contains(":later")) {
                    update = update.param("later", Timestamp.from(entry.occurredAt().plusSeconds(3600)));
                }
                assertThat(update.update()).as(column).isEqualTo(1);
                return trail.verify();
            });
            assertThat(result.intact()).as("editing %s is detected", column).isFalse();
            assertThat(result.firstBrokenSeq()).as("editing %s names the entry", column).isEqualTo(middle[0]);
            assertThat(result.reason()).as("editing %s", column).isEqualTo(edit.reason());
        }
        assertThat(trail.verify().intact()).as("every edit was rolled back").isTrue();
    }

    @Test
    void entriesHashedWithTheFirstSchemeStillVerify() {
        ChainVerification result = new TransactionTemplate(transactions).execute(status -> {
            status.setRollbackOnly();
            String subject = Codes.username("v1");
            events.publishEvent(new AuditTestEvents.Happened(subject));
            AuditEntry e = jdbc.sql("SELECT * FROM audit_entry WHERE subject = :s").param("s", subject)
                    .query(AuditRepository::map).single();
            // As an entry written before hash_version existed: the first scheme, column NULL.
            String v1 = AuditEntry.hashOf(AuditEntry.V1, e.seq(), e.occurredAt(), e.actor(), e.action(), e.subject(),
                    e.outcome(), e.detail(), e.remoteAddr(), e.prevHash());
            jdbc.sql("UPDATE audit_entry SET hash = :h, hash_version = NULL WHERE seq = :seq").param("h", v1)
                    .param("seq", e.seq()).update();
            jdbc.sql("UPDATE audit_head SET last_hash = :h WHERE id = 1").param("h", v1).update();
            return trail.verify();
        });
        assertThat(result.intact()).as("%s", result).isTrue();
    }
}
