package org.inspectorate.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.inspectorate.organisation.Actor;
import org.inspectorate.organisation.OrganisationFixtures;
import org.inspectorate.organisation.OrganisationType;
import org.inspectorate.organisation.Province;
import org.inspectorate.organisation.Role;
import org.inspectorate.support.Codes;
import org.inspectorate.support.DatabaseTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A cut tail — the newest entries deleted and the head rewound, a consistent shorter chain — is found by the
 * page, the actuator endpoint and the command line alike, through the anchor file every append replaces
 * after it commits. The cut is made in a transaction that is rolled back (the page and the endpoint run on
 * this thread and join it), so the shared database keeps its chain.
 */
@DatabaseTest
class AuditCutTailIntegrationTest {

    @Autowired
    MockMvc mvc;

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

    private static Authentication auditor() {
        return OrganisationFixtures.authentication(new Actor(-1, Codes.username("aud"), 1,
                OrganisationType.MINISTRY_BUREAU, Province.BEIJING, Set.of(Role.AUDIT_ADMIN)));
    }

    interface Check {
        void run() throws Exception;
    }

    /** Deletes every entry after {@code kept}, rewinds the head to it, runs {@code check}, and rolls it all back. */
    private void cutAfter(AuditEntry kept, Check check) {
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            status.setRollbackOnly();
            jdbc.sql("DELETE FROM audit_entry WHERE seq > :seq").param("seq", kept.seq()).update();
            jdbc.sql("UPDATE audit_head SET last_seq = :seq, last_hash = :hash WHERE id = 1")
                    .param("seq", kept.seq()).param("hash", kept.hash()).update();
            try {
                check.run();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @Test
    void everyCommittedAppendLeavesItsEntryInTheAnchorFile() {
        events.publishEvent(new AuditTestEvents.Happened(Codes.username("anchorfile")));
        AuditAnchor head = trail.currentAnchor().orElseThrow();
        assertThat(anchorFile.read().anchor()).contains(head);
        assertThat(trail.verify().tailCheck()).isEqualTo("anchored");
    }

    @Test
    void aCutTailIsReportedByThePageTheActuatorAndTheCommandLine() throws Exception {
        String subject = Codes.username("cut");
        for (int i = 0; i < 3; i++) {
            events.publishEvent(new AuditTestEvents.Happened(subject + ":" + i));
        }
        List<AuditEntry> entries = jdbc.sql("SELECT * FROM audit_entry WHERE subject LIKE :s ORDER BY seq")
                .param("s", subject + ":%").query(AuditRepository::map).list();
        AuditEntry kept = entries.get(0);
        long cut = kept.seq() + 1;
        cutAfter(kept, () -> mvc.perform(post("/audit/verify").with(csrf()).param("lang", "en")
                        .with(authentication(auditor())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("the first bad entry is No. " + cut)))
                .andExpect(content().string(containsString("Entries at the end of the chain were deleted."))));
        cutAfter(kept, () -> mvc.perform(get("/actuator/auditchain").with(authentication(auditor())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.intact").value(false))
                .andExpect(jsonPath("$.firstBrokenSeq").value(cut))
                .andExpect(jsonPath("$.reason").value("truncated"))
                .andExpect(jsonPath("$.tailCheck").value("anchored")));
        cutAfter(kept, () -> {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            int code = new AuditVerifyCommand(trail, null, "", anchorFile).verify("",
                    new PrintStream(bytes, true, StandardCharsets.UTF_8));
            assertThat(code).isEqualTo(AuditVerifyCommand.BROKEN);
            assertThat(bytes.toString(StandardCharsets.UTF_8))
                    .contains("AUDIT CHAIN BROKEN: first broken entry seq=" + cut + " reason=truncated");
        });
        assertThat(trail.verify().intact()).as("the cut was rolled back").isTrue();
    }

    @Test
    void withoutAnAnchorFileEveryFaceSaysPlainlyThatACutTailNeedsTheAnchorCheck(@TempDir Path dir) {
        AuditAnchorFile none = new AuditAnchorFile("");
        assertThat(none.read().check()).isEqualTo(AuditAnchorFile.TailCheck.NOT_CONFIGURED);
        AuditAnchorFile empty = new AuditAnchorFile(dir.resolve("anchor").toString());
        assertThat(empty.read().check()).isEqualTo(AuditAnchorFile.TailCheck.NO_ANCHOR_YET);

        ChainVerification unanchored = new ChainVerification(true, 3, null, null, "not-configured");
        assertThat(unanchored.tailUnchecked()).isTrue();
        assertThat(unanchored.tailCheckMessageKey()).isEqualTo("audit.verify.tail.not-configured");
    }

    @Test
    void aDamagedAnchorFileIsNeverReadAsIntact(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("anchor");
        AuditAnchorFile anchors = new AuditAnchorFile(file.toString());
        anchors.write(new AuditAnchor(5, "ab".repeat(32)));
        assertThat(anchors.read().anchor()).contains(new AuditAnchor(5, "ab".repeat(32)));
        anchors.write(new AuditAnchor(4, "cd".repeat(32)));
        assertThat(anchors.read().anchor()).as("never backwards").contains(new AuditAnchor(5, "ab".repeat(32)));
        Files.writeString(file, "garbage");
        org.assertj.core.api.Assertions.assertThatThrownBy(anchors::read).isInstanceOf(IllegalStateException.class);
    }
}
