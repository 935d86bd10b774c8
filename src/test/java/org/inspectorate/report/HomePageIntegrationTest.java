package org.inspectorate.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.inspectorate.filing.NetworkUnitFixtures;
import org.inspectorate.filing.NetworkUnits;
import org.inspectorate.finding.FindingQueries;
import org.inspectorate.finding.FindingTallyFixture;
import org.inspectorate.finding.FindingQuery;
import org.inspectorate.finding.FindingSource;
import org.inspectorate.finding.Findings;
import org.inspectorate.finding.NewFinding;
import org.inspectorate.finding.Severity;
import org.inspectorate.organisation.Actor;
import org.inspectorate.organisation.Organisation;
import org.inspectorate.organisation.OrganisationFixtures;
import org.inspectorate.organisation.OrganisationType;
import org.inspectorate.organisation.Organisations;
import org.inspectorate.organisation.Province;
import org.inspectorate.organisation.Role;
import org.inspectorate.support.DatabaseTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

@DatabaseTest
class HomePageIntegrationTest {

    private static final Pattern TILE = Pattern.compile("id=\"tile-([a-z-]+)\"[^>]*href=\"([^\"]*)\".*?home-count[^>]*>(\\d+)<",
            Pattern.DOTALL);

    @Autowired
    MockMvc mvc;
    @Autowired
    Organisations organisations;
    @Autowired
    NetworkUnits units;
    @Autowired
    Findings findings;
    @Autowired
    FindingQueries findingQueries;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Clock clock;
    @Autowired
    ApplicationContext context;

    private String home(Actor actor) throws Exception {
        return mvc.perform(get("/").with(authentication(OrganisationFixtures.authentication(actor))).param("lang", "en"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    /** Tile id → "link count". */
    private static Map<String, String> tiles(String html) {
        Map<String, String> tiles = new LinkedHashMap<>();
        Matcher m = TILE.matcher(html);
        while (m.find()) {
            tiles.put(m.group(1), m.group(2).replace("&amp;", "&") + " " + m.group(3));
        }
        return tiles;
    }

    @Test
    void anOperatorSeesItsUnresolvedAndOverdueFindingsAndTheFilingsWaitingOnIt() throws Exception {
        Organisation org = OrganisationFixtures.organisation(organisations, OrganisationType.INTERNET_ENTERPRISE,
                Province.CHONGQING, null);
        Actor operator = OrganisationFixtures.actor(org, Role.OPERATOR_ADMIN);
        long unitId = units.create(operator, NetworkUnitFixtures.unitInput("首页系统", "USER_DATA_SYSTEM", "2",
                List.of(NetworkUnitFixtures.ipAddress("198.51.100.11")))).id();
        String later = LocalDate.now(clock).plusDays(30).toString();
        for (String title : List.of("过期", "未过期")) {
            findings.open(operator, new NewFinding(null, unitId, null, title, null, "WEAK_PASSWORD", "HIGH", null, null,
                    "李四", null, null, null, later, FindingSource.MANUAL, null, null));
        }
        jdbc.sql("UPDATE finding SET due_on = :d WHERE network_unit_id = :u AND title = '过期'")
                .param("d", Date.valueOf(LocalDate.now(clock).minusDays(3))).param("u", unitId).update();
        FindingTallyFixture.recount(context, org.id());

        assertThat(tiles(home(operator))).containsExactly(
                Map.entry("operator-unresolved", "/findings?unresolved=true 2"),
                Map.entry("operator-overdue", "/findings?overdue=true 1"),
                Map.entry("operator-returned", "/network-units?state=RETURNED 0"),
                Map.entry("operator-drafts", "/network-units?state=DRAFT 1"));
    }

    @Test
    void aRegulatorSeesOverdueRectificationsFilingsToReviewAndHighSeverityFindingsOfItsJurisdiction() throws Exception {
        Actor officer = OrganisationFixtures.actor(OrganisationFixtures.organisation(organisations,
                OrganisationType.PROVINCIAL_ADMINISTRATION, Province.CHONGQING, null), Role.PROVINCIAL_OFFICER);
        long overdue = findingQueries.count(officer, new FindingQuery(null, null, null, true, null, null, null, null));
        long high = findingQueries.count(officer, new FindingQuery(Severity.HIGH, null, null, null, null, null, null, null,
                null, null, null, true, null, null));
        String html = home(officer);
        assertThat(tiles(html)).containsExactly(
                Map.entry("regulator-overdue", "/findings/overdue " + overdue),
                Map.entry("regulator-review", "/filings/review-queue " + units.countAwaitingReview(officer)),
                Map.entry("regulator-high", "/findings?severity=HIGH&unresolved=true " + high));
        assertThat(html).contains("id=\"home-finding-summary\"").doesNotContain("id=\"home-audit-chain\"");
    }

    @Test
    void theAuditAdministratorGetsTheChainStatusLinksAndNoBusinessNumbers() throws Exception {
        Actor auditor = OrganisationFixtures.actor(OrganisationFixtures.organisation(organisations,
                OrganisationType.MINISTRY_BUREAU, null, null), Role.AUDIT_ADMIN);
        String html = home(auditor);
        assertThat(tiles(html)).isEmpty();
        assertThat(html).contains("id=\"home-audit-chain\" href=\"/audit\"")
                .contains("id=\"home-audit-endpoint\" href=\"/actuator/auditchain\"")
                .doesNotContain("id=\"home-finding-summary\"");
    }
}
