package org.inspectorate.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import javax.sql.DataSource;

import org.h2.jdbcx.JdbcDataSource;
import org.inspectorate.support.TestClockConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The embedded database's documented backup (docs/operations.md, "Backup and restore"): H2's {@code SCRIPT} writes
 * the whole database, stored files and the audit trail included, and {@code RUNSCRIPT} into an empty database
 * restores it with the same rows and a chain that verifies against the anchor taken before the backup. H2 only (the
 * PostgreSQL and MariaDB dumps are exercised by .ci/run on the databases their suites leave), so not tagged db.
 */
@Import(TestClockConfiguration.class)
@SpringBootTest
class H2BackupRestoreIntegrationTest {

    private static final List<String> TABLES = List.of("organisation", "user_account", "network_unit", "finding",
            "evidence_file", "audit_entry", "audit_head");

    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    AuditTrail trail;
    @Autowired
    Clock clock;

    @TempDir
    Path scratch;

    @Test
    void aScriptedBackupRestoresEveryRowAndAChainThatVerifiesAgainstTheAnchorTakenBefore() throws Exception {
        String subject = "backup:" + java.util.UUID.randomUUID();
        new TransactionTemplate(transactions).executeWithoutResult(s -> {
            for (int i = 0; i < 5; i++) {
                events.publishEvent(new AuditTestEvents.Happened(subject + ":" + i));
            }
        });
        AuditAnchor before = trail.currentAnchor().orElseThrow();
        Path backup = scratch.resolve("backup.zip");

        jdbc.sql("SCRIPT TO '" + backup + "' COMPRESSION ZIP").query().listOfRows();

        DataSource restored = emptyDatabase();
        JdbcClient restoredJdbc = JdbcClient.create(restored);
        restoredJdbc.sql("RUNSCRIPT FROM '" + backup + "' COMPRESSION ZIP").update();
        for (String table : TABLES) {
            assertThat(count(restoredJdbc, table)).as(table).isEqualTo(count(jdbc, table));
        }
        AuditTrail restoredTrail = new AuditTrail(new AuditRepository(restoredJdbc, restored),
                new AuditAnchorFile(""), clock, new DataSourceTransactionManager(restored));
        ChainVerification verified = restoredTrail.verify(List.of(before));
        assertThat(verified.intact()).as(verified.toString()).isTrue();
        assertThat(verified.entriesChecked()).isEqualTo(before.seq() - firstSeq(restoredJdbc) + 1);
        assertThat(Files.size(backup)).isPositive();
    }

    private DataSource emptyDatabase() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:" + "restored-" + java.util.UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        ds.setUser("sa");
        return ds;
    }

    private static long count(JdbcClient client, String table) {
        return client.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
    }

    private static long firstSeq(JdbcClient client) {
        return client.sql("SELECT MIN(seq) FROM audit_entry").query(Long.class).single();
    }
}
