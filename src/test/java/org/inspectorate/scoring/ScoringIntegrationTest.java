package org.inspectorate.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import org.inspectorate.organisation.Actor;
import org.inspectorate.organisation.Organisation;
import org.inspectorate.organisation.OrganisationFixtures;
import org.inspectorate.organisation.OrganisationType;
import org.inspectorate.organisation.Organisations;
import org.inspectorate.organisation.Province;
import org.inspectorate.organisation.Role;
import org.inspectorate.scoring.Rankings.RankingQuery;
import org.inspectorate.system.ConflictException;
import org.inspectorate.system.InvalidInputException;
import org.inspectorate.system.NotFoundException;
import org.inspectorate.system.PageRequest;
import org.inspectorate.support.DatabaseTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Score sheets end to end on a real database: the team, the leader, the authority, refusals, rankings, standards. */
@DatabaseTest
@Import(TestScoringSubjects.Configuration.class)
class ScoringIntegrationTest {

    private static final long LEADER = 910_001;
    private static final long MEMBER = 910_002;
    private static final long OUTSIDER = 910_003;

    @Autowired
    ScoreSheets sheets;
    @Autowired
    Rankings rankings;
    @Autowired
    ScoringStandards standards;
    @Autowired
    TestScoringSubjects subjects;
    @Autowired
    Organisations organisations;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MockMvc mvc;

    Organisation operator;
    Actor leader;
    Actor member;
    Actor outsider;
    Actor officer;
    Actor otherOfficer;
    Actor ministry;
    Actor operatorAdmin;
    int year;

    @BeforeEach
    void setUp() {
        operator = OrganisationFixtures.organisation(organisations, OrganisationType.VALUE_ADDED_TELECOM, Province.GANSU,
                null);
        Organisation agency = OrganisationFixtures.organisation(organisations, OrganisationType.TESTING_AGENCY, null,
                null);
        leader = inspector(agency, LEADER);
        member = inspector(agency, MEMBER);
        outsider = inspector(agency, OUTSIDER);
        officer = OrganisationFixtures.actor(OrganisationFixtures.organisation(organisations,
                OrganisationType.PROVINCIAL_ADMINISTRATION, Province.GANSU, null), Role.PROVINCIAL_OFFICER);
        otherOfficer = OrganisationFixtures.actor(OrganisationFixtures.organisation(organisations,
                OrganisationType.PROVINCIAL_ADMINISTRATION, Province.NINGXIA, null), Role.PROVINCIAL_OFFICER);
        ministry = OrganisationFixtures.actor(OrganisationFixtures.organisation(organisations,
                OrganisationType.MINISTRY_BUREAU, null, null), Role.MINISTRY_OFFICER);
        operatorAdmin = OrganisationFixtures.actor(operator, Role.OPERATOR_ADMIN);
        // a year of this run's own, so that earlier runs' approved sheets on a kept database do not join the ranking
        year = 2030 + (int) (operator.id() % 60);
    }

    private static Actor inspector(Organisation agency, long userId) {
        return new Actor(userId, "inspector" + userId, agency.id(), OrganisationType.TESTING_AGENCY, null,
                Set.of(Role.INSPECTOR));
    }

    /** A spot check of {@code org} run by the Gansu administration, numbered after the operator so runs never clash. */
    private long check(Organisation org, int n) {
        long id = org.id() * 100 + n;
        subjects.put(new ScoringSubject(id, org.id(), org.name(), org.type(), org.province(), Province.GANSU, year,
                LEADER, Set.of(MEMBER), n == 9));
        return id;
    }

    private static ScoreCalculator.Mark full() {
        return new ScoreCalculator.Mark(0, null, null, false, "", List.of());
    }

    /** Marks every item of the value-added example at full points, and C1 (weak passwords) with {@code weak} found. */
    private ScoreSheetView scoreAll(long sheetId, int weak) {
        ScoreSheetView view = null;
        for (ScoringStandard.Item item : sheets.get(member, sheetId).standard().items()) {
            ScoreCalculator.Mark mark = switch (item.kind()) {
                case DEDUCTION -> item.code().equals("C1")
                        ? new ScoreCalculator.Mark(weak, null, null, false, weak == 0 ? "" : "发现弱口令", List.of(11L))
                        : full();
                case FRACTION -> new ScoreCalculator.Mark(null, java.math.BigDecimal.ONE, null, false, "", List.of());
                case VETO -> new ScoreCalculator.Mark(null, null, null, false, "", List.of());
            };
            view = sheets.mark(member, sheetId, item.code(), mark);
        }
        return view;
    }

    private MockHttpServletRequestBuilder as(Actor actor, MockHttpServletRequestBuilder request) {
        return request.with(authentication(OrganisationFixtures.authentication(actor))).param("lang", "en");
    }

    private long audited(String action, long sheetId) {
        return jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE action = :a AND subject LIKE :s")
                .param("a", action).param("s", "score-sheet:" + sheetId + "/%").query(Long.class).single();
    }

    @Test
    void theTeamScoresTheLeaderSubmitsTheAuthorityApprovesAndTheRankingShowsTheOperator() {
        ScoreSheetView opened = sheets.open(member, check(operator, 1));
        assertThat(opened.state()).isEqualTo(ScoreSheetState.DRAFT);
        assertThat(opened.standardCode()).isEqualTo("VALUE_ADDED_TELECOM");
        assertThat(opened.standard().example()).isTrue();

        ScoreSheetView scored = scoreAll(opened.id(), 2);
        // 100 − 3 × 2 (two weak passwords, 3 off each) = 94
        assertThat(scored.score().total()).isEqualByComparingTo("94");
        assertThat(scored.marks().get("C1").mark().findingIds()).containsExactly(11L);
        assertThatThrownBy(() -> sheets.submit(member, opened.id())).isInstanceOf(AccessDeniedException.class);
        assertThat(sheets.submit(leader, opened.id()).state()).isEqualTo(ScoreSheetState.SUBMITTED);
        assertThatThrownBy(() -> sheets.approve(leader, opened.id())).isInstanceOf(AccessDeniedException.class);
        ScoreSheetView approved = sheets.approve(officer, opened.id());
        assertThat(approved.state()).isEqualTo(ScoreSheetState.APPROVED);
        assertThat(approved.acts()).extracting(ScoreSheetView.ActRecord::act).containsExactly("SUBMIT", "APPROVE");

        var ranking = rankings.ranking(officer, new RankingQuery(year, OrganisationType.VALUE_ADDED_TELECOM, null),
                PageRequest.first(50));
        assertThat(ranking.items()).extracting(RankingRow::sheetId).contains(opened.id());
        // the operator sees its approved sheet; the audit trail has every act
        assertThat(sheets.get(operatorAdmin, opened.id()).score().total()).isEqualByComparingTo("94");
        assertThat(audited("scoring.sheet.opened", opened.id())).isEqualTo(1);
        assertThat(audited("scoring.sheet.item.scored", opened.id())).isEqualTo(10);
        assertThat(audited("scoring.sheet.submitted", opened.id())).isEqualTo(1);
        assertThat(audited("scoring.sheet.approved", opened.id())).isEqualTo(1);
    }

    @Test
    void equalTotalsShareARankAndTheNextRankCountsThem() {
        Organisation second = OrganisationFixtures.organisation(organisations, OrganisationType.VALUE_ADDED_TELECOM,
                Province.GANSU, null);
        Organisation third = OrganisationFixtures.organisation(organisations, OrganisationType.VALUE_ADDED_TELECOM,
                Province.GANSU, null);
        long a = approve(operator, 0);
        long b = approve(second, 1);
        long c = approve(third, 0);
        var ranking = rankings.ranking(ministry, new RankingQuery(year, OrganisationType.VALUE_ADDED_TELECOM,
                Province.GANSU), new PageRequest(0, 2, "total", false, null));
        var next = rankings.ranking(ministry, new RankingQuery(year, OrganisationType.VALUE_ADDED_TELECOM,
                Province.GANSU), new PageRequest(1, 2, "total", false, ranking.next()));
        List<RankingRow> rows = new java.util.ArrayList<>(ranking.items());
        rows.addAll(next.items());
        RankingRow ra = rows.stream().filter(r -> r.sheetId() == a).findFirst().orElseThrow();
        RankingRow rb = rows.stream().filter(r -> r.sheetId() == b).findFirst().orElseThrow();
        RankingRow rc = rows.stream().filter(r -> r.sheetId() == c).findFirst().orElseThrow();
        assertThat(ra.rank()).isEqualTo(rc.rank());
        assertThat(rb.rank()).isEqualTo(ra.rank() + 2);
        assertThat(rows).extracting(RankingRow::sheetId).containsExactly(c, a, b);
        // a provincial officer of another province ranks only theirs
        assertThat(rankings.ranking(otherOfficer, new RankingQuery(year, OrganisationType.VALUE_ADDED_TELECOM,
                Province.GANSU), PageRequest.first(50)).items()).isEmpty();
        assertThatThrownBy(() -> rankings.ranking(leader, new RankingQuery(year, OrganisationType.VALUE_ADDED_TELECOM,
                null), PageRequest.first(50))).isInstanceOf(NotFoundException.class);
    }

    private long approve(Organisation org, int weak) {
        long sheet = sheets.open(leader, check(org, 1)).id();
        scoreAll(sheet, weak);
        sheets.submit(leader, sheet);
        sheets.approve(officer, sheet);
        return sheet;
    }

    @Test
    void aScoreAboveThePointsOrBelowTheFloorOrADeductionWithoutAReasonIsRefusedFieldByFieldAndNothingIsSaved()
            throws Exception {
        long sheet = sheets.open(leader, check(operator, 2)).id();
        String path = "/api/v1/score-sheets/" + sheet + "/items/";
        mvc.perform(as(member, put(path + "C1")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"score\": 16, \"reason\": \"x\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("score"))
                .andExpect(jsonPath("$.errors[0].message").value("The score cannot be above the item's 15 points."));
        mvc.perform(as(member, put(path + "C1")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"score\": -1, \"reason\": \"x\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value("The score cannot be below the item's floor of 0."));
        mvc.perform(as(member, put(path + "C1")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"occurrences\": 2}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("reason"));
        assertThat(sheets.get(leader, sheet).marks()).isEmpty();
        assertThat(audited("scoring.sheet.item.scored", sheet)).isZero();
    }

    @Test
    void anIncompleteSheetIsNotSubmittedAndAnApprovedOneIsNotEditedUntilReopenedWithAReason() throws Exception {
        long sheet = sheets.open(leader, check(operator, 3)).id();
        sheets.mark(member, sheet, "A1", new ScoreCalculator.Mark(null, java.math.BigDecimal.ONE, null, false, "",
                List.of()));
        mvc.perform(as(leader, post("/api/v1/score-sheets/" + sheet + "/submit")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("items"))
                .andExpect(jsonPath("$.errors[0].message", containsString("9 items are not scored yet")));
        scoreAll(sheet, 0);
        sheets.submit(leader, sheet);
        assertThatThrownBy(() -> sheets.returnWith(officer, sheet, " ")).isInstanceOf(InvalidInputException.class);
        sheets.returnWith(officer, sheet, "C1 须附证据");
        assertThat(sheets.get(leader, sheet).state()).isEqualTo(ScoreSheetState.RETURNED);
        sheets.submit(leader, sheet);
        sheets.approve(officer, sheet);

        mvc.perform(as(member, put("/api/v1/score-sheets/" + sheet + "/items/C1"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"occurrences\": 1, \"reason\": \"复核\"}"))
                .andExpect(status().isConflict());
        assertThat(sheets.get(leader, sheet).score().total()).isEqualByComparingTo("100");
        assertThatThrownBy(() -> sheets.reopen(officer, sheet, "")).isInstanceOf(InvalidInputException.class);
        mvc.perform(as(officer, post("/api/v1/score-sheets/" + sheet + "/reopen"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\": \"复核发现漏扣弱口令\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("REOPENED"))
                .andExpect(jsonPath("$.acts[*].act", hasItem("REOPEN")));
        assertThat(sheets.mark(member, sheet, "C1", new ScoreCalculator.Mark(1, null, null, false, "复核", List.of()))
                .score().total()).isEqualByComparingTo("97");
        assertThat(audited("scoring.sheet.reopened", sheet)).isEqualTo(1);
        assertThat(audited("scoring.sheet.returned", sheet)).isEqualTo(1);
    }

    @Test
    void onlyTheTeamAndTheAuthorityReachASheetAndAnUnknownSpotCheckIsNotFound() throws Exception {
        long sheet = sheets.open(leader, check(operator, 4)).id();
        for (Actor stranger : List.of(outsider, otherOfficer, operatorAdmin)) {
            mvc.perform(as(stranger, get("/api/v1/score-sheets/" + sheet))).andExpect(status().isNotFound());
            mvc.perform(as(stranger, get("/score-sheets/" + sheet))).andExpect(status().isNotFound());
        }
        mvc.perform(as(ministry, get("/api/v1/score-sheets/" + sheet))).andExpect(status().isOk());
        mvc.perform(as(officer, put("/api/v1/score-sheets/" + sheet + "/items/A1"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"fraction\": 1}"))
                .andExpect(status().isForbidden());
        mvc.perform(as(leader, post("/api/v1/score-sheets")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"spotCheckId\": " + (operator.id() * 100 + 77) + "}")).andExpect(status().isNotFound());
        mvc.perform(as(outsider, post("/api/v1/score-sheets")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"spotCheckId\": " + check(operator, 5) + "}")).andExpect(status().isNotFound());
        assertThatThrownBy(() -> sheets.open(member, operator.id() * 100 + 4)).isInstanceOf(ConflictException.class);
        // the spot check gone (or the inspector taken off it): the team's acts answer 404
        subjects.remove(operator.id() * 100 + 4);
        assertThatThrownBy(() -> sheets.mark(member, sheet, "A1", full())).isInstanceOf(NotFoundException.class);
    }

    @Test
    void theSheetPageShowsTheItemsAndAnInvalidMarkBesideItsField() throws Exception {
        long sheet = sheets.open(leader, check(operator, 6)).id();
        mvc.perform(as(member, get("/score-sheets/" + sheet))).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"item-C1\"")))
                .andExpect(content().string(containsString("id=\"mark-C1\"")))
                .andExpect(content().string(containsString("Example")));
        var flash = mvc.perform(as(member, post("/score-sheets/" + sheet + "/items/C1")).with(csrf())
                        .param("score", "20").param("reason", "x"))
                .andExpect(status().is3xxRedirection()).andReturn().getFlashMap();
        assertThat(flash.get("markItem")).isEqualTo("C1");
        assertThat(flash.get("markErrors").toString()).contains("above the item's 15 points");
        mvc.perform(as(officer, get("/rankings")).param("year", "x2").param("operatorType", "MINISTRY_BUREAU"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Enter a valid year.")))
                .andExpect(content().string(containsString("Choose an operator type.")));
    }

    @Test
    void theMinistryReplacesAStandardWithAValidatedDocumentAndOpenSheetsKeepTheirVersion() throws Exception {
        long sheet = sheets.open(leader, check(operator, 7)).id();
        int before = sheets.get(leader, sheet).standardVersion();
        String example = new String(new ClassPathResource("scoring/examples/value-added-telecom.json")
                .getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        mvc.perform(as(officer, post("/api/v1/scoring-standards")).contentType(MediaType.APPLICATION_JSON)
                .content(example)).andExpect(status().isForbidden());
        mvc.perform(as(ministry, post("/api/v1/scoring-standards")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"code\": \"VALUE_ADDED_TELECOM\", \"categories\": []}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("document")))
                .andExpect(jsonPath("$.errors[*].message", hasItem("title: required.")));
        mvc.perform(as(ministry, post("/api/v1/scoring-standards")).contentType(MediaType.APPLICATION_JSON)
                        .content(example.replace("\"code\": \"VALUE_ADDED_TELECOM\"", "\"code\": \"OTHER\"")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message", containsString("VALUE_ADDED_TELECOM")));
        StoredStandard imported = standards.importDocument(ministry, example);
        assertThat(imported.version()).isGreaterThan(before);
        assertThat(imported.current()).isTrue();
        assertThat(sheets.get(leader, sheet).standardVersion()).isEqualTo(before);
        assertThat(standards.versions(ministry, imported.id())).extracting(StoredStandard::version)
                .contains(before, imported.version());
    }

    @Test
    void theAssessmentExportIsAnXlsxOfTheYearsApprovedScores() throws Exception {
        approve(operator, 1);
        byte[] file = mvc.perform(as(ministry, get("/api/v1/rankings/assessment.xlsx"))
                        .param("year", Integer.toString(year)).param("operatorId", Long.toString(operator.id())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(file))) {
            var sheet = book.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Operator");
            assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo(operator.name());
            assertThat(sheet.getRow(1).getCell(6).getNumericCellValue()).isEqualTo(97.0);
            assertThat(sheet.getLastRowNum()).isEqualTo(1);
        }
        mvc.perform(as(leader, get("/api/v1/rankings/assessment.xlsx")).param("year", Integer.toString(year)))
                .andExpect(status().isNotFound());
    }
}
