package org.inspectorate.draw;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.hamcrest.Matchers;
import org.inspectorate.agency.Agencies;
import org.inspectorate.agency.AgencyFixtures;
import org.inspectorate.draw.algorithm.PublishedDraw;
import org.inspectorate.draw.algorithm.TeamAssignment;
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
import org.inspectorate.system.InvalidInputException;
import org.inspectorate.system.NotFoundException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.result.MockMvcResultMatchers;

/**
 * Who sees and changes a draw, on every endpoint: the Ministry everything, a provincial officer its own province's
 * draws (and published ones whose targets it reviews), an inspector the published draws of its own team, operators
 * (the targets) nothing before publication (what they see after: {@link DrawTargetAccessIntegrationTest}); anything
 * else answers 404.
 */
@DatabaseTest
class DrawJurisdictionIntegrationTest {

    static final Province PROVINCE = Province.SICHUAN;
    static final Province OTHER = Province.YUNNAN;

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
    @Autowired
    JdbcClient jdbc;

    Actor sichuan;
    Actor sichuanColleague;
    Actor yunnan;
    Actor ministry;
    Actor ministryColleague;
    Actor operator;
    List<Long> sichuanUnits = new ArrayList<>();
    long yunnanUnit;

    @BeforeEach
    void pools() {
        sichuan = officer(OrganisationType.PROVINCIAL_ADMINISTRATION, PROVINCE, Role.PROVINCIAL_OFFICER);
        sichuanColleague = officer(OrganisationType.PROVINCIAL_ADMINISTRATION, PROVINCE, Role.PROVINCIAL_OFFICER);
        yunnan = officer(OrganisationType.PROVINCIAL_ADMINISTRATION, OTHER, Role.PROVINCIAL_OFFICER);
        ministry = officer(OrganisationType.MINISTRY_BUREAU, null, Role.MINISTRY_OFFICER);
        ministryColleague = officer(OrganisationType.MINISTRY_BUREAU, null, Role.MINISTRY_OFFICER);
        operator = officer(OrganisationType.VALUE_ADDED_TELECOM, PROVINCE, Role.OPERATOR_ADMIN);
        for (int i = 0; i < 2; i++) {
            sichuanUnits.add(filedUnit(operator, sichuan).id());
        }
        yunnanUnit = filedUnit(officer(OrganisationType.VALUE_ADDED_TELECOM, OTHER, Role.OPERATOR_ADMIN), yunnan).id();
        var agency = AgencyFixtures.agency(organisations, agencies, ministry, LocalDate.now(clock).plusYears(1));
        LocalDate year = LocalDate.now(clock).plusYears(1);
        for (int i = 0; i < 4; i++) {
            AgencyFixtures.inspector(accounts, agencies, ministry, agency,
                    List.of("TEAM_LEADER", "PENETRATION_TESTING"), year, year);
        }
    }

    private Actor officer(OrganisationType type, Province province, Role role) {
        return OrganisationFixtures.actor(OrganisationFixtures.organisation(organisations, type, province, null), role);
    }

    private NetworkUnit filedUnit(Actor owner, Actor reviewer) {
        return filedUnit(owner, reviewer, "PUBLIC_WLAN");
    }

    private NetworkUnit filedUnit(Actor owner, Actor reviewer, String category) {
        NetworkUnit draft = units.create(owner, NetworkUnitFixtures.unitInput("公共无线局域网", category, "3.1",
                List.of(NetworkUnitFixtures.domain("portal.example.cn"))));
        NetworkUnit submitted = units.submit(owner, draft.id(), draft.version());
        return units.accept(reviewer, draft.id(), submitted.version());
    }

    private DrawRulesVersion rules(Actor by, long sample) {
        String owner = by.has(Role.MINISTRY_OFFICER) ? "national" : by.province().code();
        return drawRules.save(by, new RulesInput("scope-rules-" + owner, Long.toString(sample), "2",
                List.of("PENETRATION_TESTING"), "TEAM_LEADER", "100000", "3", "0", ""));
    }

    /** A draft over this class's units (public WLANs of value-added enterprises) drawing one target. */
    private DrawView prepared(Actor by, String province) {
        return draws.prepare(by, new DrawInput("抽查", Long.toString(rules(by, 1).id()), province,
                "VALUE_ADDED_TELECOM", "PUBLIC_WLAN", "", List.of(), LocalDate.now(clock).toString()));
    }

    /** A draft drawing every unit of its pool, so that the test knows which targets are drawn. */
    private DrawView wholePool(Actor by, String province) {
        long size = units.filedUnitsUnscoped().stream()
                .filter(u -> u.operatorType().equals("VALUE_ADDED_TELECOM") && u.category().name().equals("PUBLIC_WLAN"))
                .filter(u -> province.isEmpty() || province.equals(u.provinceCode())).count();
        return draws.prepare(by, new DrawInput("全部", Long.toString(rules(by, size).id()), province,
                "VALUE_ADDED_TELECOM", "PUBLIC_WLAN", "", List.of(), LocalDate.now(clock).toString()));
    }

    private static RequestPostProcessor as(Actor actor) {
        return authentication(OrganisationFixtures.authentication(actor));
    }

    /** Every draw endpoint of pages and API, reading and changing. */
    private List<MockHttpServletRequestBuilder> endpoints(long id) {
        String body = "{\"title\":\"x\",\"rulesId\":\"1\",\"drawDate\":\"" + LocalDate.now(clock) + "\"}";
        return List.of(get("/draws/" + id), get("/draws/" + id + "/verify"), get("/api/v1/draws/" + id),
                get("/api/v1/draws/" + id + "/rounds"), get("/api/v1/draws/" + id + "/planned-checks"),
                get("/api/v1/draws/" + id + "/verification"), get("/api/v1/draws/" + id + "/published"),
                put("/api/v1/draws/" + id).param("version", "0").contentType("application/json").content(body),
                post("/api/v1/draws/" + id + "/approve"),
                post("/api/v1/draws/" + id + "/run").contentType("application/json").content("{}"),
                post("/api/v1/draws/" + id + "/publish"),
                post("/api/v1/draws/" + id + "/redraw").contentType("application/json").content("{\"reason\":\"x\"}"),
                post("/api/v1/draws/" + id + "/redraw/approve"), post("/api/v1/draws/" + id + "/redraw/refuse"),
                post("/draws/" + id + "/approve").with(csrf()), post("/draws/" + id + "/run").with(csrf()),
                post("/draws/" + id + "/publish").with(csrf()),
                post("/draws/" + id + "/redraw").param("reason", "x").with(csrf()),
                post("/draws/" + id + "/redraw/approve").with(csrf()),
                post("/draws/" + id + "/redraw/refuse").with(csrf()));
    }

    private void everyEndpointIsNotFound(Actor actor, long id) throws Exception {
        for (MockHttpServletRequestBuilder request : endpoints(id)) {
            mvc.perform(request.with(as(actor))).andExpect(status().isNotFound());
        }
    }

    private DrawView published(Actor by, Actor second, String province) {
        DrawView draft = prepared(by, province);
        draws.approve(second, draft.id());
        draws.run(by, draft.id(), "");
        return draws.publish(second, draft.id());
    }

    @Test
    void anotherProvincesOfficerGetsNotFoundOnEveryEndpointInEveryState() throws Exception {
        DrawView draft = prepared(sichuan, "");
        everyEndpointIsNotFound(yunnan, draft.id());
        DrawView done = published(sichuan, sichuanColleague, "");
        everyEndpointIsNotFound(yunnan, done.id());
        mvc.perform(get("/api/v1/draws").param("size", "100").with(as(yunnan))).andExpect(status().isOk())
                .andExpect(jsonPath("$.items[?(@.id == " + done.id() + ")]").isEmpty());
        mvc.perform(get("/api/v1/draws/" + done.id() + "/published").with(as(sichuan))).andExpect(status().isOk());
        mvc.perform(get("/draws/" + done.id()).with(as(sichuan))).andExpect(status().isOk());
    }

    @Test
    void aProvincialOfficerDrawsTargetsOfItsOwnProvinceOnly() {
        assertThatThrownBy(() -> prepared(sichuan, OTHER.code()))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.problems()).anySatisfy(p -> assertThat(p.field()).isEqualTo("province")));
        DrawView draft = prepared(sichuan, "");
        assertThat(draft.provinceCode()).isEqualTo(PROVINCE.code());
        assertThat(draft.filterProvince()).isEqualTo(PROVINCE.code());
        draws.approve(sichuanColleague, draft.id());
        draws.run(sichuan, draft.id(), "");
        PublishedDraw file = draws.published(sichuan, draft.id());
        assertThat(file.snapshot().targets()).isNotEmpty()
                .allSatisfy(t -> assertThat(t.province()).isEqualTo(PROVINCE.code()))
                .noneSatisfy(t -> assertThat(t.id()).isEqualTo(Long.toString(yunnanUnit)));
    }

    @Test
    void aProvinceDrawsUnderItsOwnAndTheNationalRulesOnlyAndCannotVersionAnotherAuthoritysRules() throws Exception {
        DrawRulesVersion own = rules(sichuan, 1);
        DrawRulesVersion national = rules(ministry, 1);
        DrawRulesVersion foreign = rules(yunnan, 1);
        assertThat(drawRules.list(sichuan)).extracting(DrawRulesVersion::id).contains(own.id(), national.id())
                .doesNotContain(foreign.id());
        assertThat(drawRules.list(ministry)).extracting(DrawRulesVersion::id).contains(own.id(), national.id(), foreign.id());
        mvc.perform(get("/api/v1/draw-rules").with(as(sichuan))).andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.id == " + foreign.id() + ")]").isEmpty());
        assertThatThrownBy(() -> draws.prepare(sichuan, new DrawInput("抽查", Long.toString(foreign.id()), "", "", "",
                "", List.of(), LocalDate.now(clock).toString())))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .anySatisfy(p -> assertThat(p.code()).isEqualTo("draw.rules.unknown")));
        assertThat(draws.prepare(sichuan, new DrawInput("按全国细则", Long.toString(national.id()), "", "", "", "",
                List.of(), LocalDate.now(clock).toString())).rulesId()).isEqualTo(national.id());
        assertThatThrownBy(() -> drawRules.save(sichuan, new RulesInput(foreign.rules().name(), "1", "2",
                List.of("PENETRATION_TESTING"), "TEAM_LEADER", "5", "3", "0", "")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .anySatisfy(p -> assertThat(p.code()).isEqualTo("draw.rules.name.otherAuthority")));
        assertThatThrownBy(() -> drawRules.save(sichuan, new RulesInput(national.rules().name(), "1", "2",
                List.of("PENETRATION_TESTING"), "TEAM_LEADER", "5", "3", "0", "")))
                .isInstanceOf(InvalidInputException.class);
        assertThat(drawRules.save(ministry, new RulesInput(own.rules().name(), "1", "2", List.of("PENETRATION_TESTING"),
                "TEAM_LEADER", "5", "3", "0", "")).id()).isIn(drawRules.list(sichuan).stream()
                .map(DrawRulesVersion::id).toList());
    }

    @Test
    void theMinistrySeesAndChangesEveryProvincesDraws() throws Exception {
        DrawView draft = prepared(sichuan, "");
        mvc.perform(get("/api/v1/draws/" + draft.id()).with(as(ministry))).andExpect(status().isOk());
        mvc.perform(get("/api/v1/draws").param("size", "100").param("state", "DRAFT").with(as(ministry)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[?(@.id == " + draft.id() + ")]").isNotEmpty());
        assertThat(draws.approve(ministry, draft.id()).state()).isEqualTo(DrawState.SCHEDULED);
    }

    @Test
    void aPublishedMinistryDrawIsSeenByTheTargetsReviewingProvinceButNotChangedNorSeenByOthers() throws Exception {
        DrawView draft = prepared(ministry, PROVINCE.code());
        assertThat(draft.provinceCode()).isEqualTo(PROVINCE.code());
        DrawView national = wholePool(ministry, "");
        assertThat(national.provinceCode()).isNull();
        draws.approve(ministryColleague, national.id());
        assertThatThrownBy(() -> draws.get(sichuan, national.id())).isInstanceOf(NotFoundException.class);
        draws.run(ministry, national.id(), "");
        assertThatThrownBy(() -> draws.get(sichuan, national.id())).isInstanceOf(NotFoundException.class);
        draws.publish(ministryColleague, national.id());

        List<PlannedSpotCheck> checks = draws.plannedChecks(ministry, national.id());
        assertThat(checks).extracting(PlannedSpotCheck::targetUnitId).containsAll(sichuanUnits).contains(yunnanUnit);
        mvc.perform(get("/api/v1/draws/" + national.id()).with(as(sichuan))).andExpect(status().isOk());
        mvc.perform(get("/api/v1/draws/" + national.id() + "/planned-checks").with(as(sichuan)))
                .andExpect(status().isOk());
        mvc.perform(get("/draws/" + national.id()).with(as(sichuan))).andExpect(status().isOk())
                .andExpect(MockMvcResultMatchers.content()
                        .string(Matchers.not(Matchers.containsString("id=\"redraw\""))));
        mvc.perform(post("/api/v1/draws/" + national.id() + "/redraw").with(as(sichuan))
                        .contentType("application/json").content("{\"reason\":\"x\"}"))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/draws/" + national.id()).with(as(yunnan))).andExpect(status().isOk());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE subject = :s AND action = 'draw.result.viewed'")
                .param("s", "draw:" + national.id()).query(Long.class).single()).as("the page's view of the result")
                .isPositive();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE subject = :s AND action = 'draw.checks.viewed'")
                .param("s", "draw:" + national.id()).query(Long.class).single()).isPositive();

        Actor guizhou = officer(OrganisationType.PROVINCIAL_ADMINISTRATION, Province.GUIZHOU, Role.PROVINCIAL_OFFICER);
        boolean guizhouTargets = checks.stream().anyMatch(c -> units.reviewingProvinces(List.of(c.targetUnitId()))
                .containsValue(Province.GUIZHOU.code()));
        if (!guizhouTargets) {
            mvc.perform(get("/api/v1/draws/" + national.id()).with(as(guizhou))).andExpect(status().isNotFound());
        }
    }

    @Test
    void operatorsSeeNothingOfADrawBeforeItIsPublishedNorOfOneThatDrawsNoneOfTheirUnits() throws Exception {
        DrawView all = wholePool(sichuan, PROVINCE.code());
        draws.approve(sichuanColleague, all.id());
        draws.run(sichuan, all.id(), "");
        assertThat(draws.plannedChecks(sichuan, all.id())).extracting(PlannedSpotCheck::targetUnitId)
                .containsAll(sichuanUnits);
        everyEndpointIsNotFound(operator, all.id());
        draws.publish(sichuanColleague, all.id());
        Actor notDrawn = officer(OrganisationType.VALUE_ADDED_TELECOM, PROVINCE, Role.OPERATOR_ADMIN);
        everyEndpointIsNotFound(notDrawn, all.id());
        mvc.perform(get("/api/v1/draws").with(as(notDrawn))).andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(0));
        mvc.perform(get("/api/v1/planned-checks/mine").with(as(operator))).andExpect(status().isNotFound());
    }

    @Test
    void anInspectorSeesOnlyPublishedDrawsOfItsOwnTeamAndItsAssignmentsOnThePage() throws Exception {
        DrawView draft = prepared(sichuan, "");
        draws.approve(sichuanColleague, draft.id());
        draws.run(sichuan, draft.id(), "");
        TeamAssignment assignment = draws.rounds(sichuan, draft.id()).get(0).assignments().get(0);
        Actor member = inspector(Long.parseLong(assignment.leaderId()));
        everyEndpointIsNotFound(member, draft.id());
        draws.publish(sichuanColleague, draft.id());
        mvc.perform(get("/api/v1/draws/" + draft.id()).with(as(member))).andExpect(status().isOk());
        mvc.perform(get("/api/v1/planned-checks/mine").with(as(member))).andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.drawId == " + draft.id() + ")]").isNotEmpty());
        mvc.perform(get("/draws").with(as(member))).andExpect(status().isOk())
                .andExpect(MockMvcResultMatchers.content()
                        .string(Matchers.allOf(Matchers.containsString("id=\"my-checks\""),
                                Matchers.containsString("href=\"/draws/" + draft.id() + "\""))));
        mvc.perform(post("/api/v1/draws/" + draft.id() + "/redraw").with(as(member))
                        .contentType("application/json").content("{\"reason\":\"x\"}"))
                .andExpect(status().isNotFound());
        Actor stranger = inspector(-42);
        everyEndpointIsNotFound(stranger, draft.id());
    }

    /**
     * A published Ministry draw of every value-added enterprise's IoT platform in the country (this class adds two in
     * Sichuan and one in Yunnan each time), at most one target per agency, so that no two teams share an inspector.
     */
    private DrawView publishedNationalDraw() {
        for (int i = 0; i < 2; i++) {
            filedUnit(operator, sichuan, "IOT_PLATFORM");
        }
        filedUnit(officer(OrganisationType.VALUE_ADDED_TELECOM, OTHER, Role.OPERATOR_ADMIN), yunnan, "IOT_PLATFORM");
        LocalDate year = LocalDate.now(clock).plusYears(1);
        for (int i = 0; i < 3; i++) {
            var agency = AgencyFixtures.agency(organisations, agencies, ministry, year);
            for (int j = 0; j < 2; j++) {
                AgencyFixtures.inspector(accounts, agencies, ministry, agency, List.of("TEAM_LEADER", "MANAGEMENT_REVIEW"),
                        year, year);
            }
        }
        long size = units.filedUnitsUnscoped().stream()
                .filter(u -> u.operatorType().equals("VALUE_ADDED_TELECOM") && u.category().name().equals("IOT_PLATFORM"))
                .count();
        DrawRulesVersion rules = drawRules.save(ministry, new RulesInput("scope-reach-national", Long.toString(size), "2",
                List.of("MANAGEMENT_REVIEW"), "TEAM_LEADER", "1", "3", "0", ""));
        DrawView draft = draws.prepare(ministry, new DrawInput("全国物联网平台抽查", Long.toString(rules.id()), "",
                "VALUE_ADDED_TELECOM", "IOT_PLATFORM", "", List.of("MANAGEMENT_REVIEW"), LocalDate.now(clock).toString()));
        draws.approve(ministryColleague, draft.id());
        draws.run(ministry, draft.id(), "");
        return draws.publish(ministryColleague, draft.id());
    }

    /** The targets of the checks whose filings the province's administration reviews, in draw order. */
    private List<Long> reviewedBy(Province province, List<PlannedSpotCheck> checks) {
        var authority = units.reviewingProvinces(checks.stream().map(PlannedSpotCheck::targetUnitId).toList());
        return checks.stream().map(PlannedSpotCheck::targetUnitId)
                .filter(u -> province.code().equals(authority.get(u))).toList();
    }

    private static List<String> targets(DrawRound round) {
        return round.assignments().stream().map(TeamAssignment::targetId).toList();
    }

    private static List<String> ids(List<Long> ids) {
        return ids.stream().map(String::valueOf).toList();
    }

    /** The target cell of the detail page: "operator #unit". */
    private static String targetCell(long unitId) {
        return "#" + unitId + "</td>";
    }

    @Test
    void aProvincialOfficerSeesOnlyTheTargetsItReviewsOfANationalDrawInEveryRoundWhileVerificationCoversAll()
            throws Exception {
        DrawView national = publishedNationalDraw();
        long id = national.id();
        List<PlannedSpotCheck> all = draws.plannedChecks(ministry, id);
        List<Long> ours = reviewedBy(PROVINCE, all);
        List<Long> theirs = reviewedBy(OTHER, all);
        assertThat(ours).hasSizeGreaterThanOrEqualTo(2);
        assertThat(theirs).isNotEmpty();

        assertThat(DrawAccess.reach(sichuan, national)).isEqualTo(ResultReach.AUTHORITY);
        assertThat(draws.plannedChecks(sichuan, id)).extracting(PlannedSpotCheck::targetUnitId)
                .containsExactlyElementsOf(ours);
        assertThat(draws.plannedChecks(yunnan, id)).extracting(PlannedSpotCheck::targetUnitId)
                .containsExactlyElementsOf(theirs);
        DrawRound round = draws.rounds(sichuan, id).get(0);
        assertThat(targets(round)).containsExactlyElementsOf(ids(ours));
        assertThat(round.drawnTargets()).isEqualTo(all.size());
        assertThat(draws.names(sichuan, id).targets()).containsKeys(ours.toArray(Long[]::new))
                .doesNotContainKeys(theirs.toArray(Long[]::new));
        assertThat(DrawAccess.reach(ministry, national)).isEqualTo(ResultReach.WHOLE);
        assertThat(draws.rounds(ministry, id).get(0).assignments()).hasSize(all.size());

        String page = mvc.perform(get("/draws/" + id).with(as(sichuan))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        assertThat(page).contains("id=\"reach-1\"").contains(ours.stream().map(u -> targetCell(u)).toList());
        theirs.forEach(u -> assertThat(page).doesNotContain(targetCell(u)));
        assertThat(mvc.perform(get("/draws/" + id).with(as(ministry))).andReturn().getResponse()
                .getContentAsString()).doesNotContain("id=\"reach-1\"").contains(targetCell(theirs.get(0)));

        assertThat(draws.verify(sichuan, id).matches()).as("verification recomputes the whole round").isTrue();
        assertThat(draws.published(sichuan, id).result()).as("the published file is the whole round")
                .hasSize(all.size());

        draws.redraw(ministry, id, "检查组成员回避");
        draws.approveRedraw(ministryColleague, id);
        draws.run(ministry, id, "");
        draws.publish(ministryColleague, id);
        List<PlannedSpotCheck> again = draws.plannedChecks(ministry, id);
        List<DrawRound> rounds = draws.rounds(sichuan, id);
        assertThat(rounds).hasSize(2);
        assertThat(rounds.get(1).superseded()).isTrue();
        assertThat(targets(rounds.get(1))).as("the superseded round, ours only").containsExactlyElementsOf(ids(ours));
        assertThat(targets(rounds.get(0))).containsExactlyInAnyOrderElementsOf(ids(reviewedBy(PROVINCE,
                again.stream().filter(c -> c.state().equals("PLANNED")).toList())));
        assertThat(draws.plannedChecks(sichuan, id)).extracting(PlannedSpotCheck::targetUnitId)
                .hasSize(2 * ours.size()).doesNotContainAnyElementsOf(theirs);
    }

    @Test
    void theApiListsOnlyTheRowsOfANationalDrawUnderTheCallersAuthority() throws Exception {
        DrawView national = publishedNationalDraw();
        long id = national.id();
        List<PlannedSpotCheck> all = draws.plannedChecks(ministry, id);
        List<Long> ours = reviewedBy(PROVINCE, all);
        long foreign = reviewedBy(OTHER, all).get(0);
        mvc.perform(get("/api/v1/draws/" + id + "/planned-checks").with(as(sichuan))).andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(ours.size()))
                .andExpect(jsonPath("$[?(@.targetUnitId == " + foreign + ")]").isEmpty())
                .andExpect(jsonPath("$[?(@.targetUnitId == " + ours.get(0) + ")]").isNotEmpty());
        mvc.perform(get("/api/v1/draws/" + id + "/rounds").with(as(sichuan))).andExpect(status().isOk())
                .andExpect(jsonPath("$[0].reach").value("AUTHORITY"))
                .andExpect(jsonPath("$[0].drawnTargets").value(all.size()))
                .andExpect(jsonPath("$[0].assignments.length()").value(ours.size()))
                .andExpect(jsonPath("$[0].assignments[?(@.targetId == '" + foreign + "')]").isEmpty());
        mvc.perform(get("/api/v1/draws/" + id + "/rounds").with(as(ministry))).andExpect(status().isOk())
                .andExpect(jsonPath("$[0].reach").value("WHOLE"))
                .andExpect(jsonPath("$[0].assignments.length()").value(all.size()));
        mvc.perform(get("/api/v1/draws/" + id + "/published").with(as(sichuan)))
                .andExpect(MockMvcResultMatchers.request().asyncNotStarted()).andExpect(status().isOk()).andExpect(jsonPath("$.result.length()").value(all.size()));
        mvc.perform(get("/api/v1/draws/" + id + "/verification").with(as(sichuan))).andExpect(status().isOk())
                .andExpect(jsonPath("$.verdict").value("MATCH"));
    }

    @Test
    void aProvincialOfficerWithNoTargetInAPublishedNationalDrawGetsNotFound() throws Exception {
        DrawView national = publishedNationalDraw();
        var authorities = units.reviewingProvinces(draws.plannedChecks(ministry, national.id()).stream()
                .map(PlannedSpotCheck::targetUnitId).toList()).values();
        Province elsewhere = Arrays.stream(Province.values()).filter(p -> !authorities.contains(p.code()))
                .findFirst().orElseThrow();
        Actor outsider = officer(OrganisationType.PROVINCIAL_ADMINISTRATION, elsewhere, Role.PROVINCIAL_OFFICER);
        everyEndpointIsNotFound(outsider, national.id());
        mvc.perform(get("/api/v1/draws").param("size", "100").with(as(outsider))).andExpect(status().isOk())
                .andExpect(jsonPath("$.items[?(@.id == " + national.id() + ")]").isEmpty());
    }

    @Test
    void anInspectorSeesOnlyTheirOwnTeamsCheckOfANationalDraw() throws Exception {
        DrawView national = publishedNationalDraw();
        long id = national.id();
        List<PlannedSpotCheck> all = draws.plannedChecks(ministry, id);
        assertThat(all).hasSizeGreaterThanOrEqualTo(3);
        PlannedSpotCheck own = all.get(1);
        Actor member = inspector(own.memberUserIds().get(0));

        assertThat(DrawAccess.reach(member, national)).isEqualTo(ResultReach.TEAM);
        assertThat(draws.plannedChecks(member, id)).extracting(PlannedSpotCheck::id).containsExactly(own.id());
        DrawRound round = draws.rounds(member, id).get(0);
        assertThat(targets(round)).containsExactly(Long.toString(own.targetUnitId()));
        assertThat(round.drawnTargets()).isEqualTo(all.size());
        DrawResultNames names = draws.names(member, id);
        assertThat(names.targets()).containsOnlyKeys(own.targetUnitId());
        assertThat(names.inspectors()).containsOnlyKeys(Stream.concat(
                Stream.of(own.leaderUserId()), own.memberUserIds().stream()).toList());

        mvc.perform(get("/api/v1/draws/" + id + "/planned-checks").with(as(member))).andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(1)).andExpect(jsonPath("$[0].id").value(own.id()));
        mvc.perform(get("/api/v1/draws/" + id + "/rounds").with(as(member))).andExpect(status().isOk())
                .andExpect(jsonPath("$[0].reach").value("TEAM"))
                .andExpect(jsonPath("$[0].assignments.length()").value(1));
        String page = mvc.perform(get("/draws/" + id).with(as(member))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        assertThat(page).contains("id=\"reach-1\"").contains(targetCell(own.targetUnitId()));
        all.stream().filter(c -> c.id() != own.id())
                .forEach(c -> assertThat(page).doesNotContain(targetCell(c.targetUnitId())));
    }

    private Actor inspector(long userId) {
        return new Actor(userId, "insp-" + userId, 0, OrganisationType.TESTING_AGENCY, null,
                Set.of(Role.INSPECTOR));
    }
}
