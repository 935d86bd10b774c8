package org.inspectorate.finding;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.inspectorate.filing.NetworkUnitFixtures;
import org.inspectorate.filing.NetworkUnits;
import org.inspectorate.organisation.Actor;
import org.inspectorate.organisation.Organisation;
import org.inspectorate.organisation.OrganisationFixtures;
import org.inspectorate.organisation.OrganisationType;
import org.inspectorate.organisation.Organisations;
import org.inspectorate.organisation.Province;
import org.inspectorate.organisation.Role;
import org.inspectorate.support.DatabaseTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import java.util.Set;
import org.inspectorate.system.PageRequest;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

@DatabaseTest
class FindingPagesIntegrationTest {

    @Autowired
    Clock clock;
    @Autowired
    MockMvc mvc;
    @Autowired
    Organisations organisations;
    @Autowired
    NetworkUnits units;
    @Autowired
    Findings findings;
    @Autowired
    FindingEvidence evidence;
    @Autowired
    ScanImports scans;
    @Autowired
    FindingQueries queries;
    @Autowired
    PlatformTransactionManager transactions;

    Actor operator;
    Actor otherOperator;
    Actor officer;
    long unitId;

    @BeforeEach
    void setUp() {
        Organisation org = OrganisationFixtures.organisation(organisations, OrganisationType.INTERNET_ENTERPRISE,
                Province.HUBEI, null);
        operator = OrganisationFixtures.actor(org, Role.OPERATOR_STAFF);
        otherOperator = OrganisationFixtures.actor(OrganisationFixtures.organisation(organisations,
                OrganisationType.INTERNET_ENTERPRISE, Province.HUBEI, null), Role.OPERATOR_ADMIN);
        officer = OrganisationFixtures.actor(OrganisationFixtures.organisation(organisations,
                OrganisationType.PROVINCIAL_ADMINISTRATION, Province.HUBEI, null), Role.PROVINCIAL_OFFICER);
        unitId = units.create(operator, NetworkUnitFixtures.unitInput("客服系统", "USER_DATA_SYSTEM", "2",
                List.of(NetworkUnitFixtures.ipAddress("198.51.100.7")))).id();
    }

    private ResultActions call(Actor actor, AbstractMockHttpServletRequestBuilder<?> request) throws Exception {
        return mvc.perform(request.with(authentication(OrganisationFixtures.authentication(actor))).with(csrf())
                .param("lang", "en"));
    }

    private Finding open(String title, String dueOn) {
        return findings.open(operator, FindingFixtures.manual(unitId, title, "WEAK_PASSWORD", "LOW", dueOn));
    }

    @Test
    void theManualFormShowsEachProblemBesideItsField() throws Exception {
        call(operator, post("/findings").param("networkUnitId", "" + unitId).param("title", " ")
                .param("category", "WEAK_PASSWORD").param("severity", "HIGH").param("cvssVector", "garbage")
                .param("ownerName", "李四"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"title-error\"")))
                .andExpect(content().string(containsString("id=\"cvssVector-error\"")))
                .andExpect(content().string(containsString("is not a complete CVSS base vector")));
        call(operator, post("/findings").param("networkUnitId", "" + unitId).param("title", "默认口令")
                .param("category", "WEAK_PASSWORD").param("severity", "HIGH").param("ownerName", "李四"))
                .andExpect(status().is3xxRedirection());
    }

    @Test
    void theListHighlightsOverdueFindingsAndFilters() throws Exception {
        Finding f = open("过期的弱口令", null);
        call(operator, get("/findings")).andExpect(status().isOk())
                .andExpect(content().string(containsString("finding-row-" + f.id())));
        call(operator, get("/findings").param("overdue", "true")).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("finding-row-" + f.id()))));
        call(operator, get("/findings").param("q", "no-such-finding-anywhere")).andExpect(status().isOk())
                .andExpect(content().string(containsString("findings-empty")));
        call(officer, get("/findings").header("HX-Request", "true").param("severity", "LOW"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("finding-row-" + f.id())))
                .andExpect(content().string(not(containsString("<html"))));
        call(otherOperator, get("/findings")).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("finding-row-" + f.id()))));
    }

    @Test
    void theUnitFilterIsASearchThatOffersOnlyUnitsInReachNeverTheWholeList() throws Exception {
        String option = "<option value=\"" + unitId + "\"";
        call(officer, get("/findings")).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"unit-search\"")))
                .andExpect(content().string(not(containsString(option))));
        call(officer, get("/findings").param("unit", "" + unitId)).andExpect(status().isOk())
                .andExpect(content().string(containsString(option)))
                .andExpect(content().string(containsString("selected=\"selected\">客服系统</option>")));
        call(officer, get("/findings/units").param("unitSearch", "客服")).andExpect(status().isOk())
                .andExpect(content().string(containsString(option)))
                .andExpect(content().string(not(containsString("<html"))));
        call(officer, get("/findings/units").param("unitSearch", "no-such-unit-anywhere")).andExpect(status().isOk())
                .andExpect(content().string(not(containsString(option))));
        call(otherOperator, get("/findings/units").param("unitSearch", "客服").param("unit", "" + unitId))
                .andExpect(status().isOk()).andExpect(content().string(not(containsString(option))));
    }

    @Test
    void theDetailOffersOnlyTheLegalStepsAndShowsMissingPlanFields() throws Exception {
        Finding f = open("需要计划", LocalDate.now(clock).plusDays(3).toString());
        call(operator, get("/findings/{id}", f.id())).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"step-FIXED\"")))
                .andExpect(content().string(containsString("id=\"step-MITIGATED\"")))
                .andExpect(content().string(not(containsString("id=\"step-CLOSED\""))))
                .andExpect(content().string(not(containsString("id=\"step-VERIFIED\""))));
        call(operator, post("/findings/{id}/steps/MITIGATED", f.id()).param("version", "0").param("measures", "限制访问"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"plan-error\"")))
                .andExpect(content().string(containsString("id=\"planOwner-error\"")))
                .andExpect(content().string(containsString("id=\"planDueOn-error\"")));
        call(operator, post("/findings/{id}/steps/FIXED", f.id()).param("version", "0").param("note", "已改口令"))
                .andExpect(redirectedUrl("/findings/" + f.id()));
        call(officer, get("/findings/{id}", f.id())).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"step-VERIFIED\"")))
                .andExpect(content().string(containsString("finding-history")));
        call(officer, post("/findings/{id}/steps/CLOSED", f.id()).param("version", "1"))
                .andExpect(redirectedUrl("/findings/" + f.id()));
    }

    /** Imports the items as NESSUS import {@code importId} of the operator's organisation. */
    private void importReport(long importId, ScanImports.Item... items) {
        new TransactionTemplate(transactions).executeWithoutResult(tx -> {
            ScanImports.ImportSession session = scans.open(operator, new ScanImports.Target(operator.organisationId(),
                    Set.of(), "NESSUS", importId, true, ScanImports.Target.Coverage.none()));
            List.of(items).forEach(session::add);
            session.finish();
        });
    }

    private ScanImports.Item scanned(String key, String title, String asset, String vector) {
        return new ScanImports.Item(unitId, asset, key, title, "OpenSSL is outdated", Category.VULNERABILITY,
                Severity.HIGH, List.of("CVE-2014-0160"), vector, "NESSUS 73412", "Upgrade to 1.0.1g",
                "Installed version: 1.0.1f", Set.of(ImportFlag.TEXT_TRUNCATED), null, false, null, null, null);
    }

    @Test
    void anImportedFindingShowsItsVectorWithVersionAndScoreItsSectionsAndFlagsTranslatedAndTheListItsAsset()
            throws Exception {
        importReport(6, scanned("p1", "Heartbleed", "[2001:db8::1]:443/tcp",
                "CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"),
                scanned("p2", "Nessus Scan Information", "10.0.101.2", "CVSS:9.9/garbage"));
        Finding heartbleed = queries.list(operator, FindingQuery.all(), new PageRequest(0, 10,
                "title", true)).items().stream().filter(f -> f.title().equals("Heartbleed")).findFirst().orElseThrow();
        call(operator, get("/findings/{id}", heartbleed.id())).andExpect(status().isOk())
                .andExpect(content().string(containsString(
                        "CVSS 3.0 · 9.8 · CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H")))
                .andExpect(content().string(containsString(">Solution<")))
                .andExpect(content().string(containsString("Upgrade to 1.0.1g")))
                .andExpect(content().string(containsString(">Scanner evidence<")))
                .andExpect(content().string(containsString("id=\"flag-TEXT_TRUNCATED\">Text truncated<")))
                .andExpect(content().string(containsString("[2001:db8::1]:443/tcp")))
                .andExpect(content().string(containsString("Import #6 (Nessus)")))
                .andExpect(content().string(not(containsString("IMPORT NESSUS 6"))))
                .andExpect(content().string(not(containsString("Solution:"))));
        mvc.perform(get("/findings/{id}", heartbleed.id()).with(authentication(OrganisationFixtures
                .authentication(operator))).param("lang", "zh-CN"))
                .andExpect(content().string(containsString("导入 #6（Nessus）")))
                .andExpect(content().string(containsString("文本已截断")))
                .andExpect(content().string(containsString(">解决方案<")));
        Finding info = queries.list(operator, FindingQuery.all(), new PageRequest(0, 10,
                "title", true)).items().stream().filter(f -> f.title().startsWith("Nessus")).findFirst().orElseThrow();
        call(operator, get("/findings/{id}", info.id())).andExpect(status().isOk())
                .andExpect(content().string(containsString("CVSS:9.9/garbage")))
                .andExpect(content().string(containsString("id=\"cvss-not-parsed\">not parsed<")))
                .andExpect(content().string(containsString("id=\"flag-CVSS_NOT_PARSED\"")));
        call(operator, get("/findings")).andExpect(status().isOk())
                .andExpect(content().string(containsString(">Asset</th>")))
                .andExpect(content().string(containsString(">[2001:db8::1]:443/tcp</td>")))
                .andExpect(content().string(containsString(">10.0.101.2</td>")));
    }

    @Test
    void pagesOfAFindingAnswer404OutsideTheJurisdiction() throws Exception {
        Finding f = open("管辖外", null);
        call(operator, multipart("/findings/{id}/evidence", f.id()).file(new MockMultipartFile("file", "note.txt",
                "text/plain", "口令已修改".getBytes(StandardCharsets.UTF_8)))).andExpect(status().is3xxRedirection());
        long evidenceId = evidence.list(operator, f.id()).get(0).id();
        call(operator, get("/findings/{id}/evidence/{e}", f.id(), evidenceId)).andExpect(status().isOk())
                .andExpect(header().string("X-Content-Type-Options", "nosniff"));
        call(otherOperator, get("/findings/{id}", f.id())).andExpect(status().isNotFound());
        call(otherOperator, get("/findings/{id}/evidence/{e}", f.id(), evidenceId)).andExpect(status().isNotFound());
        call(otherOperator, post("/findings/{id}/steps/FIXED", f.id()).param("version", "0").param("note", "x"))
                .andExpect(status().isNotFound());
        call(otherOperator, post("/findings/{id}/accountability", f.id()).param("version", "0"))
                .andExpect(status().isNotFound());
        call(otherOperator, multipart("/findings/{id}/evidence", f.id()).file(new MockMultipartFile("file", "x.txt",
                "text/plain", "x".getBytes(StandardCharsets.UTF_8)))).andExpect(status().isNotFound());
    }
}
