package org.inspectorate.finding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.hamcrest.Matchers;
import org.inspectorate.filing.NetworkUnitFixtures;
import org.inspectorate.filing.NetworkUnits;
import org.inspectorate.organisation.Actor;
import org.inspectorate.organisation.ApiTokenFixtures;
import org.inspectorate.organisation.Organisation;
import org.inspectorate.organisation.OrganisationFixtures;
import org.inspectorate.organisation.OrganisationType;
import org.inspectorate.organisation.Organisations;
import org.inspectorate.organisation.Province;
import org.inspectorate.organisation.Role;
import org.inspectorate.organisation.UserAccounts;
import org.inspectorate.organisation.UserFixtures;
import org.inspectorate.support.DatabaseTest;
import org.inspectorate.system.PageRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;

/**
 * The regulators' findings views against a fixture of five findings of one operator in Heilongjiang, each
 * in a different place of the lifecycle, age and lateness:
 * <pre>
 * f1 HIGH   VULNERABILITY     OPEN      opened  10 d ago, due  5 d ago → overdue  5 d
 * f2 HIGH   WEAK_PASSWORD     MITIGATED opened 100 d ago, plan due 40 d ago → overdue 40 d
 * f3 MEDIUM VULNERABILITY     CLOSED    opened 200 d ago
 * f4 LOW    MISCONFIGURATION  OPEN      opened today, due later
 * f5 MEDIUM VULNERABILITY     FIXED     opened  45 d ago, due 10 d ago (fixed: not overdue)
 * </pre>
 * The database is shared with other tests, so exact figures are read for this operator (a filter),
 * and the Ministry's province row is checked by its change.
 */
@DatabaseTest
class FindingReportsIntegrationTest {

    private static final String EVIL = "=HYPERLINK(\"http://evil.example/\",\"x\")";

    @Autowired
    MockMvc mvc;
    @Autowired
    Organisations organisations;
    @Autowired
    NetworkUnits units;
    @Autowired
    Findings findings;
    @Autowired
    FindingQueries queries;
    @Autowired
    FindingReports reports;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Clock clock;
    @Autowired
    UserAccounts accounts;
    @Autowired
    ApplicationContext context;

    Organisation operatorOrg;
    Actor operator;
    Actor officer;
    Actor otherOfficer;
    Actor ministry;
    long unitId;
    long f1;
    long f2;
    long f3;
    long f4;
    long f5;

    @BeforeEach
    void setUp() {
        operatorOrg = OrganisationFixtures.organisation(organisations, OrganisationType.INTERNET_ENTERPRISE,
                Province.HEILONGJIANG, null);
        operator = OrganisationFixtures.actor(operatorOrg, Role.OPERATOR_ADMIN);
        officer = OrganisationFixtures.actor(OrganisationFixtures.organisation(organisations,
                OrganisationType.PROVINCIAL_ADMINISTRATION, Province.HEILONGJIANG, null), Role.PROVINCIAL_OFFICER);
        otherOfficer = OrganisationFixtures.actor(OrganisationFixtures.organisation(organisations,
                OrganisationType.PROVINCIAL_ADMINISTRATION, Province.JIANGSU, null), Role.PROVINCIAL_OFFICER);
        ministry = OrganisationFixtures.actor(OrganisationFixtures.organisation(organisations,
                OrganisationType.MINISTRY_BUREAU, null, null), Role.MINISTRY_OFFICER);
        unitId = units.create(operator, NetworkUnitFixtures.unitInput("统计系统", "USER_DATA_SYSTEM", "2",
                List.of(NetworkUnitFixtures.ipAddress("198.51.100.9")))).id();
    }

    private void fixture() {
        String later = LocalDate.now(clock).plusDays(60).toString();
        f1 = open(EVIL, "VULNERABILITY", "HIGH", later);
        f2 = open("弱口令", "WEAK_PASSWORD", "HIGH", later);
        findings.mitigate(operator, f2, 0, "限制访问", "更换口令", "王五", later);
        f3 = open("已销号漏洞", "VULNERABILITY", "MEDIUM", later);
        findings.fix(operator, f3, 0, "已升级");
        findings.verify(operator, f3, 1, null);
        findings.close(operator, f3, 2, null);
        f4 = open("配置不当", "MISCONFIGURATION", "LOW", later);
        f5 = open("已修复漏洞", "VULNERABILITY", "MEDIUM", later);
        findings.fix(operator, f5, 0, "已打补丁");
        backdate(f1, 10, 5, null);
        backdate(f2, 100, 90, 40);
        backdate(f3, 200, 150, null);
        backdate(f5, 45, 10, null);
    }

    private long open(String title, String category, String severity, String dueOn) {
        return findings.open(operator, FindingFixtures.manual(unitId, title, category, severity, dueOn)).id();
    }

    private void backdate(long id, int openedDaysAgo, int dueDaysAgo, Integer planDueDaysAgo) {
        LocalDate today = LocalDate.now(clock);
        jdbc.sql("UPDATE finding SET created_at = :c, due_on = :d, plan_due_on = COALESCE(:p, plan_due_on) WHERE id = :id")
                .param("c", Timestamp.from(clock.instant().minus(Duration.ofDays(openedDaysAgo))))
                .param("d", Date.valueOf(today.minusDays(dueDaysAgo)))
                .param("p", planDueDaysAgo == null ? null : Date.valueOf(today.minusDays(planDueDaysAgo)))
                .param("id", id).update();
        FindingTallyFixture.recount(context, operatorOrg.id());
    }

    private ResultActions call(Actor actor, AbstractMockHttpServletRequestBuilder<?> request) throws Exception {
        return mvc.perform(request.with(authentication(OrganisationFixtures.authentication(actor))).param("lang", "en"));
    }

    private FindingReports.ReportQuery ofOperator() {
        return new FindingReports.ReportQuery(null, operatorOrg.id(), null, null, null, null);
    }

    private static <K> long[] counts(List<FindingReports.Count<K>> list, K key) {
        FindingReports.Count<K> c = list.stream().filter(x -> x.key() == key).findFirst().orElseThrow();
        return new long[] {c.total(), c.unresolved(), c.overdue()};
    }

    @Test
    void theSummaryCountsBySeverityCategoryStatusAgeAndLateness() {
        fixture();
        FindingReports.Summary s = reports.summary(officer, ofOperator(), "page");

        assertThat(new long[] {s.total(), s.unresolved(), s.overdue(), s.highUnresolved()}).containsExactly(5, 3, 2, 2);
        assertThat(counts(s.bySeverity(), Severity.HIGH)).containsExactly(2, 2, 2);
        assertThat(counts(s.bySeverity(), Severity.MEDIUM)).containsExactly(2, 0, 0);
        assertThat(counts(s.bySeverity(), Severity.LOW)).containsExactly(1, 1, 0);
        assertThat(counts(s.byCategory(), Category.VULNERABILITY)).containsExactly(3, 1, 1);
        assertThat(counts(s.byCategory(), Category.WEAK_PASSWORD)).containsExactly(1, 1, 1);
        assertThat(counts(s.byCategory(), Category.MISCONFIGURATION)).containsExactly(1, 1, 0);
        assertThat(counts(s.byCategory(), Category.PERSONAL_INFORMATION)).containsExactly(0, 0, 0);
        assertThat(counts(s.byStatus(), FindingStatus.OPEN)).containsExactly(2, 2, 1);
        assertThat(counts(s.byStatus(), FindingStatus.MITIGATED)).containsExactly(1, 1, 1);
        assertThat(counts(s.byStatus(), FindingStatus.FIXED)).containsExactly(1, 0, 0);
        assertThat(counts(s.byStatus(), FindingStatus.CLOSED)).containsExactly(1, 0, 0);
        assertThat(counts(s.byAge(), AgeBucket.D0_30)).containsExactly(2, 2, 1);
        assertThat(counts(s.byAge(), AgeBucket.D31_90)).containsExactly(1, 0, 0);
        assertThat(counts(s.byAge(), AgeBucket.D91_180)).containsExactly(1, 1, 1);
        assertThat(counts(s.byAge(), AgeBucket.OVER_180)).containsExactly(1, 0, 0);
        assertThat(s.byDaysOverdue()).extracting(FindingReports.Count::overdue).containsExactly(1L, 1L, 0L, 0L);
        assertThat(s.byOperator()).singleElement().satisfies(g -> {
            assertThat(g.organisationId()).isEqualTo(operatorOrg.id());
            assertThat(new long[] {g.total(), g.unresolved(), g.overdue(), g.highUnresolved()})
                    .containsExactly(5, 3, 2, 2);
        });
        assertThat(s.byProvince()).as("a province officer has no province breakdown").isEmpty();
    }

    @Test
    void everyDrillDownOfTheSummaryListsAsManyFindingsAsItsCellCounts() {
        fixture();
        FindingReports.Summary s = reports.summary(officer, ofOperator(), "page");
        for (AgeBucket b : AgeBucket.values()) {
            assertThat(queries.count(officer, drill(null, null, b, null))).as("age " + b)
                    .isEqualTo(counts(s.byAge(), b)[0]);
            assertThat(queries.count(officer, drill(null, true, b, null))).as("unresolved, age " + b)
                    .isEqualTo(counts(s.byAge(), b)[1]);
            assertThat(queries.count(officer, drill(null, null, null, b))).as("overdue for " + b)
                    .isEqualTo(counts(s.byDaysOverdue(), b)[2]);
        }
        assertThat(queries.count(officer, drill(Severity.HIGH, true, null, null))).isEqualTo(s.highUnresolved());
        assertThat(queries.list(officer, drill(null, null, AgeBucket.D91_180, null),
                PageRequest.first(10)).items()).extracting(Finding::id).containsExactly(f2);
        assertThat(queries.list(officer, drill(null, null, null, AgeBucket.D31_90),
                PageRequest.first(10)).items()).extracting(Finding::id).containsExactly(f2);
    }

    private FindingQuery drill(Severity severity, Boolean unresolved, AgeBucket age, AgeBucket overdueFor) {
        return new FindingQuery(severity, null, null, null, null, null, null, null, null, operatorOrg.id(),
                Province.HEILONGJIANG.code(), unresolved, age, overdueFor);
    }

    @Test
    void theSummaryPageLinksEachCellToTheFilteredRegister() throws Exception {
        fixture();
        call(officer, get("/findings/summary").param("operator", "" + operatorOrg.id()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"total-overdue\" href=\"/findings?operator="
                        + operatorOrg.id() + "&amp;overdue=true\">2</a>")))
                .andExpect(content().string(containsString("id=\"late-D31_90\" href=\"/findings?operator="
                        + operatorOrg.id() + "&amp;overdueFor=D31_90\">1</a>")))
                .andExpect(content().string(containsString("href=\"/findings?operator=" + operatorOrg.id()
                        + "&amp;severity=HIGH&amp;overdue=true\">2</a>")))
                .andExpect(content().string(containsString("href=\"/findings?operator=" + operatorOrg.id()
                        + "&amp;category=VULNERABILITY\">3</a>")))
                .andExpect(content().string(containsString("data-charts=")))
                .andExpect(content().string(containsString("/js/findingreports.js")));
        call(officer, get("/findings").param("operator", "" + operatorOrg.id()).param("overdueFor", "D31_90"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("finding-row-" + f2)))
                .andExpect(content().string(not(containsString("finding-row-" + f1 + "\""))))
                .andExpect(content().string(containsString("id=\"drill-overdue-for\"")))
                .andExpect(content().string(containsString("name=\"overdueFor\" value=\"D31_90\"")));
    }

    @Test
    void theMinistrySeesProvincesAndOperatorsAcrossTheCountry() throws Exception {
        FindingReports.ReportQuery all = new FindingReports.ReportQuery(null, null, null, null, null, null);
        long homeBefore = province(reports.summary(ministry, all, "page"), Province.HEILONGJIANG);
        fixture();
        FindingReports.Summary after = reports.summary(ministry, all, "page");
        assertThat(province(after, Province.HEILONGJIANG) - homeBefore).isEqualTo(5);
        assertThat(reports.summary(ministry, ofOperator(), "page").total()).isEqualTo(5);
        FindingReports.Summary jiangsu = reports.summary(ministry,
                new FindingReports.ReportQuery(Province.JIANGSU.code(), operatorOrg.id(), null, null, null, null), "page");
        assertThat(jiangsu.total()).as("the operator is in Heilongjiang").isZero();
        call(ministry, get("/findings/summary").param("severity", "HIGH")).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"table-province\"")))
                .andExpect(content().string(containsString("id=\"province-" + Province.HEILONGJIANG.code() + "\"")))
                .andExpect(content().string(containsString("href=\"/findings?province=" + Province.HEILONGJIANG.code()
                        + "&amp;severity=HIGH&amp;overdue=true\"")));
        call(officer, get("/findings/summary")).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("id=\"table-province\""))));
    }

    private static long province(FindingReports.Summary s, Province p) {
        return s.byProvince().stream().filter(g -> p.code().equals(g.provinceCode())).mapToLong(
                FindingReports.GroupRow::total).sum();
    }

    @Test
    void aProvincialOfficerSeesNothingOfAnotherProvinceAndOperatorsNoRegulatorViews() throws Exception {
        fixture();
        FindingReports.Summary other = reports.summary(otherOfficer,
                new FindingReports.ReportQuery(null, null, null, null, null, null), "page");
        assertThat(other.byOperator()).extracting(FindingReports.GroupRow::organisationId)
                .doesNotContain(operatorOrg.id());
        assertThat(reports.overdue(otherOfficer, new FindingReports.ReportQuery(null, null, null, null, null, null),
                PageRequest.first(200), "page").items())
                .extracting(FindingReports.OverdueRow::id).doesNotContain(f1, f2);
        for (String path : List.of("/findings/summary", "/findings/overdue", "/findings/summary.xlsx",
                "/findings/overdue.xlsx", "/api/v1/findings/summary", "/api/v1/findings/overdue")) {
            call(otherOfficer, get(path).param("operator", "" + operatorOrg.id())).andExpect(status().isNotFound());
            call(otherOfficer, get(path).param("province", Province.HEILONGJIANG.code())).andExpect(status().isNotFound());
            call(operator, get(path)).andExpect(status().isNotFound());
        }
        call(operator, get("/findings")).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("id=\"finding-summary-link\""))));
        call(otherOfficer, get("/findings")).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"finding-summary-link\"")));
        call(otherOfficer, get("/findings").param("operator", "" + operatorOrg.id())).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("finding-row-" + f1 + "\""))));
    }

    @Test
    void theOverdueListIsSortedByDaysOverdueAndShowsOwnerOperatorUnitAndPlan() throws Exception {
        fixture();
        FindingReports.ReportQuery q = ofOperator();
        assertThat(reports.overdue(officer, q, new PageRequest(0, 20, "daysOverdue", false),
                "page").items()).satisfiesExactly(r -> {
                    assertThat(r.id()).isEqualTo(f2);
                    assertThat(r.daysOverdue()).isEqualTo(40);
                    assertThat(r.planOwner()).isEqualTo("王五");
                    assertThat(r.planDueOn()).isEqualTo(LocalDate.now(clock).minusDays(40));
                    assertThat(r.unitName()).isEqualTo("统计系统");
                    assertThat(r.organisationName()).isEqualTo(operatorOrg.name());
                }, r -> {
                    assertThat(r.id()).isEqualTo(f1);
                    assertThat(r.daysOverdue()).isEqualTo(5);
                    assertThat(r.ownerName()).isEqualTo("李四");
                });
        call(officer, get("/findings/overdue").param("operator", "" + operatorOrg.id()).param("overdueFor", "D0_30"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("overdue-row-" + f1)))
                .andExpect(content().string(not(containsString("overdue-row-" + f2))));
    }

    @Test
    void exportsCarryTheSameNumbersEscapedAndEveryViewAndExportIsAudited() throws Exception {
        fixture();
        byte[] overdue = call(officer, get("/findings/overdue.xlsx").param("operator", "" + operatorOrg.id()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        List<List<String>> rows = rows(overdue, 0);
        assertThat(rows).hasSize(3);
        assertThat(rows.get(1).get(0)).isEqualTo("弱口令");
        assertThat(rows.get(2).get(0)).isEqualTo("'" + EVIL);
        assertThat(rows.get(2).get(11)).isEqualTo("5.0");

        byte[] summary = call(officer, get("/findings/summary.xlsx").param("operator", "" + operatorOrg.id()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        List<List<String>> severity = rows(summary, 0);
        assertThat(severity.get(0)).containsExactly("Severity", "Total", "Unresolved", "Overdue");
        assertThat(severity.get(1)).containsExactly("High", "2.0", "2.0", "2.0");
        assertThat(rows(summary, 3)).extracting(r -> r.get(1)).containsExactly("Total", "2.0", "1.0", "1.0", "1.0");
        assertThat(rows(summary, 5).get(1)).containsExactly(operatorOrg.name(), "Heilongjiang", "5.0", "3.0", "2.0", "2.0");

        call(officer, get("/findings/summary")).andExpect(status().isOk());
        call(officer, get("/api/v1/findings/overdue")).andExpect(status().isOk());
        assertThat(audited("finding.report.exported", "finding-report:overdue")).isEqualTo(1);
        assertThat(audited("finding.report.exported", "finding-report:summary")).isEqualTo(1);
        assertThat(audited("finding.report.viewed", "finding-report:summary")).isEqualTo(1);
        assertThat(audited("finding.report.viewed", "finding-report:overdue")).isEqualTo(1);
    }

    private long audited(String action, String subject) {
        return jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE action = :a AND subject = :s AND actor = :u")
                .param("a", action).param("s", subject).param("u", officer.username()).query(Long.class).single();
    }

    @Test
    void theApiGivesTheSameNumbersToAPersonalToken() throws Exception {
        fixture();
        Organisation home = OrganisationFixtures.organisation(organisations, OrganisationType.PROVINCIAL_ADMINISTRATION,
                Province.HEILONGJIANG, null);
        Actor tokenOwner = UserFixtures.actor(UserFixtures.account(accounts, home, Role.PROVINCIAL_OFFICER), home);
        String token = ApiTokenFixtures.token(context, tokenOwner);
        mvc.perform(get("/api/v1/findings/summary").param("operator", "" + operatorOrg.id())
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(5))
                .andExpect(jsonPath("$.unresolved").value(3))
                .andExpect(jsonPath("$.overdue").value(2))
                .andExpect(jsonPath("$.bySeverity[0].key").value("HIGH"))
                .andExpect(jsonPath("$.bySeverity[0].overdue").value(2))
                .andExpect(jsonPath("$.byAge[2].key").value("D91_180"))
                .andExpect(jsonPath("$.byAge[2].total").value(1));
        mvc.perform(get("/api/v1/findings/overdue").param("operator", "" + operatorOrg.id())
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(2))
                .andExpect(jsonPath("$.items[0].id").value(f2))
                .andExpect(jsonPath("$.items[0].daysOverdue").value(40));
        mvc.perform(get("/api/v1/findings/summary").param("severity", "SEVERE")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("severity"));
        mvc.perform(get("/api/v1/findings").param("operator", "" + operatorOrg.id()).param("age", "OVER_180")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].id").value(f3));
    }

    @Test
    void aPagedFilteredRegisterKeepsTheFilterInItsNextLinkWithTheCursorAndInItsLastLink() throws Exception {
        String later = LocalDate.now(clock).plusDays(60).toString();
        for (int i = 0; i < 23; i++) {
            open("低危 " + i, "MISCONFIGURATION", "LOW", later);
        }
        open("高危", "VULNERABILITY", "HIGH", later);
        call(operator, get("/findings").queryParam("severity", "LOW").queryParam("unit", "" + unitId))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.matchesRegex("(?s).*id=\"page-next\" href=\"/findings\\?severity=LOW"
                        + "&amp;unit=" + unitId + "&amp;after=[A-Za-z0-9_-]+&amp;page=1\".*")))
                .andExpect(content().string(containsString(
                        "id=\"page-last\" href=\"/findings?severity=LOW&amp;unit=" + unitId + "&amp;page=1\"")))
                .andExpect(content().string(containsString("Page 1 of 2")));
        call(operator, get("/findings").queryParam("severity", "LOW").queryParam("unit", "" + unitId)
                .queryParam("page", "1"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(
                        "id=\"page-first\" href=\"/findings?severity=LOW&amp;unit=" + unitId + "\"")));
    }

    private static List<List<String>> rows(byte[] xlsx, int sheetIndex) throws Exception {
        List<List<String>> rows = new ArrayList<>();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = workbook.getSheetAt(sheetIndex);
            DataFormatter f = new DataFormatter();
            for (Row row : sheet) {
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < row.getLastCellNum(); c++) {
                    var cell = row.getCell(c);
                    cells.add(cell == null ? "" : cell.getCellType() == CellType.NUMERIC
                            ? String.valueOf(cell.getNumericCellValue()) : f.formatCellValue(cell));
                }
                rows.add(cells);
            }
        }
        return rows;
    }
}
