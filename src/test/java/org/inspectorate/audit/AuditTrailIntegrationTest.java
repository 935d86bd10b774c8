package org.inspectorate.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.inspectorate.support.Codes;
import org.inspectorate.support.DatabaseTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The trail on a real database. Tests that tamper with it do so inside a transaction that is rolled
 * back, so the shared database keeps one intact chain for every other test.
 */
@DatabaseTest
class AuditTrailIntegrationTest {

    @Autowired
    AuditTrail trail;

    @Autowired
    AuditAnchorFile anchorFile;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    private List<AuditEntry> entriesOf(String subjectPrefix) {
        return jdbc.sql("SELECT * FROM audit_entry WHERE subject LIKE :s ORDER BY seq")
                .param("s", subjectPrefix + "%").query(AuditRepository::map).list();
    }

    /** Runs {@code body} in a transaction that is always rolled back, whatever it did to the trail. */
    private <T> T thenRollBack(Function<TransactionTemplate, T> body) {
        TransactionTemplate tx = new TransactionTemplate(transactions);
        return tx.execute(status -> {
            status.setRollbackOnly();
            return body.apply(tx);
        });
    }

    private List<AuditEntry> appendThree(String subject) {
        for (int i = 0; i < 3; i++) {
            events.publishEvent(new AuditTestEvents.Happened(subject + ":" + i));
        }
        return entriesOf(subject);
    }

    @Test
    void eachEntryLinksToThePreviousOneAndTheChainVerifies() {
        String subject = Codes.username("chain");
        List<AuditEntry> entries = appendThree(subject);

        assertThat(entries).hasSize(3);
        for (int i = 1; i < entries.size(); i++) {
            assertThat(entries.get(i).prevHash()).isEqualTo(entries.get(i - 1).hash());
            assertThat(entries.get(i).seq()).isGreaterThan(entries.get(i - 1).seq());
        }
        assertThat(entries).allSatisfy(e -> assertThat(e.hash()).isEqualTo(e.expectedHash()).hasSize(64));
        assertThat(entries.get(0).actor()).isEqualTo("audit-test");
        assertThat(trail.verify().intact()).isTrue();
    }

    @Test
    void editingAnEntrysContentIsDetectedAtThatEntry() {
        ChainVerification result = thenRollBack(tx -> {
            List<AuditEntry> entries = appendThree(Codes.username("edit"));
            long middle = entries.get(1).seq();
            jdbc.sql("UPDATE audit_entry SET detail = 'harmless' WHERE seq = :seq").param("seq", middle).update();
            return trail.verify();
        });
        List<AuditEntry> none = entriesOf("edit_");
        assertThat(result.intact()).isFalse();
        assertThat(result.reason()).isEqualTo("content");
        assertThat(none).as("rolled back").isEmpty();
    }

    @Test
    void editingAnEntrysTimeIsDetectedAtThatEntry() {
        long[] seq = {0};
        ChainVerification result = thenRollBack(tx -> {
            List<AuditEntry> entries = appendThree(Codes.username("time"));
            seq[0] = entries.get(1).seq();
            jdbc.sql("UPDATE audit_entry SET occurred_ms = occurred_ms - 3600000 WHERE seq = :seq")
                    .param("seq", seq[0]).update();
            return trail.verify();
        });
        assertThat(result).isEqualTo(new ChainVerification(false, result.entriesChecked(), seq[0], "content", "anchored"));
    }

    @Test
    void editingAnEntryAndItsHashIsDetectedAtTheNextEntry() {
        long[] seq = {0};
        ChainVerification result = thenRollBack(tx -> {
            List<AuditEntry> entries = appendThree(Codes.username("rehash"));
            AuditEntry e = entries.get(1);
            String forged = AuditEntry.hashOf(e.seq(), e.occurredAt(), "someone-else", e.action(), e.subject(),
                    e.outcome(), e.detail(), e.remoteAddr(), e.prevHash());
            jdbc.sql("UPDATE audit_entry SET actor = 'someone-else', hash = :hash WHERE seq = :seq")
                    .param("hash", forged).param("seq", e.seq()).update();
            seq[0] = entries.get(2).seq();
            return trail.verify();
        });
        assertThat(result.firstBrokenSeq()).isEqualTo(seq[0]);
        assertThat(result.reason()).isEqualTo("link");
    }

    @Test
    void deletingAMiddleEntryIsDetectedAtThatEntry() {
        long[] seq = {0};
        ChainVerification result = thenRollBack(tx -> {
            List<AuditEntry> entries = appendThree(Codes.username("gap"));
            seq[0] = entries.get(1).seq();
            jdbc.sql("DELETE FROM audit_entry WHERE seq = :seq").param("seq", seq[0]).update();
            return trail.verify();
        });
        assertThat(result.intact()).isFalse();
        assertThat(result.firstBrokenSeq()).isEqualTo(seq[0]);
        assertThat(result.reason()).isEqualTo("missing");
        assertThat(result.entriesChecked()).isEqualTo(seq[0] - 1);
    }

    @Test
    void deletingTheLastEntryIsDetectedAtThatEntry() {
        long[] seq = {0};
        ChainVerification result = thenRollBack(tx -> {
            List<AuditEntry> entries = appendThree(Codes.username("tail"));
            seq[0] = entries.get(2).seq();
            jdbc.sql("DELETE FROM audit_entry WHERE seq = :seq").param("seq", seq[0]).update();
            return trail.verify();
        });
        assertThat(result).isEqualTo(new ChainVerification(false, seq[0] - 1, seq[0], "truncated", "anchored"));
    }

    @Test
    void deletingTheLastEntryAndRewindingTheHeadIsDetectedByAnAnchorKeptOutside() {
        long[] seq = {0};
        List<ChainVerification> results = thenRollBack(tx -> {
            List<AuditEntry> entries = appendThree(Codes.username("rewind"));
            AuditEntry last = entries.get(2);
            seq[0] = last.seq();
            AuditAnchor anchor = trail.currentAnchor().orElseThrow();
            assertThat(anchor).isEqualTo(new AuditAnchor(last.seq(), last.hash()));
            jdbc.sql("DELETE FROM audit_entry WHERE seq = :seq").param("seq", last.seq()).update();
            jdbc.sql("UPDATE audit_head SET last_seq = :seq, last_hash = :hash WHERE id = 1")
                    .param("seq", entries.get(1).seq()).param("hash", entries.get(1).hash()).update();
            // Without a witness outside the database a consistent, shorter chain is all there is to see;
            // the anchor the log printed tells the truth.
            return List.of(trail.verify(), trail.verify(List.of(anchor)));
        });
        assertThat(results.get(0).intact()).isTrue();
        assertThat(results.get(1)).isEqualTo(new ChainVerification(false, seq[0] - 1, seq[0], "truncated", "anchored"));
    }

    @Test
    void replacingTheLastEntryIsDetectedByTheHead() {
        long[] seq = {0};
        ChainVerification result = thenRollBack(tx -> {
            List<AuditEntry> entries = appendThree(Codes.username("swap"));
            AuditEntry e = entries.get(2);
            seq[0] = e.seq();
            String forged = AuditEntry.hashOf(e.seq(), e.occurredAt(), e.actor(), e.action(), e.subject(),
                    "FAILURE", e.detail(), e.remoteAddr(), e.prevHash());
            jdbc.sql("UPDATE audit_entry SET outcome = 'FAILURE', hash = :hash WHERE seq = :seq")
                    .param("hash", forged).param("seq", e.seq()).update();
            return trail.verify();
        });
        assertThat(result.firstBrokenSeq()).isEqualTo(seq[0]);
        assertThat(result.reason()).isEqualTo("head");
    }

    @Test
    void recomputingTheWholeChainIsDetectedByAnAnchor() {
        long[] seq = {0};
        ChainVerification result = thenRollBack(tx -> {
            List<AuditEntry> entries = appendThree(Codes.username("anchor"));
            AuditEntry e = entries.get(2);
            seq[0] = e.seq();
            AuditAnchor anchor = new AuditAnchor(e.seq(), e.hash());
            String forged = AuditEntry.hashOf(e.seq(), e.occurredAt(), e.actor(), e.action(), e.subject(),
                    "DENIED", e.detail(), e.remoteAddr(), e.prevHash());
            jdbc.sql("UPDATE audit_entry SET outcome = 'DENIED', hash = :hash WHERE seq = :seq")
                    .param("hash", forged).param("seq", e.seq()).update();
            jdbc.sql("UPDATE audit_head SET last_hash = :hash WHERE id = 1").param("hash", forged).update();
            assertThat(trail.verify().intact()).isTrue();
            return trail.verify(List.of(anchor));
        });
        assertThat(result.firstBrokenSeq()).isEqualTo(seq[0]);
        assertThat(result.reason()).isEqualTo("anchor");
    }

    @Test
    void aRolledBackChangeLeavesNoEntry() {
        String subject = Codes.username("rollback");
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            events.publishEvent(new AuditTestEvents.Happened(subject));
            assertThat(entriesOf(subject)).hasSize(1);
            status.setRollbackOnly();
        });
        assertThat(entriesOf(subject)).isEmpty();
        assertThat(trail.verify().intact()).isTrue();
    }

    @Test
    void anEventInsideAReadOnlyTransactionIsStillRecorded() {
        String subject = Codes.username("readonly");
        TransactionTemplate readOnly = new TransactionTemplate(transactions);
        readOnly.setReadOnly(true);
        readOnly.executeWithoutResult(status -> events.publishEvent(new AuditTestEvents.Happened(subject)));
        assertThat(entriesOf(subject)).hasSize(1);
    }

    @Test
    void textTheDatabaseCannotHoldIsStoredSoThatTheHashStillHolds() {
        String subject = Codes.username("text");
        String awkward = "零\u0000字节 😀 " + "界".repeat(1990) + "😀😀😀😀😀";
        events.publishEvent(new AuditTestEvents.Happened(subject + ":\uD800lone", awkward));
        List<AuditEntry> entries = entriesOf(subject);
        assertThat(entries).hasSize(1);
        assertThat(entries.get(0).detail()).doesNotContain("\u0000").hasSizeLessThanOrEqualTo(2000);
        assertThat(entries.get(0).subject()).endsWith(":\uFFFDlone");
        assertThat(entries.get(0).hash()).isEqualTo(entries.get(0).expectedHash());
        assertThat(trail.verify().intact()).isTrue();
    }

    @Test
    void concurrentAppendsFromSeveralThreadsKeepOneUnbrokenChain() throws Exception {
        String subject = Codes.username("concurrent");
        int threads = 4;
        int perThread = 25;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Callable<Void>> tasks = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                tasks.add(() -> {
                    TransactionTemplate tx = new TransactionTemplate(transactions);
                    for (int i = 0; i < perThread; i++) {
                        int n = i;
                        tx.executeWithoutResult(s -> events.publishEvent(
                                new AuditTestEvents.Happened(subject + ":" + thread + ":" + n)));
                    }
                    return null;
                });
            }
            for (Future<Void> f : pool.invokeAll(tasks, 2, TimeUnit.MINUTES)) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        List<AuditEntry> entries = entriesOf(subject);
        assertThat(entries).hasSize(threads * perThread);
        assertThat(entries.stream().map(AuditEntry::seq).distinct()).hasSize(threads * perThread);
        ChainVerification result = trail.verify();
        assertThat(result.intact()).as("%s", result).isTrue();
        assertThat(result.entriesChecked()).isGreaterThanOrEqualTo(entries.get(entries.size() - 1).seq());
    }

    @Test
    void theVerifyCommandPrintsTheResultAndAnswersZeroForAnIntactChain() {
        events.publishEvent(new AuditTestEvents.Happened(Codes.username("cli")));
        AuditVerifyCommand command = new AuditVerifyCommand(trail, null, "", anchorFile);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int status = command.verify("", new PrintStream(bytes, true, StandardCharsets.UTF_8));
        assertThat(status).isEqualTo(AuditVerifyCommand.INTACT);
        assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("AUDIT CHAIN INTACT")
                .contains("Current anchor");
        assertThat(command.verify("12:nothex", new PrintStream(new ByteArrayOutputStream())))
                .isEqualTo(AuditVerifyCommand.USAGE);
    }

    @Test
    void theVerifyCommandAnswersOneForABrokenChain() {
        int status = thenRollBack(tx -> {
            List<AuditEntry> entries = appendThree(Codes.username("clibroken"));
            jdbc.sql("DELETE FROM audit_entry WHERE seq = :seq").param("seq", entries.get(0).seq()).update();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            int code = new AuditVerifyCommand(trail, null, "", anchorFile).verify("",
                    new PrintStream(bytes, true, StandardCharsets.UTF_8));
            assertThat(bytes.toString(StandardCharsets.UTF_8))
                    .contains("AUDIT CHAIN BROKEN: first broken entry seq=" + entries.get(0).seq() + " reason=missing");
            return code;
        });
        assertThat(status).isEqualTo(AuditVerifyCommand.BROKEN);
    }
}
