package org.inspectorate.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.inspectorate.ingest.ImportFixtures.item;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

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
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import java.nio.charset.StandardCharsets;
import org.hamcrest.Matchers;
import org.inspectorate.system.PageRequest;

/** The upload form's operator picker: who sees it, what it lists, and what it lets through. */
@DatabaseTest
class ImportPagesIntegrationTest {

    @Autowired
    ImportJobs jobs;
    @Autowired
    Organisations organisations;
    @Autowired
    NetworkUnits units;
    @Autowired
    MockMvc mvc;

    Organisation tibetOperator;
    Organisation qinghaiOperator;
    Organisation tibetAdministration;
    Actor operator;
    Actor tibetOfficer;
    long portal;
    long foreignUnit;

    @BeforeEach
    void setUp() {
        tibetOperator = OrganisationFixtures.organisation(organisations, OrganisationType.INTERNET_ENTERPRISE,
                Province.TIBET, null);
        qinghaiOperator = OrganisationFixtures.organisation(organisations, OrganisationType.INTERNET_ENTERPRISE,
                Province.QINGHAI, null);
        tibetAdministration = OrganisationFixtures.organisation(organisations,
                OrganisationType.PROVINCIAL_ADMINISTRATION, Province.TIBET, null);
        operator = OrganisationFixtures.actor(tibetOperator, Role.OPERATOR_ADMIN);
        tibetOfficer = OrganisationFixtures.actor(tibetAdministration, Role.PROVINCIAL_OFFICER);
        portal = unit(operator, "拉萨门户", "203.0.113.5");
        foreignUnit = unit(OrganisationFixtures.actor(qinghaiOperator, Role.OPERATOR_ADMIN), "西宁门户", "192.0.2.7");
    }

    private long unit(Actor actor, String name, String ip) {
        return units.create(actor, NetworkUnitFixtures.unitInput(name, "PORTAL", "3.1",
                List.of(NetworkUnitFixtures.ipAddress(ip)))).id();
    }

    @Test
    void anOperatorsPageHasNoOperatorFieldAndListsItsOwnUnits() throws Exception {
        call(operator, get("/imports")).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("id=\"import-organisation\""))))
                .andExpect(content().string(not(containsString("name=\"organisation\""))))
                .andExpect(content().string(containsString("拉萨门户")));
    }

    @Test
    void aProvincialOfficersPageListsOnlyTheOperatorsOfTheirProvince() throws Exception {
        call(tibetOfficer, get("/imports")).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"import-organisation\"")))
                .andExpect(content().string(containsString(tibetOperator.name())))
                .andExpect(content().string(not(containsString(qinghaiOperator.name()))))
                .andExpect(content().string(not(containsString(tibetAdministration.name()))))
                .andExpect(content().string(not(containsString("拉萨门户"))));
        call(tibetOfficer, get("/imports/operators").param("q", tibetOperator.name())).andExpect(status().isOk())
                .andExpect(content().string(containsString("value=\"" + tibetOperator.id() + "\"")));
        call(tibetOfficer, get("/imports/operators").param("q", qinghaiOperator.name())).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("value=\"" + qinghaiOperator.id() + "\""))))
                .andExpect(content().string(containsString("import-operators-none")));
    }

    @Test
    void theUnitsOfAChosenOperatorAreListedAndThoseOfAnOperatorOutsideTheJurisdictionAreNotFound() throws Exception {
        call(tibetOfficer, get("/imports/units").param("organisation", Long.toString(tibetOperator.id())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("value=\"" + portal + "\"")));
        call(tibetOfficer, get("/imports/units").param("organisation", Long.toString(qinghaiOperator.id())))
                .andExpect(status().isNotFound());
        call(tibetOfficer, get("/imports/units").param("organisation", Long.toString(tibetAdministration.id())))
                .andExpect(status().isNotFound());
        call(tibetOfficer, get("/imports/operators").param("organisation", Long.toString(qinghaiOperator.id())))
                .andExpect(status().isNotFound());
    }

    @Test
    void anUploadNamingTheChosenOperatorImportsIntoIt() throws Exception {
        String location = upload(tibetOfficer, "organisation", Long.toString(tibetOperator.id()), "units",
                Long.toString(portal)).andExpect(status().is3xxRedirection())
                .andReturn().getResponse().getRedirectedUrl();
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        ImportJob job = await(tibetOfficer, id);
        assertThat(job.organisationId()).isEqualTo(tibetOperator.id());
        assertThat(job.state()).isEqualTo(ImportState.SUCCEEDED);
        assertThat(job.created()).isEqualTo(1);
    }

    @Test
    void aRegulatorsUploadWithoutAnOperatorIsRefusedAtTheOperatorField() throws Exception {
        upload(tibetOfficer).andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("id=\"import-organisation-error\"")))
                .andExpect(content().string(containsString("is-invalid")));
        upload(tibetOfficer, "organisation", Long.toString(tibetAdministration.id())).andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("id=\"import-organisation-error\"")));
        String boundary = "----import" + System.nanoTime();
        call(tibetOfficer, post("/api/v1/imports").contentType("multipart/form-data; boundary=" + boundary)
                .content(ImportFixtures.multipart(boundary, "scan.nessus", report())))
                .andExpect(status().isBadRequest())
                .andExpect(header().string("Content-Type", containsString("application/problem+json")))
                .andExpect(jsonPath("$.errors[0].field").value("organisation"));
    }

    @Test
    void aRegulatorsUploadForAnOperatorOutsideTheJurisdictionIsNotFound() throws Exception {
        upload(tibetOfficer, "organisation", Long.toString(qinghaiOperator.id())).andExpect(status().isNotFound());
        upload(tibetOfficer, "organisation", Long.toString(tibetOperator.id()), "units", Long.toString(foreignUnit))
                .andExpect(status().isNotFound());
    }

    @Test
    void thePlainFormPutsItsTokenBeforeTheFile() throws Exception {
        String page = call(operator, get("/imports")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();

        assertThat(page).contains("name=\"_csrf\"");
        assertThat(page.indexOf("name=\"_csrf\"")).isLessThan(page.indexOf("name=\"file\""));
    }

    @Test
    void aPlainFormUploadWithItsTokenAsAFieldAndNoHeaderIsImported() throws Exception {
        String location = call(operator, post("/imports").with(formToken(null, report())))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();

        ImportJob job = await(operator, Long.parseLong(location.substring(location.lastIndexOf('/') + 1)));
        assertThat(job.state()).isEqualTo(ImportState.SUCCEEDED);
        assertThat(job.created()).isEqualTo(1);
    }

    @Test
    void aPlainFormUploadWithAWrongOrMissingTokenIsRefusedAsAnExpiredFormAndNothingIsQueued() throws Exception {
        long before = jobs.list(operator, new PageRequest(0, 100, "createdAt", false))
                .total();
        call(operator, post("/imports").with(formToken("not-the-token", report())))
                .andExpect(status().isForbidden())
                .andExpect(content().string(containsString("上传表单已过期")));
        String boundary = "----import" + System.nanoTime();
        call(operator, post("/imports").contentType("multipart/form-data; boundary=" + boundary)
                .content(ImportFixtures.multipart(boundary, "scan.nessus", report())))
                .andExpect(status().isForbidden())
                .andExpect(content().string(containsString("上传表单已过期")));
        assertThat(jobs.list(operator, new PageRequest(0, 100, "createdAt", false)).total())
                .isEqualTo(before);
    }

    @Test
    void aTokenAfterTheFileIsRefusedBeforeTheFileIsRead() throws Exception {
        String boundary = "----import" + System.nanoTime();
        byte[] body = ImportFixtures.multipart(boundary, "scan.nessus", report());
        String tail = "--" + boundary + "--\r\n";
        call(operator, post("/imports").with(request -> {
            csrf().postProcessRequest(request);
            String token = request.getParameter("_csrf");
            request.removeParameter("_csrf");
            String text = new String(body, StandardCharsets.UTF_8);
            request.setContent(text.replace(tail, "--" + boundary + "\r\nContent-Disposition: form-data; "
                    + "name=\"_csrf\"\r\n\r\n" + token + "\r\n" + tail).getBytes(StandardCharsets.UTF_8));
            request.setContentType("multipart/form-data; boundary=" + boundary);
            return request;
        })).andExpect(status().isForbidden());
    }

    @Test
    void aFailedCsvNamesTheSeverityAtFaultOnThePageAndInTheApi() throws Exception {
        String boundary = "----import" + System.nanoTime();
        byte[] csv = "host,title,severity\n203.0.113.5,t,urgent\n".getBytes(StandardCharsets.UTF_8);
        String location = call(operator, post("/imports").with(csrf().asHeader())
                .contentType("multipart/form-data; boundary=" + boundary)
                .content(ImportFixtures.multipart(boundary, "scan.csv", csv)))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        assertThat(await(operator, id).state()).isEqualTo(ImportState.FAILED);

        call(operator, get("/imports/" + id)).andExpect(status().isOk())
                .andExpect(content().string(containsString("危险等级“urgent”无效")))
                .andExpect(content().string(containsString("第 2 行，第 3 列")))
                .andExpect(content().string(not(containsString("[L"))))
                .andExpect(content().string(not(containsString("100%"))));
        call(operator, get("/api/v1/imports/" + id).header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("FAILED"))
                .andExpect(jsonPath("$.errorKey").value("ingest.parse.csv-severity-invalid"))
                .andExpect(jsonPath("$.detail").value(containsString("Severity \"urgent\" is invalid")))
                .andExpect(jsonPath("$.detail").value(containsString("line 2, column 3")))
                .andExpect(jsonPath("$.error.key").value("ingest.parse.csv-severity-invalid"))
                .andExpect(jsonPath("$.error.line").value(2))
                .andExpect(jsonPath("$.error.column").value(3))
                .andExpect(jsonPath("$.error.value").value("urgent"))
                .andExpect(jsonPath("$.percent").value(Matchers.lessThan(100)));
        call(operator, get("/api/v1/imports/" + id))
                .andExpect(jsonPath("$.detail").value(containsString("危险等级“urgent”无效")));
    }

    /**
     * The body a browser without JavaScript posts: the session's token as the {@code _csrf} field before the
     * file, no header; {@code token} replaces the right one when given.
     */
    private static RequestPostProcessor formToken(String token, byte[] report) {
        return request -> {
            csrf().postProcessRequest(request);
            String value = token != null ? token : request.getParameter("_csrf");
            request.removeParameter("_csrf");
            String boundary = "----import" + System.nanoTime();
            request.setContentType("multipart/form-data; boundary=" + boundary);
            request.setContent(ImportFixtures.multipart(boundary, "scan.nessus", report, "_csrf", value));
            return request;
        };
    }

    private static byte[] report() {
        return ImportFixtures.nessus(List.of(item("203.0.113.5", 80, 1, "x")));
    }

    private ResultActions upload(Actor actor, String... fields) throws Exception {
        String boundary = "----import" + System.nanoTime();
        return call(actor, post("/imports").with(csrf().asHeader()).contentType("multipart/form-data; boundary=" + boundary)
                .content(ImportFixtures.multipart(boundary, "scan.nessus", report(), fields)));
    }

    private ImportJob await(Actor actor, long id) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 60_000;
        ImportJob job = jobs.get(actor, id);
        while (job.state().active() && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
            job = jobs.get(actor, id);
        }
        assertThat(job.state().active()).as("import %d still %s", id, job.state()).isFalse();
        return job;
    }

    private ResultActions call(Actor actor, MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(authentication(OrganisationFixtures.authentication(actor))));
    }
}
