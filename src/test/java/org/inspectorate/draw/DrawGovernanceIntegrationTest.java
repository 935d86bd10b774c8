package org.inspectorate.draw;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.zip.GZIPOutputStream;

import org.hamcrest.Matchers;
import org.inspectorate.agency.AgencyFixtures;
import org.inspectorate.agency.Inspector;
import org.inspectorate.draw.algorithm.DoubleRandomDraw;
import org.inspectorate.draw.algorithm.DrawSeed;
import org.inspectorate.draw.algorithm.DrawVerifier;
import org.inspectorate.draw.algorithm.PackedSnapshot;
import org.inspectorate.draw.algorithm.PoolSnapshot;
import org.inspectorate.draw.algorithm.PublishedDraw;
import org.inspectorate.draw.algorithm.TargetCandidate;
import org.inspectorate.draw.algorithm.TeamAssignment;
import org.inspectorate.draw.algorithm.Verification;
import org.inspectorate.draw.algorithm.VerifyDrawCli;
import org.inspectorate.organisation.Actor;
import org.inspectorate.organisation.OrganisationFixtures;
import org.inspectorate.organisation.OrganisationType;
import org.inspectorate.organisation.Province;
import org.inspectorate.organisation.Role;
import org.inspectorate.support.DatabaseTest;
import org.inspectorate.system.ConflictException;
import org.inspectorate.system.NotFoundException;
import org.junit.jupiter.api.Test;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.result.MockMvcResultMatchers;

@DatabaseTest
class DrawGovernanceIntegrationTest extends DrawGovernanceFixture {

    @Test
    void aDrawPreparedApprovedByAnotherOfficerAndRunVerifiesAfterReloadAndAnyoneCanReRunIt() throws Exception {
        DrawView scheduled = scheduled();
        assertThat(scheduled.state()).isEqualTo(DrawState.SCHEDULED);
        assertThat(scheduled.seedHash()).matches("[0-9a-f]{64}");
        assertThat(scheduled.approvedBy()).isEqualTo(approver.username());

        DrawView drawn = draws.run(preparer, scheduled.id(), "见证人甲: 0042\n见证人乙: 上证指数 3311.27");
        assertThat(drawn.state()).isEqualTo(DrawState.DRAWN);
        List<DrawRound> rounds = draws.rounds(preparer, drawn.id());
        assertThat(rounds).hasSize(1);
        DrawRound round = rounds.get(0);
        assertThat(round.assignments()).hasSize(2);
        assertThat(round.witnessEntropy()).containsExactly("见证人甲: 0042", "见证人乙: 上证指数 3311.27");
        assertThat(round.seed().sha256Hex()).isEqualTo(scheduled.seedHash());

        Verification verification = draws.verify(preparer, drawn.id());
        assertThat(verification.matches()).isTrue();
        PublishedDraw published = draws.published(preparer, drawn.id());
        List<TeamAssignment> again = DoubleRandomDraw.select(published.snapshot(), published.rules(),
                published.commitment().drawDate(), published.seed(), published.witnessEntropy());
        assertThat(again).isEqualTo(round.assignments());

        Path file = Files.createTempFile("draw", ".json");
        Files.writeString(file, published.toJson(), StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = VerifyDrawCli.run(new String[] {file.toString(), "--commitment", drawn.commitmentDigest()},
                new PrintStream(out, true, StandardCharsets.UTF_8));
        Files.delete(file);
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("MATCH");
        assertThat(exit).isZero();

        assertThat(draws.plannedChecks(preparer, drawn.id())).hasSize(2)
                .allSatisfy(c -> assertThat(c.state()).isEqualTo("PLANNED"));
        DrawResultNames names = draws.names(preparer, drawn.id());
        for (PlannedSpotCheck c : draws.plannedChecks(preparer, drawn.id())) {
            assertThat(names.targets().get(c.targetUnitId())).isEqualTo(
                    organisations.findUnscoped(c.targetOrganisationId()).orElseThrow().name() + " #" + c.targetUnitId());
            var leaderAccount = accounts.findUnscoped(c.leaderUserId()).orElseThrow();
            assertThat(names.inspectors().get(c.leaderUserId()))
                    .isEqualTo(leaderAccount.displayName() + " (" + leaderAccount.username() + ")");
            assertThat(c.memberUserIds()).allSatisfy(u -> assertThat(names.inspectors()).containsKey(u));
        }
        DrawView publishedDraw = draws.publish(approver, drawn.id());
        assertThat(publishedDraw.state()).isEqualTo(DrawState.PUBLISHED);
        TeamAssignment first = round.assignments().get(0);
        Actor leader = new Actor(Long.parseLong(first.leaderId()), "leader", agency.id(), OrganisationType.TESTING_AGENCY,
                null, Set.of(Role.INSPECTOR));
        assertThat(draws.myPlannedChecks(leader)).anySatisfy(c -> assertThat(c.drawId()).isEqualTo(drawn.id()));
        assertThat(draws.get(leader, drawn.id()).id()).isEqualTo(drawn.id());
    }

    @Test
    void theSnapshotIsStoredPackedAndAChangedOrDamagedCopyNoLongerVerifies() {
        DrawView drawn = draws.run(preparer, scheduled().id(), "");
        PoolSnapshot snapshot = draws.published(preparer, drawn.id()).snapshot();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM draw WHERE id = :id AND snapshot_packed IS NOT NULL"
                + " AND snapshot_gzip IS NULL AND snapshot_json IS NULL").param("id", drawn.id())
                .query(Long.class).single()).isEqualTo(1L);
        assertThat(draws.verify(preparer, drawn.id()).matches()).isTrue();

        // the pools with one target's grade changed, packed as approval packs them
        List<TargetCandidate> targets = new ArrayList<>(snapshot.targets());
        TargetCandidate t = targets.get(0);
        targets.set(0, new TargetCandidate(t.id(), t.operatorId(), t.operatorType(), t.province(), t.networkCategory(),
                t.gradeLevel().equals("4") ? "2" : "4", t.lastInspected(), t.attributes()));
        storePacked(drawn.id(), PackedSnapshot.pack(new PoolSnapshot(targets, snapshot.inspectors(),
                snapshot.relations())));
        assertThat(draws.verify(preparer, drawn.id()).reasons())
                .anySatisfy(r -> assertThat(r).contains("the pool snapshot does not match the commitment"));

        byte[] packed = PackedSnapshot.pack(snapshot);
        storePacked(drawn.id(), Arrays.copyOf(packed, packed.length / 2));
        Verification damaged = draws.verify(preparer, drawn.id());
        assertThat(damaged.matches()).isFalse();
        assertThat(damaged.reasons()).anySatisfy(r -> assertThat(r).contains("cannot be read"));

        storePacked(drawn.id(), packed);
        assertThat(draws.verify(preparer, drawn.id()).matches()).isTrue();
    }

    private void storePacked(long drawId, byte[] packed) {
        jdbc.sql("UPDATE draw SET snapshot_packed = :packed WHERE id = :id").param("packed", packed).param("id", drawId)
                .update();
    }

    @Test
    void aDrawScheduledBeforeThePackedFormStillVerifiesFromItsGzipOrTextColumnButNotFromOtherBytes() {
        DrawView drawn = draws.run(preparer, scheduled().id(), "");
        String canonical = draws.published(preparer, drawn.id()).snapshot().canonicalJson();

        // a draw of the first format: the canonical JSON as text
        jdbc.sql("UPDATE draw SET snapshot_json = :json, snapshot_packed = NULL WHERE id = :id")
                .param("json", canonical).param("id", drawn.id()).update();
        assertThat(draws.verify(preparer, drawn.id()).matches()).isTrue();

        jdbc.sql("UPDATE draw SET snapshot_json = :json WHERE id = :id")
                .param("json", canonical.replaceFirst("\"attributes\":\\{\\}", "\"attributes\":{\"x\":\"y\"}"))
                .param("id", drawn.id()).update();
        assertThat(draws.verify(preparer, drawn.id()).reasons()).isNotEmpty();

        // a draw of the second format: the gzip of the canonical JSON bytes, and only of those bytes
        jdbc.sql("UPDATE draw SET snapshot_json = NULL, snapshot_gzip = :gzip WHERE id = :id")
                .param("gzip", gzip(canonical.replace(",\"targets\":", ", \"targets\":"))).param("id", drawn.id())
                .update();
        assertThat(draws.verify(preparer, drawn.id()).reasons()).isNotEmpty();
        jdbc.sql("UPDATE draw SET snapshot_gzip = :gzip WHERE id = :id").param("gzip", gzip(canonical))
                .param("id", drawn.id()).update();
        assertThat(draws.verify(preparer, drawn.id()).matches()).isTrue();
    }

    private static byte[] gzip(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    @Test
    void approvingOnesOwnDrawIsRefused() {
        DrawView draft = prepared(rules("2", ""), LocalDate.now(clock));
        assertThatThrownBy(() -> draws.approve(preparer, draft.id())).isInstanceOf(ConflictException.class)
                .extracting(e -> ((ConflictException) e).code()).isEqualTo("draw.approve.own");
        assertThat(draws.get(preparer, draft.id()).state()).isEqualTo(DrawState.DRAFT);
    }

    @Test
    void quotasThatCannotBeMetAreRefusedAtApprovalBeforeAnySeedIsCommittedAndSayByHowMuch() {
        DrawView draft = prepared(rules("100000", "operatorType=VALUE_ADDED_TELECOM; per=province; atLeast=99999"),
                LocalDate.now(clock));
        assertThatThrownBy(() -> draws.approve(approver, draft.id()))
                .isInstanceOfSatisfying(ConflictException.class, e -> {
                    assertThat(e.code()).isEqualTo("draw.infeasible");
                    assertThat(e.args()[0].toString()).contains("needs 99999").contains("short by");
                });
        DrawView still = draws.get(preparer, draft.id());
        assertThat(still.state()).isEqualTo(DrawState.DRAFT);
        assertThat(still.commitmentDigest()).isNull();
        assertThat(draws.rounds(preparer, draft.id())).isEmpty();
    }

    @Test
    void aPoolSmallerThanTheSampleIsRefusedAtApproval() {
        DrawView draft = prepared(rules("100000", ""), LocalDate.now(clock));
        assertThatThrownBy(() -> draws.approve(approver, draft.id()))
                .isInstanceOfSatisfying(ConflictException.class, e -> {
                    assertThat(e.code()).isEqualTo("draw.infeasible");
                    assertThat(e.args()[0].toString()).startsWith("sample: needs 100000");
                });
        assertThat(draws.get(preparer, draft.id()).state()).isEqualTo(DrawState.DRAFT);
    }

    @Test
    void editingAScheduledOrPublishedDrawIsAConflict() throws Exception {
        DrawView scheduled = scheduled();
        DrawInput edit = new DrawInput("改名", Long.toString(scheduled.rulesId()), PROVINCE.code(), "", "", "",
                List.of(), LocalDate.now(clock).toString());
        assertThatThrownBy(() -> draws.update(preparer, scheduled.id(), scheduled.version(), edit))
                .isInstanceOf(ConflictException.class);
        draws.run(preparer, scheduled.id(), "");
        DrawView published = draws.publish(preparer, scheduled.id());
        assertThatThrownBy(() -> draws.update(preparer, published.id(), published.version(), edit))
                .isInstanceOfSatisfying(ConflictException.class,
                        e -> assertThat(e.code()).isEqualTo("draw.notEditable"));
        mvc.perform(MockMvcRequestBuilders
                        .put("/api/v1/draws/" + published.id())
                        .param("version", Integer.toString(published.version()))
                        .contentType("application/json")
                        .content("{\"title\":\"x\",\"rulesId\":\"" + published.rulesId() + "\",\"drawDate\":\""
                                + LocalDate.now(clock) + "\"}")
                        .with(SecurityMockMvcRequestPostProcessors
                                .authentication(OrganisationFixtures.authentication(preparer))))
                .andExpect(status().isConflict());
    }

    @Test
    void anotherProvincesOfficerGetsNotFound() throws Exception {
        DrawView draft = prepared(rules("2", ""), LocalDate.now(clock));
        Actor other = officer(OrganisationType.PROVINCIAL_ADMINISTRATION, Province.HUNAN, Role.PROVINCIAL_OFFICER);
        assertThatThrownBy(() -> draws.get(other, draft.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> draws.approve(other, draft.id())).isInstanceOf(NotFoundException.class);
        mvc.perform(get("/api/v1/draws/" + draft.id()).with(
                        SecurityMockMvcRequestPostProcessors
                                .authentication(OrganisationFixtures.authentication(other))))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/draws/" + draft.id()).with(
                        SecurityMockMvcRequestPostProcessors
                                .authentication(OrganisationFixtures.authentication(preparer))))
                .andExpect(status().isOk()).andExpect(jsonPath("$.state").value("DRAFT"));
    }

    @Test
    void aRevealedSeedThatDoesNotMatchItsCommitmentIsCaughtAndNothingIsDrawn() {
        DrawView scheduled = scheduled();
        String swapped = seal.seal(scheduled.id(), DrawSeed.generate(new SecureRandom()));
        jdbc.sql("UPDATE draw SET seed_sealed = :s WHERE id = :id").param("s", swapped).param("id", scheduled.id())
                .update();
        assertThatThrownBy(() -> draws.run(preparer, scheduled.id(), ""))
                .isInstanceOfSatisfying(ConflictException.class, e -> {
                    assertThat(e.code()).isEqualTo("draw.seed.mismatch");
                    assertThat(e.args()[0].toString()).contains("the revealed seed does not match the commitment");
                });
        assertThat(draws.rounds(preparer, scheduled.id())).isEmpty();
    }

    @Test
    void anInspectorWhoseCommitmentExpiresBeforeTheDrawDateIsFrozenInTheSnapshotButNeverDrawn() {
        LocalDate drawDate = LocalDate.now(clock).plusDays(10);
        Inspector expiring = AgencyFixtures.inspector(accounts, agencies, preparer, agency,
                List.of("TEAM_LEADER", "PENETRATION_TESTING"), drawDate.plusYears(1), LocalDate.now(clock).plusDays(5));
        DrawView draft = prepared(rules("3", ""), drawDate);
        DrawView scheduled = draws.approve(approver, draft.id());
        DrawView drawn = draws.run(preparer, scheduled.id(), "");
        PublishedDraw published = draws.published(preparer, drawn.id());
        assertThat(published.snapshot().inspectors())
                .anySatisfy(i -> {
                    assertThat(i.id()).isEqualTo(Long.toString(expiring.userId()));
                    assertThat(i.commitmentValidUntil()).isEqualTo(LocalDate.now(clock).plusDays(5));
                });
        assertThat(published.result()).isNotEmpty()
                .allSatisfy(a -> assertThat(a.team()).doesNotContain(Long.toString(expiring.userId())));
        assertThat(draws.verify(preparer, drawn.id()).matches()).isTrue();
    }

    @Test
    void theDrawPagesPrepareApproveRunAndVerify() throws Exception {
        DrawRulesVersion rules = rules("2", "");
        mvc.perform(MockMvcRequestBuilders.post("/draws").with(as(preparer))
                        .with(SecurityMockMvcRequestPostProcessors.csrf())
                        .param("title", "").param("rulesId", Long.toString(rules.id())).param("drawDate", "2020-13-01"))
                .andExpect(status().isOk())
                .andExpect(MockMvcResultMatchers.content()
                        .string(Matchers.allOf(Matchers.containsString("id=\"title-error\""),
                                Matchers.containsString("id=\"drawDate-error\""))));
        String location = mvc.perform(MockMvcRequestBuilders.post("/draws")
                        .with(as(preparer))
                        .with(SecurityMockMvcRequestPostProcessors.csrf())
                        .param("title", "页面抽取").param("rulesId", Long.toString(rules.id()))
                        .param("province", PROVINCE.code()).param("operatorType", "VALUE_ADDED_TELECOM")
                        .param("inspectorSkills", "PENETRATION_TESTING", "TEAM_LEADER")
                        .param("drawDate", LocalDate.now(clock).toString()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        mvc.perform(get("/draws/" + id).with(as(preparer))).andExpect(status().isOk());
        mvc.perform(MockMvcRequestBuilders.post("/draws/" + id + "/approve")
                        .with(as(preparer))
                        .with(SecurityMockMvcRequestPostProcessors.csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(MockMvcResultMatchers.flash()
                        .attribute("conflict", messages.getMessage("draw.approve.own", null, Locale.SIMPLIFIED_CHINESE)));
        mvc.perform(MockMvcRequestBuilders.post("/draws/" + id + "/approve")
                        .with(as(approver))
                        .with(SecurityMockMvcRequestPostProcessors.csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(MockMvcRequestBuilders.post("/draws/" + id + "/run")
                        .with(as(preparer)).param("witnessEntropy", "见证人 123")
                        .with(SecurityMockMvcRequestPostProcessors.csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(draws.get(preparer, id).state()).isEqualTo(DrawState.DRAWN);
        mvc.perform(get("/draws/" + id).with(as(preparer))).andExpect(status().isOk());
        mvc.perform(get("/draws/" + id + "/verify").with(as(preparer))).andExpect(status().isOk())
                .andExpect(MockMvcResultMatchers.content()
                        .string(Matchers.containsString("MATCH")));
        mvc.perform(get("/api/v1/draws/" + id + "/verification").with(as(preparer))).andExpect(status().isOk())
                .andExpect(jsonPath("$.verdict").value("MATCH"));
        // written on the request thread (no async dispatch after the commit: PublishedDownload)
        String json = mvc.perform(get("/api/v1/draws/" + id + "/published").with(as(preparer)))
                .andExpect(MockMvcResultMatchers.request().asyncNotStarted()).andExpect(status().isOk())
                .andExpect(MockMvcResultMatchers.header()
                        .string("Content-Disposition", "attachment; filename=\"draw-" + id + ".json\""))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(DrawVerifier.verify(PublishedDraw.fromJson(json)).matches()).isTrue();
        mvc.perform(get("/draws").with(as(preparer))).andExpect(status().isOk());
        mvc.perform(get("/draws/new").with(as(preparer))).andExpect(status().isOk());
        mvc.perform(get("/draw-rules").with(as(preparer))).andExpect(status().isOk());
    }
}
