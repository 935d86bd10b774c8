package org.inspectorate.draw;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.inspectorate.agency.Agencies;
import org.inspectorate.agency.AgencyFixtures;
import org.inspectorate.filing.NetworkUnit;
import org.inspectorate.filing.NetworkUnitFixtures;
import org.inspectorate.filing.NetworkUnits;
import org.inspectorate.organisation.Actor;
import org.inspectorate.organisation.OrganisationFixtures;
import org.inspectorate.organisation.OrganisationType;
import org.inspectorate.organisation.Organisations;
import org.inspectorate.organisation.Province;
import org.inspectorate.organisation.Role;
import org.inspectorate.organisation.UserAccounts;
import org.inspectorate.support.DatabaseTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Everyone entitled to verify a published draw sees its commitment with the time it was announced and downloads its
 * published file (issue 14 item 13): the drawn targets' operators and the drawn teams' inspectors included, each only
 * for a draw they are in, read-only, and nothing before publication (404).
 */
@DatabaseTest
class DrawTargetAccessIntegrationTest {

    static final Province PROVINCE = Province.NINGXIA;
    static final String CATEGORY = "RIDE_HAILING";

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
    MockMvc mvc;

    Actor officer;
    Actor colleague;
    Actor target;
    Actor bystander;
    List<Long> targetUnits = new ArrayList<>();

    @BeforeEach
    void pool() {
        officer = actor(OrganisationType.PROVINCIAL_ADMINISTRATION, Role.PROVINCIAL_OFFICER);
        colleague = actor(OrganisationType.PROVINCIAL_ADMINISTRATION, Role.PROVINCIAL_OFFICER);
        target = actor(OrganisationType.VALUE_ADDED_TELECOM, Role.OPERATOR_ADMIN);
        bystander = actor(OrganisationType.VALUE_ADDED_TELECOM, Role.OPERATOR_ADMIN);
        for (int i = 0; i < 2; i++) {
            targetUnits.add(filedUnit(target).id());
        }
        LocalDate year = LocalDate.now(clock).plusYears(1);
        var agency = AgencyFixtures.agency(organisations, agencies, officer, year);
        for (int i = 0; i < 4; i++) {
            AgencyFixtures.inspector(accounts, agencies, officer, agency, List.of("TEAM_LEADER", "CODE_REVIEW"),
                    year, year);
        }
    }

    private Actor actor(OrganisationType type, Role role) {
        return OrganisationFixtures.actor(OrganisationFixtures.organisation(organisations, type, PROVINCE, null), role);
    }

    private NetworkUnit filedUnit(Actor owner) {
        NetworkUnit draft = units.create(owner, NetworkUnitFixtures.unitInput("网约车平台", CATEGORY, "3.1",
                List.of(NetworkUnitFixtures.domain("ride.example.cn"))));
        NetworkUnit submitted = units.submit(owner, draft.id(), draft.version());
        return units.accept(officer, draft.id(), submitted.version());
    }

    /** A draw of every ride-hailing platform of the province's value-added enterprises, run but not yet published. */
    private DrawView drawnWholePool() {
        long size = units.filedUnitsUnscoped().stream()
                .filter(u -> u.operatorType().equals("VALUE_ADDED_TELECOM") && u.category().name().equals(CATEGORY))
                .filter(u -> PROVINCE.code().equals(u.provinceCode())).count();
        DrawRulesVersion rules = drawRules.save(officer, new RulesInput("target-access", Long.toString(size), "2",
                List.of("CODE_REVIEW"), "TEAM_LEADER", "100000", "3", "0", ""));
        DrawView draft = draws.prepare(officer, new DrawInput("全部网约车平台", Long.toString(rules.id()), "",
                "VALUE_ADDED_TELECOM", CATEGORY, "", List.of(), LocalDate.now(clock).toString()));
        draws.approve(colleague, draft.id());
        return draws.run(officer, draft.id(), "");
    }

    private static RequestPostProcessor as(Actor actor) {
        return authentication(OrganisationFixtures.authentication(actor));
    }

    /** What a reader entitled to verify asks for: the page, its download, verification and the API's reads. */
    private static List<MockHttpServletRequestBuilder> reads(long id) {
        return List.of(get("/draws/" + id), get("/draws/" + id + "/published"), get("/draws/" + id + "/verify"),
                get("/api/v1/draws/" + id), get("/api/v1/draws/" + id + "/rounds"),
                get("/api/v1/draws/" + id + "/published"), get("/api/v1/draws/" + id + "/verification"));
    }

    private void everyReadIs(Actor actor, long id, int status) throws Exception {
        for (MockHttpServletRequestBuilder request : reads(id)) {
            mvc.perform(request.with(as(actor))).andExpect(status().is(status));
        }
    }

    @Test
    void aDrawnTargetsOperatorSeesTheCommitmentAndDownloadsTheFileOnceThePublishedDrawNamesItsUnit() throws Exception {
        DrawView drawn = drawnWholePool();
        everyReadIs(target, drawn.id(), 404);
        DrawView done = draws.publish(colleague, drawn.id());
        everyReadIs(target, done.id(), 200);

        String page = mvc.perform(get("/draws/" + done.id()).with(as(target))).andReturn().getResponse()
                .getContentAsString();
        assertThat(page).contains(done.commitmentDigest()).containsPattern("id=\"commitment-at\">\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}<")
                .contains("id=\"download\"").contains("id=\"reach-1\"")
                .doesNotContain("id=\"publish\"").doesNotContain("id=\"redraw\"");
        mvc.perform(get("/api/v1/draws/" + done.id() + "/rounds").with(as(target)))
                .andExpect(jsonPath("$[0].reach").value("TARGET"))
                .andExpect(jsonPath("$[0].commitmentDigest").value(done.commitmentDigest()));
        assertThat(draws.plannedChecks(target, done.id())).extracting(PlannedSpotCheck::targetUnitId)
                .containsExactlyInAnyOrderElementsOf(targetUnits);
        mvc.perform(get("/api/v1/draws/" + done.id() + "/published").with(as(target)))
                .andExpect(jsonPath("$.result.length()").value(draws.plannedChecks(officer, done.id()).size()));
        mvc.perform(get("/api/v1/draws/" + done.id() + "/verification").with(as(target)))
                .andExpect(jsonPath("$.verdict").value("MATCH"));
    }

    @Test
    void aTargetChangesNothingAndAnOperatorNotDrawnGetsNotFound() throws Exception {
        DrawView done = draws.publish(colleague, drawnWholePool().id());
        for (MockHttpServletRequestBuilder change : List.of(post("/api/v1/draws/" + done.id() + "/publish"),
                post("/api/v1/draws/" + done.id() + "/redraw").contentType("application/json")
                        .content("{\"reason\":\"x\"}"),
                post("/draws/" + done.id() + "/redraw").param("reason", "x").with(csrf()))) {
            mvc.perform(change.with(as(target))).andExpect(status().isNotFound());
        }
        everyReadIs(bystander, done.id(), 404);
        mvc.perform(get("/api/v1/draws").param("size", "100").with(as(bystander))).andExpect(status().isOk())
                .andExpect(jsonPath("$.items[?(@.id == " + done.id() + ")]").isEmpty());
        mvc.perform(get("/api/v1/draws").param("size", "100").with(as(target))).andExpect(status().isOk())
                .andExpect(jsonPath("$.items[?(@.id == " + done.id() + ")]").isNotEmpty());
    }

    @Test
    void aDrawnInspectorSeesTheCommitmentWithItsTimeAndDownloadsTheFileOnlyAfterPublication() throws Exception {
        DrawView drawn = drawnWholePool();
        long leader = draws.plannedChecks(officer, drawn.id()).get(0).leaderUserId();
        Actor inspector = new Actor(leader, "insp-" + leader, 0, OrganisationType.TESTING_AGENCY, null,
                Set.of(Role.INSPECTOR));
        everyReadIs(inspector, drawn.id(), 404);
        DrawView done = draws.publish(colleague, drawn.id());
        everyReadIs(inspector, done.id(), 200);
        assertThat(mvc.perform(get("/draws/" + done.id()).with(as(inspector))).andReturn().getResponse()
                .getContentAsString()).contains(done.commitmentDigest()).contains("id=\"commitment-at\"");
    }
}
