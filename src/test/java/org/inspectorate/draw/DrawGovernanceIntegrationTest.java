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
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.zip.GZIPOutputStream;

import org.hamcrest.Matchers;
import org.inspectorate.agency.Agencies;
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
import org.inspectorate.filing.NetworkUnit;
import org.inspectorate.filing.NetworkUnitFixtures;
import org.inspectorate.filing.NetworkUnits;
import org.inspectorate.organisation.Actor;
import org.inspectorate.organisation.Organisation;
import org.inspectorate.organisation.OrganisationFixtures;
import org.inspectorate.organisation.OrganisationType;
import org.inspectorate.organisation.Organisations;
import org.inspectorate.organisation.Province;
import org.inspectorate.organisation.Role;
import org.inspectorate.organisation.UserAccounts;
import org.inspectorate.support.DatabaseTest;
import org.inspectorate.system.ConflictException;
import org.inspectorate.system.InvalidInputException;
import org.inspectorate.system.NotFoundException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.result.MockMvcResultMatchers;

@DatabaseTest
class DrawGovernanceIntegrationTest {

    static final Province PROVINCE = Province.GUANGDONG;

    @Autowired
    Draws draws;
    @Autowired
    Clock clock;
    @Autowired
    DrawRuleVersions drawRules;
    @Autowired
    Agencies agencies;
    @Autowired
    Organisations organisations;
    @Autowired
    UserAccounts accounts;
    @Autowired
    NetworkUnits units;
    @Autowired
    SeedSeal seal;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MockMvc mvc;
    @Autowired
    MessageSource messages;

    Actor preparer;
    Actor approver;
    Actor provincial;
    Organisation agency;

    @BeforeEach
    void pools() {
        preparer = officer(OrganisationType.PROVINCIAL_ADMINISTRATION, PROVINCE, Role.PROVINCIAL_OFFICER);
        approver = officer(OrganisationType.PROVINCIAL_ADMINISTRATION, PROVINCE, Role.PROVINCIAL_OFFICER);
        provincial = approver;
        for (int i = 0; i < 3; i++) {
            filedUnit();
        }
        agency = AgencyFixtures.agency(organisations, agencies, preparer, LocalDate.now(clock).plusYears(1));
        LocalDate year = LocalDate.now(clock).plusYears(1);
        AgencyFixtures.inspector(accounts, agencies, preparer, agency, List.of("TEAM_LEADER", "PENETRATION_TESTING"),
                year, year);
        AgencyFixtures.inspector(accounts, agencies, preparer, agency, List.of("TEAM_LEADER", "PENETRATION_TESTING"),
                year, year);
        AgencyFixtures.inspector(accounts, agencies, preparer, agency, List.of("PENETRATION_TESTING"), year, year);
        AgencyFixtures.inspector(accounts, agencies, preparer, agency, List.of("PENETRATION_TESTING", "CODE_REVIEW"),
                year, year);
    }

    private Actor officer(OrganisationType type, Province province, Role role) {
        return OrganisationFixtures.actor(OrganisationFixtures.organisation(organisations, type, province, null), role);
    }

    private NetworkUnit filedUnit() {
        Actor operator = officer(OrganisationType.VALUE_ADDED_TELECOM, PROVINCE, Role.OPERATOR_ADMIN);
        NetworkUnit draft = units.create(operator, NetworkUnitFixtures.unitInput("门户网站", "PORTAL", "3.1",
                List.of(NetworkUnitFixtures.domain("portal.example.cn"))));
        NetworkUnit submitted = units.submit(operator, draft.id(), draft.version());
        return units.accept(provincial == null ? officer(OrganisationType.PROVINCIAL_ADMINISTRATION, PROVINCE,
                Role.PROVINCIAL_OFFICER) : provincial, draft.id(), submitted.version());
    }

    private DrawRulesVersion rules(String sample, String quotas) {
        return drawRules.save(preparer, new RulesInput("test-rules", sample, "2", List.of("PENETRATION_TESTING"),
                "TEAM_LEADER", "5", "3", "0", quotas));
    }

    private DrawView prepared(DrawRulesVersion rules, LocalDate drawDate) {
        return draws.prepare(preparer, new DrawInput("广东省 2026 年抽查", Long.toString(rules.id()), PROVINCE.code(),
                "VALUE_ADDED_TELECOM", "", "", List.of("PENETRATION_TESTING", "TEAM_LEADER"), drawDate.toString()));
    }

    private DrawView scheduled() {
        DrawView draft = prepared(rules("2", "operatorType=VALUE_ADDED_TELECOM; per=province; atLeast=1"), LocalDate.now(clock));
        return draws.approve(approver, draft.id());
    }

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
    void aRedrawNeedsAReasonAndAnotherOfficersApprovalKeepsTheOldRoundAndIsAudited() {
        DrawView scheduled = scheduled();
        draws.run(preparer, scheduled.id(), "");
        draws.publish(preparer, scheduled.id());
        String firstCommitment = draws.get(preparer, scheduled.id()).commitmentDigest();
        DrawRound first = draws.rounds(preparer, scheduled.id()).get(0);
        assertThatThrownBy(() -> draws.redraw(approver, scheduled.id(), "  "))
                .isInstanceOf(InvalidInputException.class);

        DrawView requested = draws.redraw(approver, scheduled.id(), "抽中单位已于上月停业");
        assertThat(requested.state()).isEqualTo(DrawState.REDRAW_REQUESTED);
        assertThat(requested.redrawReason()).isEqualTo("抽中单位已于上月停业");
        assertThat(requested.redrawRequestedBy()).isEqualTo(approver.username());
        assertThat(requested.commitmentDigest()).isEqualTo(firstCommitment);
        assertThat(draws.rounds(preparer, scheduled.id())).singleElement()
                .satisfies(r -> assertThat(r.superseded()).isFalse());
        assertThat(draws.plannedChecks(preparer, scheduled.id())).allSatisfy(c -> assertThat(c.state()).isEqualTo("PLANNED"));
        assertThat(draws.verify(preparer, scheduled.id()).matches()).isTrue();
        assertThatThrownBy(() -> draws.run(preparer, scheduled.id(), "")).isInstanceOf(ConflictException.class);

        assertThatThrownBy(() -> draws.approveRedraw(approver, scheduled.id()))
                .isInstanceOfSatisfying(ConflictException.class,
                        e -> assertThat(e.code()).isEqualTo("draw.redraw.approve.own"));
        assertThat(draws.get(preparer, scheduled.id()).state()).isEqualTo(DrawState.REDRAW_REQUESTED);

        DrawView again = draws.approveRedraw(preparer, scheduled.id());
        assertThat(again.state()).isEqualTo(DrawState.SCHEDULED);
        assertThat(again.commitmentDigest()).isNotEqualTo(firstCommitment);
        assertThat(again.redrawReason()).isNull();
        assertThat(again.publishedAt()).isNull();
        draws.run(preparer, scheduled.id(), "");

        List<DrawRound> rounds = draws.rounds(preparer, scheduled.id());
        assertThat(rounds).hasSize(2);
        assertThat(rounds.get(0).superseded()).isFalse();
        DrawRound old = rounds.get(1);
        assertThat(old.superseded()).isTrue();
        assertThat(old.supersededReason()).isEqualTo("抽中单位已于上月停业");
        assertThat(old.supersededBy()).isEqualTo(approver.username());
        assertThat(old.redrawApprovedBy()).isEqualTo(preparer.username());
        assertThat(old.commitmentDigest()).isEqualTo(firstCommitment);
        assertThat(old.seed()).isEqualTo(first.seed());
        assertThat(old.assignments()).isEqualTo(first.assignments());
        assertThat(old.resultDigest()).isEqualTo(first.resultDigest());
        assertThat(draws.plannedChecks(preparer, scheduled.id()))
                .filteredOn(c -> c.state().equals("CANCELLED")).hasSize(2);
        assertThat(draws.plannedChecks(preparer, scheduled.id()))
                .filteredOn(c -> c.state().equals("PLANNED")).hasSize(2);
        assertThat(draws.verify(preparer, scheduled.id()).matches()).isTrue();

        List<String> audited = jdbc.sql("SELECT action FROM audit_entry WHERE subject = :s ORDER BY seq")
                .param("s", "draw:" + scheduled.id()).query(String.class).list();
        assertThat(audited).containsSubsequence("draw.drawn", "draw.published", "draw.redraw.requested",
                "draw.redraw.approved", "draw.drawn");
    }

    @Test
    void aRedrawRequestAnotherOfficerRefusesLeavesThePublishedResultInForce() throws Exception {
        DrawView scheduled = scheduled();
        draws.run(preparer, scheduled.id(), "");
        draws.publish(preparer, scheduled.id());
        draws.redraw(preparer, scheduled.id(), "复核时发现名单有误");
        assertThatThrownBy(() -> draws.refuseRedraw(preparer, scheduled.id()))
                .isInstanceOfSatisfying(ConflictException.class,
                        e -> assertThat(e.code()).isEqualTo("draw.redraw.approve.own"));
        DrawView back = draws.refuseRedraw(approver, scheduled.id());
        assertThat(back.state()).isEqualTo(DrawState.PUBLISHED);
        assertThat(back.redrawReason()).isNull();
        assertThat(draws.rounds(preparer, scheduled.id())).singleElement()
                .satisfies(r -> assertThat(r.superseded()).isFalse());
        assertThatThrownBy(() -> draws.approveRedraw(approver, scheduled.id()))
                .isInstanceOfSatisfying(ConflictException.class,
                        e -> assertThat(e.code()).isEqualTo("draw.redraw.notRequested"));
    }

    @Test
    void approvingOnesOwnRedrawThroughTheApiAnswersConflictAndThePagesShowTheRequest() throws Exception {
        DrawView scheduled = scheduled();
        draws.run(preparer, scheduled.id(), "");
        mvc.perform(MockMvcRequestBuilders
                        .post("/api/v1/draws/" + scheduled.id() + "/redraw").with(as(approver))
                        .contentType("application/json").content("{\"reason\":\"\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("reason"));
        mvc.perform(MockMvcRequestBuilders
                        .post("/api/v1/draws/" + scheduled.id() + "/redraw").with(as(approver))
                        .contentType("application/json").content("{\"reason\":\"目标单位已注销\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.state").value("REDRAW_REQUESTED"));
        mvc.perform(MockMvcRequestBuilders
                        .post("/api/v1/draws/" + scheduled.id() + "/redraw/approve").with(as(approver)))
                .andExpect(status().isConflict());
        mvc.perform(get("/draws/" + scheduled.id()).with(as(preparer))).andExpect(status().isOk())
                .andExpect(MockMvcResultMatchers.content()
                        .string(Matchers.allOf(Matchers.containsString("id=\"redraw-pending\""),
                                Matchers.containsString("目标单位已注销"),
                                Matchers.containsString("id=\"redraw-approve\""))));
        mvc.perform(get("/draws/" + scheduled.id()).with(as(approver))).andExpect(status().isOk())
                .andExpect(MockMvcResultMatchers.content()
                        .string(Matchers.allOf(Matchers.containsString("id=\"awaiting-second\""),
                                Matchers.not(Matchers.containsString("id=\"redraw-approve\"")),
                                Matchers.not(Matchers.containsString("id=\"redraw-refuse\"")))));
        mvc.perform(MockMvcRequestBuilders
                        .post("/draws/" + scheduled.id() + "/redraw/approve").with(as(preparer))
                        .with(SecurityMockMvcRequestPostProcessors.csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/api/v1/draws/" + scheduled.id()).with(as(preparer)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.state").value("SCHEDULED"));
        mvc.perform(get("/api/v1/draws/" + scheduled.id() + "/rounds").with(as(preparer)))
                .andExpect(status().isOk()).andExpect(jsonPath("$[0].superseded").value(true))
                .andExpect(jsonPath("$[0].supersededReason").value("目标单位已注销"))
                .andExpect(jsonPath("$[0].supersededBy").value(approver.username()))
                .andExpect(jsonPath("$[0].redrawApprovedBy").value(preparer.username()));
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

    private RequestPostProcessor as(Actor actor) {
        return SecurityMockMvcRequestPostProcessors
                .authentication(OrganisationFixtures.authentication(actor));
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
