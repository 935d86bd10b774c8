package org.inspectorate.finding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
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
import org.inspectorate.system.Keyset;
import org.inspectorate.system.PageRequest;
import org.inspectorate.system.PageResult;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The register read the way it stays fast with millions of findings (docs/findings.md, "The register at scale"):
 * pages after a cursor, every offered order the same whether walked by cursor or read at once, for one operator,
 * a province and the Ministry (whose pages merge one index range per province); a bounded total; the export with
 * the list's rows and jurisdiction; a bad cursor answered as bad input.
 */
@DatabaseTest
class FindingListAtScaleIntegrationTest {

    private static final String[] STATUSES = {"OPEN", "FIXED", "MITIGATED", "VERIFIED", "CLOSED", "REOPENED"};
    private static final String[] CATEGORIES = {"VULNERABILITY", "WEAK_PASSWORD", "MISCONFIGURATION"};
    private static final String[] SEVERITIES = {"HIGH", "MEDIUM", "LOW"};

    @Autowired
    Clock clock;
    @Autowired
    MockMvc mvc;
    @Autowired
    Organisations organisations;
    @Autowired
    NetworkUnits units;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    FindingQueries queries;

    Organisation shandong;
    Organisation jiangsu;
    Actor operator;
    Actor jiangsuOperator;
    Actor officer;
    Actor ministry;
    long unitId;
    long jiangsuUnitId;
    /** Every finding of a test carries it, so that the Ministry's and the province's lists hold only the test's. */
    String campaign;

    @BeforeEach
    void setUp() {
        shandong = OrganisationFixtures.organisation(organisations, OrganisationType.INTERNET_ENTERPRISE,
                Province.SHANDONG, null);
        jiangsu = OrganisationFixtures.organisation(organisations, OrganisationType.INTERNET_ENTERPRISE,
                Province.JIANGSU, null);
        operator = OrganisationFixtures.actor(shandong, Role.OPERATOR_ADMIN);
        jiangsuOperator = OrganisationFixtures.actor(jiangsu, Role.OPERATOR_ADMIN);
        officer = OrganisationFixtures.actor(OrganisationFixtures.organisation(organisations,
                OrganisationType.PROVINCIAL_ADMINISTRATION, Province.SHANDONG, null), Role.PROVINCIAL_OFFICER);
        ministry = OrganisationFixtures.actor(OrganisationFixtures.organisation(organisations,
                OrganisationType.MINISTRY_BUREAU, null, null), Role.MINISTRY_OFFICER);
        unitId = units.create(operator, NetworkUnitFixtures.unitInput("台账系统", "PORTAL", "3.1",
                List.of(NetworkUnitFixtures.domain("ledger.example.cn")))).id();
        jiangsuUnitId = units.create(jiangsuOperator, NetworkUnitFixtures.unitInput("苏台账", "PORTAL", "2",
                List.of(NetworkUnitFixtures.domain("su.example.cn")))).id();
        campaign = "C" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Findings with ties in every key (titles, due dates, times repeat), some without a CVSS score. */
    private void varied(Organisation org, long unit, int count) {
        List<Object[]> rows = new ArrayList<>();
        Instant now = clock.instant();
        LocalDate today = LocalDate.now(clock);
        for (int i = 0; i < count; i++) {
            rows.add(new Object[] {org.id(), unit, "问题 " + (i % 7), CATEGORIES[i % 3], SEVERITIES[(i / 3) % 3],
                    i % 4 == 0 ? null : BigDecimal.valueOf(i % 10 * 10 + 5, 1), "MANUAL", STATUSES[i % 6],
                    Date.valueOf(today.plusDays(i % 5 - 2)), i % 6 == 2 ? Date.valueOf(today.plusDays(i % 3 - 1)) : null,
                    Timestamp.from(now.minus(Duration.ofHours(i % 3))),
                    Timestamp.from(now.minus(Duration.ofMinutes(i % 4 * 7))), campaign, org.province().code()});
        }
        insert(rows);
    }

    /** Rows as a writer outside the application (the dataset generator) writes them: province included. */
    private void insert(List<Object[]> rows) {
        jdbc.batchUpdate("""
                INSERT INTO finding (organisation_id, network_unit_id, title, category, severity, cvss_score, source,
                    status, due_on, plan_due_on, created_at, updated_at, campaign_code, province_code, created_by,
                    version)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'test', 0)""", rows);
    }

    private FindingQuery ofCampaign() {
        return new FindingQuery(null, null, null, null, null, null, campaign, null);
    }

    private List<Long> walk(Actor actor, FindingQuery query, String sort, boolean ascending, int size) {
        List<Long> ids = new ArrayList<>();
        Keyset after = null;
        for (int page = 0; page < 100; page++) {
            PageResult<Finding> result = queries.list(actor, query, new PageRequest(page, size, sort, ascending, after));
            result.items().forEach(f -> ids.add(f.id()));
            after = result.next();
            if (after == null) {
                return ids;
            }
        }
        throw new AssertionError("no last page");
    }

    private List<Long> atOnce(Actor actor, FindingQuery query, String sort, boolean ascending) {
        return queries.list(actor, query, new PageRequest(0, PageRequest.MAX_SIZE, sort, ascending)).items().stream()
                .map(Finding::id).toList();
    }

    @Test
    void everyOrderWalkedByCursorEqualsTheSameOrderReadAtOnceForAnOperatorAProvinceAndTheMinistry() {
        varied(shandong, unitId, 31);
        varied(jiangsu, jiangsuUnitId, 17);
        for (Actor actor : List.of(operator, officer, ministry)) {
            int expected = actor == ministry ? 48 : 31;
            for (FindingSort sort : FindingSort.values()) {
                if (sort == FindingSort.OVERDUE) {
                    continue; // the overdue list's, below
                }
                for (boolean ascending : new boolean[] {true, false}) {
                    List<Long> once = atOnce(actor, ofCampaign(), sort.key(), ascending);
                    assertThat(once).as("%s %s", sort, ascending).hasSize(expected).doesNotHaveDuplicates();
                    assertThat(walk(actor, ofCampaign(), sort.key(), ascending, 4)).as("%s %s", sort, ascending)
                            .containsExactlyElementsOf(once);
                    List<Long> third = queries.list(actor, ofCampaign(), new PageRequest(2, 4, sort.key(), ascending))
                            .items().stream().map(Finding::id).toList();
                    assertThat(third).as("page 3 by number, %s %s", sort, ascending)
                            .containsExactlyElementsOf(once.subList(8, 12));
                }
            }
        }
    }

    @Test
    void theMinistryMergesTheProvincesInTheOrderOfTheSortedColumns() {
        varied(shandong, unitId, 12);
        varied(jiangsu, jiangsuUnitId, 12);
        List<Finding> all = queries.list(ministry, ofCampaign(), new PageRequest(0, 200, "severity", true)).items();

        assertThat(all).hasSize(24).extracting(Finding::severity).isSorted();
        assertThat(all).extracting(Finding::organisationId).contains(shandong.id(), jiangsu.id());
        for (int i = 1; i < all.size(); i++) {
            Finding a = all.get(i - 1);
            Finding b = all.get(i);
            if (a.severity() == b.severity()) {
                assertThat(a.dueOn()).isBeforeOrEqualTo(b.dueOn());
            }
        }
    }

    @Test
    void pagesAfterACursorNeitherRepeatNorSkipARowWhenFindingsAreAddedBetweenThem() {
        varied(shandong, unitId, 30);
        PageResult<Finding> first = queries.list(operator, ofCampaign(), new PageRequest(0, 10, "dueOn", true));
        LocalDate today = LocalDate.now(clock);
        Instant now = clock.instant();
        // one that sorts before the cursor (a page by number would now repeat a row), one after it
        Object[] earlier = {shandong.id(), unitId, "先到期", "VULNERABILITY", "HIGH", null, "MANUAL", "OPEN",
                Date.valueOf(today.minusDays(30)), null, Timestamp.from(now), Timestamp.from(now), campaign, "370000"};
        Object[] later = {shandong.id(), unitId, "后到期", "VULNERABILITY", "HIGH", null, "MANUAL", "OPEN",
                Date.valueOf(today.plusDays(300)), null, Timestamp.from(now), Timestamp.from(now), campaign, "370000"};
        insert(List.<Object[]>of(earlier, later));
        List<Long> seen = new ArrayList<>(first.items().stream().map(Finding::id).toList());
        Keyset after = first.next();
        for (int page = 1; after != null; page++) {
            PageResult<Finding> next = queries.list(operator, ofCampaign(), new PageRequest(page, 10, "dueOn", true,
                    after));
            next.items().forEach(f -> seen.add(f.id()));
            after = next.next();
        }
        List<Long> before = atOnce(operator, ofCampaign(), "dueOn", true);

        assertThat(seen).doesNotHaveDuplicates().hasSize(31);
        assertThat(before.subList(1, before.size())).containsExactlyElementsOf(seen); // all but the earlier one
        assertThat(queries.list(operator, ofCampaign(), new PageRequest(0, 10, "dueOn", true)).items().get(0).title())
                .isEqualTo("先到期");
    }

    @Test
    void aTotalOverTenThousandIsShownAsMoreThanTenThousandInBothLanguagesAndTheApiSaysAtLeast() throws Exception {
        List<Object[]> rows = new ArrayList<>();
        Timestamp now = Timestamp.from(clock.instant());
        Date due = Date.valueOf(LocalDate.now(clock).plusDays(10));
        for (int i = 0; i < 10_001; i++) {
            rows.add(new Object[] {shandong.id(), unitId, "批量 " + i, "VULNERABILITY", "LOW", null, "MANUAL", "OPEN",
                    due, null, now, now, campaign, "370000"});
        }
        insert(rows);

        call(operator, get("/findings").param("lang", "zh-CN")).andExpect(status().isOk())
                .andExpect(content().string(containsString("10,000 条以上")))
                .andExpect(content().string(containsString("第 1 页")));
        call(operator, get("/findings").param("lang", "en")).andExpect(status().isOk())
                .andExpect(content().string(containsString("More than 10,000")))
                .andExpect(content().string(containsString("id=\"page-next\"")));
        call(operator, get("/api/v1/findings")).andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(10_000)).andExpect(jsonPath("$.totalAtLeast").value(true))
                .andExpect(jsonPath("$.next").isString()).andExpect(jsonPath("$.items.length()").value(20));
        varied(jiangsu, jiangsuUnitId, 3);
        call(jiangsuOperator, get("/api/v1/findings")).andExpect(jsonPath("$.total").value(3))
                .andExpect(jsonPath("$.totalAtLeast").value(false)).andExpect(jsonPath("$.next").isEmpty());
    }

    @Test
    void theExportHoldsAsManyRowsAsTheListCountsWithItsFiltersInXlsxAndCsv() throws Exception {
        varied(shandong, unitId, 45);
        String total = JsonPath.read(call(operator, get("/api/v1/findings").param("campaign", campaign)
                .param("severity", "HIGH")).andReturn().getResponse().getContentAsString(), "$.total").toString();

        byte[] csv = call(operator, get("/findings/export.csv").param("campaign", campaign).param("severity", "HIGH"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        List<String> lines = csvLines(csv);
        byte[] xlsx = call(operator, get("/findings/export.xlsx").param("campaign", campaign).param("severity", "HIGH"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        int xlsxRows;
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            xlsxRows = book.getSheetAt(0).getLastRowNum(); // zero-based: the header is row 0
        }

        assertThat(Integer.parseInt(total)).isEqualTo(15);
        assertThat(lines).hasSize(16); // the header and one line per finding
        assertThat(xlsxRows).isEqualTo(15);
        assertThat(lines.subList(1, lines.size())).allMatch(l -> l.contains(campaign));
    }

    @Test
    void aProvincialOfficersExportHoldsOnlyTheirProvincesFindings() throws Exception {
        varied(shandong, unitId, 9);
        varied(jiangsu, jiangsuUnitId, 7);

        List<String> lines = csvLines(call(officer, get("/findings/export.csv").param("campaign", campaign))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray());
        List<String> ministryLines = csvLines(call(ministry, get("/findings/export.csv").param("campaign", campaign))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray());

        assertThat(lines).hasSize(10);
        Set<String> operators = new HashSet<>();
        for (String line : lines.subList(1, lines.size())) {
            List<String> cells = Arrays.asList(line.split(","));
            operators.add(cells.get(cells.size() - 2));
        }
        assertThat(operators).containsExactly(Long.toString(shandong.id()));
        assertThat(ministryLines).hasSize(17);
    }

    @Test
    void aCursorThatIsNotOneOfOursIsBadInputOnTheApiAndOnThePages() throws Exception {
        String foreign = new Keyset("not-a-date", 5).token(); // decodes, but is no due-date cursor
        call(operator, get("/api/v1/findings").param("after", "%%%")).andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.errors[0].field").value("after"));
        call(operator, get("/api/v1/findings").param("sort", "dueOn").param("after", foreign))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("after"));
        call(operator, get("/findings").param("after", foreign).param("lang", "en")).andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("id=\"error-problems\"")))
                .andExpect(content().string(containsString("start again from the first page")));
        call(officer, get("/findings/overdue").param("after", "%%%").param("lang", "zh-CN"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("翻页位置无效")));
    }

    @Test
    void theOverdueListWalkedByCursorEqualsItReadAtOnce() throws Exception {
        varied(shandong, unitId, 40);
        String once = call(officer, get("/api/v1/findings/overdue").param("campaign", campaign).param("size", "200"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        List<Integer> all = JsonPath.read(once, "$.items[*].id");
        List<Integer> walked = new ArrayList<>();
        String after = null;
        do {
            MockHttpServletRequestBuilder request = get("/api/v1/findings/overdue").param("campaign", campaign)
                    .param("size", "3");
            if (after != null) {
                request.param("after", after);
            }
            String body = call(officer, request).andExpect(status().isOk()).andReturn().getResponse()
                    .getContentAsString();
            walked.addAll(JsonPath.read(body, "$.items[*].id"));
            after = JsonPath.read(body, "$.next");
        } while (after != null);

        assertThat(all).isNotEmpty();
        assertThat(walked).containsExactlyElementsOf(all);
    }

    @Test
    void theSearchFindsAWordAPrefixAChineseTermAndAnIdOnEveryDatabase() {
        Timestamp now = Timestamp.from(clock.instant());
        Date due = Date.valueOf(LocalDate.now(clock).plusDays(10));
        List<Object[]> rows = new ArrayList<>();
        for (String title : List.of("Remote code execution in gateway", "发现弱口令：管理后台", "TLS 1.0 enabled")) {
            rows.add(new Object[] {shandong.id(), unitId, title, "VULNERABILITY", "HIGH", null, "MANUAL", "OPEN", due,
                    null, now, now, campaign, "370000"});
        }
        insert(rows);
        jdbc.update("UPDATE finding SET vuln_refs = 'CVE-2024-31337' WHERE campaign_code = ? AND title LIKE 'TLS%'",
                campaign);

        assertThat(titles("remote")).containsExactly("Remote code execution in gateway");
        assertThat(titles("REMO")).containsExactly("Remote code execution in gateway");
        assertThat(titles("code execution")).containsExactly("Remote code execution in gateway");
        assertThat(titles("弱口令")).containsExactly("发现弱口令：管理后台");
        assertThat(titles("cve-2024-31337")).containsExactly("TLS 1.0 enabled");
        assertThat(titles("nothing-like-this")).isEmpty();
    }

    private List<String> titles(String q) {
        FindingQuery query = new FindingQuery(null, null, null, null, null, null, campaign, q);
        return queries.list(operator, query, new PageRequest(0, 20, "title", true)).items().stream()
                .map(Finding::title).toList();
    }

    private static List<String> csvLines(byte[] csv) {
        String text = new String(csv, StandardCharsets.UTF_8).replace("\uFEFF", "");
        return Arrays.stream(text.split("\r?\n")).filter(l -> !l.isBlank()).toList();
    }

    private ResultActions call(Actor actor, MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(authentication(OrganisationFixtures.authentication(actor))));
    }
}
