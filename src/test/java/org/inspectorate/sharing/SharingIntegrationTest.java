package org.inspectorate.sharing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Set;

import org.inspectorate.campaign.Campaigns;
import org.inspectorate.filing.NetworkUnits;
import org.inspectorate.finding.Findings;
import org.inspectorate.organisation.Actor;
import org.inspectorate.organisation.OrganisationFixtures;
import org.inspectorate.organisation.Organisations;
import org.inspectorate.organisation.UserAccounts;
import org.inspectorate.selfinspection.SelfInspections;
import org.inspectorate.support.DatabaseTest;
import org.inspectorate.support.FixedStartClock;
import org.inspectorate.system.ConflictException;
import org.inspectorate.system.InvalidInputException;
import org.inspectorate.system.NotFoundException;
import org.inspectorate.system.PageRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Data requests end to end on a real database: the grant is a jurisdiction of its own — per record type, inside
 * the approved scope 200, outside 404, after the end date 404 (the test clock moved on), after revocation 404 —
 * through the API, with every read recorded for the operator.
 */
@DatabaseTest
class SharingIntegrationTest {

    @Autowired
    DataRequests requests;
    @Autowired
    SharedData shared;
    @Autowired
    Organisations organisations;
    @Autowired
    UserAccounts accounts;
    @Autowired
    NetworkUnits units;
    @Autowired
    Findings findings;
    @Autowired
    Campaigns campaigns;
    @Autowired
    SelfInspections selfInspections;
    @Autowired
    MockMvc mvc;
    @Autowired
    Clock clock;

    SharingFixture f;
    LocalDate today;

    @BeforeEach
    void setUp() {
        today = LocalDate.now(clock);
        f = new SharingFixture(organisations, accounts, units, findings, campaigns, selfInspections, today);
    }

    private ResultActions call(Actor actor, MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(authentication(OrganisationFixtures.authentication(actor))).with(csrf()));
    }

    private static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String body) {
        return request.contentType(MediaType.APPLICATION_JSON).content(body);
    }

    /** The police's request, approved by the Beijing officer for {@code scope} for 30 days. */
    private long approved(DataScope scope) {
        long id = requests.request(f.police, f.everything(today), false).id();
        requests.approve(f.officer, id, scope, today.plusDays(30));
        return id;
    }

    @Test
    void findingsInsideTheNarrowedScopeAnswer200OthersAndAfterTheEndDate404() throws Exception {
        long id = approved(SharingFixture.weakPasswordsOnly());
        String base = "/api/v1/grants/" + id + "/findings";
        call(f.police, get(base)).andExpect(status().isOk())
                .andExpect(jsonPath("$.items.length()").value(1))
                .andExpect(jsonPath("$.items[0].id").value(f.weakPassword));
        call(f.police, get(base + "/" + f.weakPassword)).andExpect(status().isOk())
                .andExpect(jsonPath("$.title").value("管理后台弱口令"));
        call(f.police, get(base + "/" + f.vulnerability)).andExpect(status().isNotFound());
        call(f.police, get(base + "/" + f.otherFinding)).andExpect(status().isNotFound());
        // filings and reports were asked for but not approved: outside the grant
        call(f.police, get("/api/v1/grants/" + id + "/units")).andExpect(status().isNotFound());
        call(f.police, get("/api/v1/grants/" + id + "/reports")).andExpect(status().isNotFound());
        try (var later = FixedStartClock.travel(Duration.ofDays(31))) {
            call(f.police, get(base + "/" + f.weakPassword)).andExpect(status().isNotFound());
            call(f.police, get(base)).andExpect(status().isNotFound());
            call(f.police, get("/api/v1/grants/" + id)).andExpect(status().isNotFound());
            assertThat(requests.get(f.police, id).state()).isEqualTo(DataRequestState.EXPIRED);
            assertThat(requests.expireDue()).isGreaterThanOrEqualTo(1);
        }
        assertThat(requests.get(f.operator, id).state()).isEqualTo(DataRequestState.EXPIRED);
    }

    @Test
    void filingsInsideTheGrantAnswer200AnotherOperatorsUnitAndAfterTheEndDate404() throws Exception {
        long id = approved(new DataScope(true, false, false, Set.of(), Set.of()));
        call(f.police, get("/api/v1/grants/" + id + "/units")).andExpect(status().isOk())
                .andExpect(jsonPath("$.items.length()").value(1))
                .andExpect(jsonPath("$.items[0].id").value(f.unit.id()));
        call(f.police, get("/api/v1/grants/" + id + "/units/" + f.unit.id())).andExpect(status().isOk());
        call(f.police, get("/api/v1/grants/" + id + "/units/" + f.otherUnit)).andExpect(status().isNotFound());
        call(f.police, get("/api/v1/grants/" + id + "/findings")).andExpect(status().isNotFound());
        try (var later = FixedStartClock.travel(Duration.ofDays(31))) {
            call(f.police, get("/api/v1/grants/" + id + "/units/" + f.unit.id())).andExpect(status().isNotFound());
        }
    }

    @Test
    void reportsInsideTheGrantAnswer200OutsideItsPeriodAndAfterTheEndDate404() throws Exception {
        long id = approved(new DataScope(false, false, true, Set.of(), Set.of()));
        call(f.police, get("/api/v1/grants/" + id + "/reports")).andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].overview").value("自查工作概况"));
        call(f.police, get("/api/v1/grants/" + id + "/reports/" + f.report)).andExpect(status().isOk());
        call(f.police, get("/api/v1/grants/" + id + "/reports/987654321")).andExpect(status().isNotFound());
        try (var later = FixedStartClock.travel(Duration.ofDays(31))) {
            call(f.police, get("/api/v1/grants/" + id + "/reports/" + f.report)).andExpect(status().isNotFound());
        }
        // a request whose period ended before the report was submitted does not reach it
        DataRequestInput old = new DataRequestInput(f.operatorOrg.creditCode().value(), "核查", "依据",
                Set.of(RecordType.SELF_INSPECTION_REPORTS), Set.of(), Set.of(), today.minusDays(90),
                today.minusDays(1), today.plusDays(10), null);
        long earlier = requests.request(f.police, old, false).id();
        requests.approve(f.officer, earlier, old.scope(), today.plusDays(10));
        call(f.police, get("/api/v1/grants/" + earlier + "/reports/" + f.report)).andExpect(status().isNotFound());
    }

    @Test
    void theAdministrationRevokesAtOnceAndTheOperatorSeesTheGrantAndEachAccess() throws Exception {
        long id = approved(SharingFixture.weakPasswordsOnly());
        shared.finding(f.police, id, f.weakPassword);
        shared.findings(f.police, id, PageRequest.first(20));
        DataRequestView seen = requests.get(f.operator, id);
        assertThat(seen.granted()).isEqualTo(SharingFixture.weakPasswordsOnly());
        assertThat(seen.grantedUntil()).isEqualTo(today.plusDays(30));
        call(f.operator, get("/api/v1/data-requests/" + id + "/accesses")).andExpect(status().isOk())
                .andExpect(jsonPath("$.items.length()").value(2))
                .andExpect(jsonPath("$.items[1].recordId").value(f.weakPassword))
                .andExpect(jsonPath("$.items[1].readerName").value(f.police.username()));

        call(f.police, json(post("/api/v1/data-requests/" + id + "/revoke"), "{\"reasons\":\"x\"}"))
                .andExpect(status().isNotFound());
        call(f.officer, json(post("/api/v1/data-requests/" + id + "/revoke"), "{\"reasons\":\"案件已办结\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.state").value("REVOKED"));
        call(f.police, get("/api/v1/grants/" + id + "/findings/" + f.weakPassword)).andExpect(status().isNotFound());
        assertThatThrownBy(() -> shared.findings(f.police, id, PageRequest.first(20)))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void aRequestWithoutEndDateOrLegalBasisOrBeyondTheDataIsRefusedWholeAndNothingIsSaved() throws Exception {
        long before = requests.list(f.police, PageRequest.first(50)).total();
        call(f.police, json(post("/api/v1/data-requests"), """
                {"operatorCreditCode":"%s","purpose":"核查","legalBasis":" ","records":["FINDINGS","SPOT_CHECK_REPORTS"],
                 "periodFrom":"%s","periodTo":"%s"}""".formatted(f.operatorOrg.creditCode().value(),
                today.minusDays(10), today.plusDays(5))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == 'legalBasis')]").exists())
                .andExpect(jsonPath("$.errors[?(@.field == 'accessUntil')]").exists())
                .andExpect(jsonPath("$.errors[?(@.field == 'periodTo')]").exists())
                .andExpect(jsonPath("$.errors[?(@.field == 'records')]").exists());
        assertThat(requests.list(f.police, PageRequest.first(50)).total()).isEqualTo(before);
    }

    @Test
    void aRequestForAnOperatorOfAnotherProvinceIsRefusedAndAnotherProvincesOfficerCannotDecide() {
        DataRequestInput in = f.everything(today);
        Actor shanghaiPolice = OrganisationFixtures.actor(OrganisationFixtures.organisation(organisations,
                org.inspectorate.organisation.OrganisationType.OTHER_DEPARTMENT,
                org.inspectorate.organisation.Province.SHANGHAI, null),
                org.inspectorate.organisation.Role.OTHER_DEPARTMENT_USER);
        assertThatThrownBy(() -> requests.request(shanghaiPolice, in, false))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .anySatisfy(p -> assertThat(p.code()).isEqualTo("sharing.request.otherProvince")));
        long id = requests.request(f.police, in, false).id();
        assertThatThrownBy(() -> requests.approve(f.shanghaiOfficer, id, in.scope(), today.plusDays(5)))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> requests.approve(f.ministry, id, in.scope(), today.plusDays(5)))
                .isInstanceOf(NotFoundException.class);
        assertThat(requests.get(f.officer, id).state()).isEqualTo(DataRequestState.SUBMITTED);
    }

    @Test
    void anOperatorAskedDirectlyCannotMarkDataSharedBeforeTheAdministrationConsents() {
        DataRequestInput in = new DataRequestInput(null, "公安机关现场调取", "《网络安全法》第二十八条",
                Set.of(RecordType.FINDINGS), Set.of(), Set.of(), today.minusDays(30), today, today.plusDays(10),
                "北京市公安局朝阳分局");
        long id = requests.record(f.operator, in).id();
        assertThat(requests.get(f.officer, id).state()).isEqualTo(DataRequestState.SUBMITTED);
        assertThatThrownBy(() -> requests.markShared(f.operator, id)).isInstanceOf(ConflictException.class);
        requests.approve(f.officer, id, in.scope(), today.plusDays(10));
        assertThat(requests.markShared(f.operator, id).state()).isEqualTo(DataRequestState.SHARED);
        // the operator's recorded request grants nothing to read in the system
        assertThatThrownBy(() -> shared.grant(f.police, id)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void theAdministrationProvidesAWatermarkedPackageThatOnlyItDownloads() throws Exception {
        long id = requests.request(f.police, f.everything(today), false).id();
        call(f.officer, post("/api/v1/data-requests/" + id + "/provide")).andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("PROVIDED"));
        byte[] xlsx = call(f.officer, get("/api/v1/data-requests/" + id + "/package.xlsx"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx))) {
            assertThat(book.getNumberOfSheets()).isEqualTo(3);
            var sheet = book.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).contains(f.police.username(), "#" + id);
            assertThat(sheet.getHeader().getCenter()).contains(f.police.username());
            assertThat(book.getSheetAt(1).getPhysicalNumberOfRows()).isEqualTo(2 + 2); // watermark, header, 2 findings
        }
        call(f.police, get("/api/v1/data-requests/" + id + "/package.xlsx")).andExpect(status().isNotFound());
        call(f.operator, get("/api/v1/data-requests/" + id + "/accesses")).andExpect(status().isOk())
                .andExpect(jsonPath("$.items.length()").value(3));
    }
}
