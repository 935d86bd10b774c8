package org.inspectorate.filing.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.inspectorate.filing.NetworkUnit;
import org.inspectorate.filing.NetworkUnitFixtures;
import org.inspectorate.filing.NetworkUnitSummary;
import org.inspectorate.filing.NetworkUnits;
import org.inspectorate.filing.UnitQuery;
import org.inspectorate.organisation.Actor;
import org.inspectorate.organisation.Organisation;
import org.inspectorate.organisation.OrganisationFixtures;
import org.inspectorate.organisation.OrganisationType;
import org.inspectorate.organisation.Organisations;
import org.inspectorate.organisation.Province;
import org.inspectorate.organisation.Role;
import org.inspectorate.support.BulkRows;
import org.inspectorate.support.CsvRows;
import org.inspectorate.support.DatabaseTest;
import org.inspectorate.system.PageRequest;
import org.inspectorate.system.PageResult;
import org.inspectorate.system.Total;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;

/** The unit list and the review queue at scale: cursors under inserts, bounded totals, exports and their reach. */
@DatabaseTest
class UnitListsIntegrationTest {

    private static final Province HOME = Province.TIBET;
    private static final Province OTHER = Province.HAINAN;

    @Autowired
    MockMvc mvc;
    @Autowired
    Organisations organisations;
    @Autowired
    NetworkUnits units;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    NamedParameterJdbcTemplate named;
    @Autowired
    Clock clock;

    private Actor actor(OrganisationType type, Province province, Role role) {
        return OrganisationFixtures.actor(OrganisationFixtures.organisation(organisations, type, province, null), role);
    }

    private ResultActions call(Actor actor, AbstractMockHttpServletRequestBuilder<?> request) throws Exception {
        return mvc.perform(request.with(authentication(OrganisationFixtures.authentication(actor))));
    }

    /** Units named {@code prefix-i} of the operator, the first {@code submitted} of them submitted. */
    private void unitsOf(Actor operator, String prefix, int count, int submitted) {
        for (int i = 0; i < count; i++) {
            NetworkUnit u = units.create(operator, NetworkUnitFixtures.unitInput(prefix + "-" + i));
            if (i < submitted) {
                units.submit(operator, u.id(), u.version());
            }
        }
    }

    private List<String> csvNames(Actor actor, String path, String q) throws Exception {
        return CsvRows.firstColumn(call(actor, get(path).param("q", q)).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsByteArray());
    }

    private int xlsxRows(Actor actor, String path, String q) throws Exception {
        byte[] body = call(actor, get(path).param("q", q)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsByteArray();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(body))) {
            return wb.getSheetAt(0).getLastRowNum(); // rows after the header
        }
    }

    @Test
    void unitListPagesByCursorStayStableWhenUnitsAreAddedBetweenPages() {
        String token = BulkRows.token();
        Actor operator = actor(OrganisationType.INTERNET_ENTERPRISE, HOME, Role.OPERATOR_ADMIN);
        unitsOf(operator, token, 5, 0);
        UnitQuery query = new UnitQuery(null, null, null, token);
        PageResult<NetworkUnitSummary> page = units.list(operator, query, new PageRequest(0, 2, "name", true));
        assertThat(page.items()).extracting(NetworkUnitSummary::name).containsExactly(token + "-0", token + "-1");

        unitsOf(operator, token + "-0a", 1, 0); // sorts before the cursor: not on a later page
        unitsOf(operator, token + "-9", 1, 0); // sorts after it: on a later page
        List<String> rest = new ArrayList<>();
        while (page.next() != null) {
            page = units.list(operator, query, new PageRequest(page.page() + 1, 2, "name", true, page.next()));
            page.items().forEach(u -> rest.add(u.name()));
        }
        assertThat(rest).containsExactly(token + "-2", token + "-3", token + "-4", token + "-9-0");
    }

    @Test
    void theReviewQueuePagesByItsCursorOldestSubmissionFirstWithoutRepeatingARow() {
        String token = BulkRows.token();
        Actor operator = actor(OrganisationType.INTERNET_ENTERPRISE, HOME, Role.OPERATOR_ADMIN);
        Actor officer = actor(OrganisationType.PROVINCIAL_ADMINISTRATION, HOME, Role.PROVINCIAL_OFFICER);
        unitsOf(operator, token, 5, 5);
        UnitQuery query = new UnitQuery(null, null, null, token);
        PageResult<NetworkUnitSummary> page = units.reviewQueue(officer, query, new PageRequest(0, 2, null, true));
        List<String> seen = new ArrayList<>(page.items().stream().map(NetworkUnitSummary::name).toList());
        unitsOf(operator, token + "-late", 1, 1); // submitted last: at the end of the queue
        while (page.next() != null) {
            page = units.reviewQueue(officer, query, new PageRequest(page.page() + 1, 2, null, true, page.next()));
            page.items().forEach(u -> seen.add(u.name()));
        }
        assertThat(seen).doesNotHaveDuplicates().hasSize(6).endsWith(token + "-late-0");
    }

    @Test
    void exportsHoldWhatTheListHoldsAndOnlyTheActorsJurisdiction() throws Exception {
        String token = BulkRows.token();
        Actor operator = actor(OrganisationType.INTERNET_ENTERPRISE, HOME, Role.OPERATOR_ADMIN);
        Actor otherOperator = actor(OrganisationType.INTERNET_ENTERPRISE, OTHER, Role.OPERATOR_ADMIN);
        Actor officer = actor(OrganisationType.PROVINCIAL_ADMINISTRATION, HOME, Role.PROVINCIAL_OFFICER);
        Actor otherOfficer = actor(OrganisationType.PROVINCIAL_ADMINISTRATION, OTHER, Role.PROVINCIAL_OFFICER);
        unitsOf(operator, token + "-home", 5, 3);
        unitsOf(otherOperator, token + "-other", 3, 2);

        List<String> own = csvNames(operator, "/network-units/export.csv", token);
        assertThat(own).hasSize((int) units.list(operator, new UnitQuery(null, null, null, token),
                PageRequest.first(20)).total()).hasSize(5).allMatch(n -> n.startsWith(token + "-home"));
        assertThat(xlsxRows(operator, "/network-units/export.xlsx", token)).isEqualTo(5);

        List<String> queue = csvNames(officer, "/filings/review-queue.csv", token);
        assertThat(queue).hasSize((int) units.reviewQueue(officer, new UnitQuery(null, null, null, token),
                PageRequest.first(20)).total()).hasSize(3).allMatch(n -> n.startsWith(token + "-home"));
        assertThat(csvNames(otherOfficer, "/filings/review-queue.csv", token)).hasSize(2)
                .allMatch(n -> n.startsWith(token + "-other"));
        assertThat(xlsxRows(officer, "/filings/review-queue.xlsx", token)).isEqualTo(3);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE action = 'filing.exported' AND actor = :a")
                .param("a", officer.username()).query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void moreThanTenThousandUnitsShowAsTenThousandPlusAndAllOfThemAreExported() throws Exception {
        String token = BulkRows.token();
        Organisation org = OrganisationFixtures.organisation(organisations, OrganisationType.INTERNET_ENTERPRISE,
                HOME, null);
        Actor operator = OrganisationFixtures.actor(org, Role.OPERATOR_ADMIN);
        Timestamp now = Timestamp.from(clock.instant());
        BulkRows.insert(named, """
                INSERT INTO network_unit (organisation_id, authority_province_code, name, category, responsible_person,
                    responsible_contact, grade_level, grading_reasoning, grading_reviewed_on, lifecycle_stage,
                    filing_state, filing_kind, current_version_no, created_at, updated_at)
                VALUES (:org, :province, :name, 'PORTAL', 'p', 'c', 'LEVEL_2', 'r', :on, 'FORMAL_OPERATION', 'DRAFT',
                    'INITIAL', 1, :at, :at)""", Total.CAP + 1, i -> Map.of("org", org.id(),
                "province", HOME.code(), "name", token + "-" + i, "on", java.sql.Date.valueOf("2026-01-01"),
                "at", now));

        String zh = call(operator, get("/network-units").param("lang", "zh-CN")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(zh).contains("10,000 条以上");
        String en = call(operator, get("/network-units").param("lang", "en")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(en).contains("More than 10,000");

        assertThat(csvNames(operator, "/network-units/export.csv", token)).hasSize(Total.CAP + 1)
                .doesNotHaveDuplicates();
    }
}
