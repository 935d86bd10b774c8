package org.inspectorate.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
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

/** The imports list at scale: newest first by cursor under inserts, bounded total, exports and their reach. */
@DatabaseTest
class ImportListIntegrationTest {

    private static final Province HOME = Province.NINGXIA;
    private static final Province OTHER = Province.GUANGXI;

    @Autowired
    MockMvc mvc;
    @Autowired
    Organisations organisations;
    @Autowired
    ImportJobs jobs;
    @Autowired
    NamedParameterJdbcTemplate named;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Clock clock;

    private ResultActions call(Actor actor, AbstractMockHttpServletRequestBuilder<?> request) throws Exception {
        return mvc.perform(request.with(authentication(OrganisationFixtures.authentication(actor))));
    }

    /** {@code count} finished imports of the organisation, files {@code prefix-i}, one minute apart, oldest first. */
    private void imports(Organisation org, String prefix, int count, Instant from) {
        BulkRows.insert(named, """
                INSERT INTO import_job (organisation_id, report_format, file_name, state, created_by, created_at,
                    heartbeat_at, node_id, bytes_total, bytes_read, count_new)
                VALUES (:org, 'NESSUS', :file, 'SUCCEEDED', 'lists-test', :at, :at, 'test', 10, 10, 1)""", count,
                i -> Map.of("org", org.id(), "file", prefix + "-" + i + ".nessus",
                        "at", Timestamp.from(from.plus(Duration.ofMinutes(i)))));
    }

    private Organisation operator(Province province) {
        return OrganisationFixtures.organisation(organisations, OrganisationType.INTERNET_ENTERPRISE, province, null);
    }

    private List<String> csvFiles(Actor actor, String q) throws Exception {
        return CsvRows.firstColumn(call(actor, get("/imports/export.csv").param("q", q)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray());
    }

    @Test
    void theImportsListPagesNewestFirstByCursorAndAnImportQueuedMeanwhileDoesNotShiftIt() {
        String token = BulkRows.token();
        Organisation org = operator(HOME);
        Actor operator = OrganisationFixtures.actor(org, Role.OPERATOR_ADMIN);
        Instant start = clock.instant().minus(Duration.ofDays(1));
        imports(org, token, 5, start);
        ImportListQuery query = new ImportListQuery(null, token);
        PageResult<ImportJob> page = jobs.list(operator, query, new PageRequest(0, 2, "createdAt", false));
        assertThat(page.items()).extracting(ImportJob::fileName)
                .containsExactly(token + "-4.nessus", token + "-3.nessus");

        imports(org, token + "-new", 1, clock.instant()); // newer than everything: page 1's business, not page 2's
        List<String> rest = new ArrayList<>();
        while (page.next() != null) {
            page = jobs.list(operator, query, new PageRequest(page.page() + 1, 2, "createdAt", false, page.next()));
            page.items().forEach(j -> rest.add(j.fileName()));
        }
        assertThat(rest).containsExactly(token + "-2.nessus", token + "-1.nessus", token + "-0.nessus");
    }

    @Test
    void theImportsExportHoldsTheListAndOnlyTheActorsJurisdictionAndIsAudited() throws Exception {
        String token = BulkRows.token();
        Organisation home = operator(HOME);
        Organisation other = operator(OTHER);
        Instant start = clock.instant().minus(Duration.ofDays(2));
        imports(home, token + "-home", 4, start);
        imports(other, token + "-other", 3, start);
        Actor operator = OrganisationFixtures.actor(home, Role.OPERATOR_ADMIN);
        Actor officer = OrganisationFixtures.actor(OrganisationFixtures.organisation(organisations,
                OrganisationType.PROVINCIAL_ADMINISTRATION, OTHER, null), Role.PROVINCIAL_OFFICER);
        Actor ministry = OrganisationFixtures.actor(OrganisationFixtures.organisation(organisations,
                OrganisationType.MINISTRY_BUREAU, null, null), Role.MINISTRY_OFFICER);

        assertThat(csvFiles(operator, token)).hasSize((int) jobs.list(operator, new ImportListQuery(null, token),
                PageRequest.first(20)).total()).hasSize(4).allMatch(f -> f.startsWith(token + "-home"));
        assertThat(csvFiles(officer, token)).hasSize(3).allMatch(f -> f.startsWith(token + "-other"));
        assertThat(csvFiles(ministry, token)).hasSize(7);
        byte[] xlsx = call(operator, get("/imports/export.xlsx").param("q", token)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            assertThat(wb.getSheetAt(0).getLastRowNum()).isEqualTo(4);
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE action = 'import.list.exported' AND actor = :a")
                .param("a", operator.username()).query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void rolesThatDoNotImportAreAnsweredNotFoundOnTheListItsApiItsDownloadAndItsPickersNotAnEmptyList()
            throws Exception {
        Organisation regulator = OrganisationFixtures.organisation(organisations, OrganisationType.MINISTRY_BUREAU, null,
                null);
        Organisation agency = OrganisationFixtures.organisation(organisations, OrganisationType.TESTING_AGENCY, null,
                null);
        for (Actor outsider : List.of(OrganisationFixtures.actor(regulator, Role.SYSTEM_ADMIN),
                OrganisationFixtures.actor(regulator, Role.AUDIT_ADMIN),
                OrganisationFixtures.actor(agency, Role.INSPECTOR))) {
            for (String path : List.of("/imports", "/api/v1/imports", "/imports/export.csv", "/imports/operators",
                    "/imports/units")) {
                call(outsider, get(path)).andExpect(status().isNotFound());
            }
        }
        Actor operator = OrganisationFixtures.actor(operator(HOME), Role.OPERATOR_ADMIN);
        call(operator, get("/api/v1/imports")).andExpect(status().isOk());
    }

    @Test
    void moreThanTenThousandImportsShowAsTenThousandPlusInBothLanguagesAndAllAreExported() throws Exception {
        String token = BulkRows.token();
        Organisation org = operator(HOME);
        Actor operator = OrganisationFixtures.actor(org, Role.OPERATOR_ADMIN);
        imports(org, token, Total.CAP + 1, clock.instant().minus(Duration.ofDays(30)));

        assertThat(call(operator, get("/imports").param("lang", "zh-CN")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString()).contains("10,000 条以上");
        assertThat(call(operator, get("/imports").param("lang", "en")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString()).contains("More than 10,000");
        assertThat(csvFiles(operator, token)).hasSize(Total.CAP + 1).doesNotHaveDuplicates();
    }

    @Test
    void anEmptyFilterSaysNothingMatchesInTheUsersLanguage() throws Exception {
        Actor operator = OrganisationFixtures.actor(operator(HOME), Role.OPERATOR_ADMIN);
        assertThat(call(operator, get("/imports").param("q", "no-such-file").param("lang", "en"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString())
                .contains("No import matches the filter.");
    }
}
