package org.inspectorate.draw;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.hamcrest.Matchers;
import org.inspectorate.agency.Agencies;
import org.inspectorate.agency.AgencyFixtures;
import org.inspectorate.agency.EligibleInspector;
import org.inspectorate.agency.Inspector;
import org.inspectorate.draw.algorithm.DoubleRandomDraw;
import org.inspectorate.draw.algorithm.DrawInfeasibleException;
import org.inspectorate.draw.algorithm.DrawRules;
import org.inspectorate.draw.algorithm.DrawSeed;
import org.inspectorate.draw.algorithm.DrawVerifier;
import org.inspectorate.draw.algorithm.EarlierRound;
import org.inspectorate.draw.algorithm.PoolSnapshot;
import org.inspectorate.draw.algorithm.PublishedDraw;
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
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Issue 14 item 12: a run whose seed and witness entropy make the draw infeasible is a round of its own — seed
 * revealed, witness entropy and "infeasible at target N" in the audit trail, on the rounds and in the published file —
 * and nobody can try again unseen: a new attempt needs a reason and another officer's approval, as a re-draw does.
 */
@DatabaseTest
class DrawInfeasibleRoundIntegrationTest {

    static final Province PROVINCE = Province.INNER_MONGOLIA;

    @Autowired
    Draws draws;
    @Autowired
    DrawRepository repository;
    @Autowired
    DrawRulesRepository rulesRepository;
    @Autowired
    SeedSeal seal;
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
    JdbcClient jdbc;
    @Autowired
    MockMvc mvc;

    private Actor officer(OrganisationType type) {
        return OrganisationFixtures.actor(OrganisationFixtures.organisation(organisations, type, PROVINCE, null),
                type == OrganisationType.PROVINCIAL_ADMINISTRATION ? Role.PROVINCIAL_OFFICER : Role.OPERATOR_ADMIN);
    }

    private NetworkUnit filedUnit(Actor operator, Actor reviewer) {
        NetworkUnit draft = units.create(operator, NetworkUnitFixtures.unitInput("门户网站", "PORTAL", "3.1",
                List.of(NetworkUnitFixtures.domain("portal.example.cn"))));
        NetworkUnit submitted = units.submit(operator, draft.id(), draft.version());
        return units.accept(reviewer, draft.id(), submitted.version());
    }

    /** Two agencies of two leaders each; only the first may inspect operator A (every other one evaluated it). */
    private long poolWhereAgencyUseDecides(Actor preparer, Actor approver) {
        LocalDate year = LocalDate.now(clock).plusYears(1);
        Actor operatorA = officer(OrganisationType.VALUE_ADDED_TELECOM);
        filedUnit(operatorA, approver);
        filedUnit(officer(OrganisationType.VALUE_ADDED_TELECOM), approver);
        filedUnit(officer(OrganisationType.VALUE_ADDED_TELECOM), approver);
        Organisation first = AgencyFixtures.agency(organisations, agencies, preparer, year);
        Organisation second = AgencyFixtures.agency(organisations, agencies, preparer, year);
        for (Organisation agency : List.of(first, first, second, second)) {
            Inspector i = AgencyFixtures.inspector(accounts, agencies, preparer, agency,
                    List.of("TEAM_LEADER", "MANAGEMENT_REVIEW"), year, year);
            assertThat(i.userId()).isPositive();
        }
        agencies.eligiblePool(LocalDate.now(clock)).stream().map(EligibleInspector::agencyId).distinct()
                .filter(a -> a != first.id())
                .forEach(a -> agencies.addRelation(preparer, a, Long.toString(operatorA.organisationId()), "EVALUATED",
                        LocalDate.now(clock).minusMonths(1).toString()));
        DrawRulesVersion rules = drawRules.save(preparer, new RulesInput("infeasible-round", "2", "2",
                List.of("MANAGEMENT_REVIEW"), "TEAM_LEADER", "1", "3", "0", ""));
        DrawView draft = draws.prepare(preparer, new DrawInput("内蒙古抽查", Long.toString(rules.id()), PROVINCE.code(),
                "VALUE_ADDED_TELECOM", "", "", List.of("MANAGEMENT_REVIEW"), LocalDate.now(clock).toString()));
        return draws.approve(approver, draft.id()).id();
    }

    /** The first witness text of the sequence for which the committed seed gives the wanted outcome. */
    private String witnessFor(Actor officer, long drawId, boolean infeasible) {
        PoolSnapshot snapshot = repository.snapshot(drawId);
        DrawView d = draws.get(officer, drawId);
        DrawRules rules = rulesRepository.rules(d.rulesId()).orElseThrow().rules();
        DrawSeed seed = seal.open(drawId, jdbc.sql("SELECT seed_sealed FROM draw WHERE id = :id").param("id", drawId)
                .query(String.class).single());
        for (int i = 0; i < 5000; i++) {
            String witness = "见证人: " + i;
            boolean failed;
            try {
                DoubleRandomDraw.select(snapshot, rules, d.drawDate(), seed, List.of(witness));
                failed = false;
            } catch (DrawInfeasibleException e) {
                failed = true;
            }
            if (failed == infeasible) {
                return witness;
            }
        }
        throw new AssertionError("no witness text gives " + (infeasible ? "an infeasible" : "a feasible") + " run");
    }

    @Test
    void anInfeasibleRunIsARecordedRoundAndOnlyAnApprovedNewAttemptMayFollowAndThePublishedFileShowsIt()
            throws Exception {
        Actor preparer = officer(OrganisationType.PROVINCIAL_ADMINISTRATION);
        Actor approver = officer(OrganisationType.PROVINCIAL_ADMINISTRATION);
        long id = poolWhereAgencyUseDecides(preparer, approver);
        String commitment = draws.get(preparer, id).commitmentDigest();
        String bad = witnessFor(preparer, id, true);

        assertThatThrownBy(() -> draws.run(preparer, id, bad)).isInstanceOfSatisfying(ConflictException.class, e -> {
            assertThat(e.code()).isEqualTo("draw.infeasible.round");
            assertThat((Integer) e.args()[0]).isPositive();
        });
        // The refusal committed the attempt: a round, its seed revealed, nothing drawn, the seed spent.
        assertThat(draws.get(preparer, id).state()).isEqualTo(DrawState.INFEASIBLE);
        DrawRound attempt = draws.rounds(preparer, id).get(0);
        assertThat(attempt.infeasible()).isTrue();
        assertThat(attempt.infeasibleAt()).isPositive();
        assertThat(attempt.witnessEntropy()).containsExactly(bad);
        assertThat(attempt.seed().sha256Hex()).isEqualTo(attempt.commitment().seedHash());
        assertThat(attempt.commitmentDigest()).isEqualTo(commitment);
        assertThat(attempt.shortfalls()).contains("team for target");
        assertThat(attempt.assignments()).isEmpty();
        assertThat(draws.plannedChecks(preparer, id)).isEmpty();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM draw WHERE id = :id AND seed_sealed IS NULL").param("id", id)
                .query(Integer.class).single()).isOne();
        String audited = jdbc.sql("SELECT detail FROM audit_entry WHERE subject = :s AND action = 'draw.infeasible'")
                .param("s", "draw:" + id).query(String.class).single();
        assertThat(audited).contains("seed=" + attempt.seed().hex()).contains(bad)
                .contains("infeasibleAt=" + attempt.infeasibleAt());

        // The page shows the attempt with its seed and where it failed, and offers a new attempt.
        mvc.perform(get("/draws/" + id).with(authentication(OrganisationFixtures.authentication(preparer))))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("id=\"infeasible-1\"")))
                .andExpect(content().string(Matchers.containsString(attempt.seed().hex())))
                .andExpect(content().string(Matchers.containsString("id=\"retry\"")));

        // No second run under the spent seed, with other witness text or any.
        assertThatThrownBy(() -> draws.run(preparer, id, "另一段见证文字"))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.code()).isEqualTo("draw.notScheduled"));
        // A new attempt: a reason, and another officer than the one who asked.
        assertThatThrownBy(() -> draws.redraw(preparer, id, " ")).isInstanceOf(InvalidInputException.class);
        assertThat(draws.redraw(preparer, id, "两家机构额度用尽，按规定再次抽取").state()).isEqualTo(DrawState.RETRY_REQUESTED);
        assertThatThrownBy(() -> draws.approveRedraw(preparer, id)).isInstanceOfSatisfying(ConflictException.class,
                e -> assertThat(e.code()).isEqualTo("draw.redraw.approve.own"));
        DrawView again = draws.approveRedraw(approver, id);
        assertThat(again.state()).isEqualTo(DrawState.SCHEDULED);
        assertThat(again.commitmentDigest()).isNotEqualTo(commitment);

        assertThat(draws.run(preparer, id, witnessFor(preparer, id, false)).state()).isEqualTo(DrawState.DRAWN);
        List<DrawRound> rounds = draws.rounds(preparer, id);
        assertThat(rounds).hasSize(2);
        DrawRound spent = rounds.get(1);
        assertThat(spent.supersededReason()).isEqualTo("两家机构额度用尽，按规定再次抽取");
        assertThat(spent.supersededBy()).isEqualTo(preparer.username());
        assertThat(spent.redrawApprovedBy()).isEqualTo(approver.username());

        PublishedDraw file = draws.published(preparer, id);
        assertThat(file.earlierRounds()).singleElement().satisfies(e -> {
            assertThat(e.round()).isEqualTo(1);
            assertThat(e.outcome()).isEqualTo(EarlierRound.Outcome.INFEASIBLE);
            assertThat(e.infeasibleAt()).isEqualTo(attempt.infeasibleAt());
            assertThat(e.seed()).isEqualTo(attempt.seed());
            assertThat(e.witnessEntropy()).containsExactly(bad);
        });
        assertThat(DrawVerifier.verify(file).matches()).isTrue();
        assertThat(cli(file.toJson())).startsWith("MATCH");
        EarlierRound claimed = file.earlierRounds().get(0);
        PublishedDraw otherTarget = new PublishedDraw(file.snapshot(), file.rules(), file.commitment(), file.seed(),
                file.witnessEntropy(), file.result(), List.of(EarlierRound.infeasible(1, claimed.commitment(),
                        claimed.seed(), claimed.witnessEntropy(), claimed.infeasibleAt() + 1)));
        assertThat(DrawVerifier.verify(otherTarget).reasons()).singleElement().asString()
                .startsWith("earlier round 1: claimed infeasible at target " + (claimed.infeasibleAt() + 1));
        assertThat(cli(otherTarget.toJson())).startsWith("MISMATCH");

        List<String> actions = jdbc.sql("SELECT action FROM audit_entry WHERE subject = :s ORDER BY seq")
                .param("s", "draw:" + id).query(String.class).list();
        assertThat(actions).containsSubsequence("draw.scheduled", "draw.infeasible", "draw.redraw.requested",
                "draw.redraw.approved", "draw.drawn");
    }

    private static String cli(String json) throws Exception {
        Path file = Files.createTempFile("draw", ".json");
        Files.writeString(file, json, StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        VerifyDrawCli.run(new String[] {file.toString()}, new PrintStream(out, true, StandardCharsets.UTF_8));
        Files.delete(file);
        return out.toString(StandardCharsets.UTF_8);
    }
}
