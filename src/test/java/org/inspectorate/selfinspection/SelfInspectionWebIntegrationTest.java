package org.inspectorate.selfinspection;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.inspectorate.campaign.Campaigns;
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
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import com.jayway.jsonpath.JsonPath;

import tools.jackson.databind.json.JsonMapper;

/** Every self-inspection page and API endpoint, for the roles that may and may not use it. */
@DatabaseTest
class SelfInspectionWebIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;
    @Autowired
    SelfInspections selfInspections;
    @Autowired
    Campaigns campaigns;
    @Autowired
    Organisations organisations;
    @Autowired
    NetworkUnits units;
    @Autowired
    Clock clock;

    Actor ministry;
    Actor operator;
    Actor officer;
    Actor otherOfficer;
    Actor otherOperator;
    Actor inspector;
    long unitId;
    String code;

    @BeforeEach
    void setUp() {
        ministry = OrganisationFixtures.actor(OrganisationFixtures.organisation(organisations,
                OrganisationType.MINISTRY_BUREAU, null, null), Role.MINISTRY_OFFICER);
        Organisation group = OrganisationFixtures.organisation(organisations, OrganisationType.BASIC_TELECOM_GROUP,
                Province.BEIJING, null);
        Organisation company = OrganisationFixtures.organisation(organisations, OrganisationType.BASIC_TELECOM_PROVINCIAL,
                Province.FUJIAN, group.id());
        operator = OrganisationFixtures.actor(company, Role.OPERATOR_ADMIN);
        otherOperator = OrganisationFixtures.actor(OrganisationFixtures.organisation(organisations,
                OrganisationType.INTERNET_ENTERPRISE, Province.FUJIAN, null), Role.OPERATOR_ADMIN);
        officer = OrganisationFixtures.actor(OrganisationFixtures.organisation(organisations,
                OrganisationType.PROVINCIAL_ADMINISTRATION, Province.FUJIAN, null), Role.PROVINCIAL_OFFICER);
        otherOfficer = OrganisationFixtures.actor(OrganisationFixtures.organisation(organisations,
                OrganisationType.PROVINCIAL_ADMINISTRATION, Province.JIANGXI, null), Role.PROVINCIAL_OFFICER);
        inspector = OrganisationFixtures.actor(OrganisationFixtures.organisation(organisations,
                OrganisationType.TESTING_AGENCY, null, null), Role.INSPECTOR);
        unitId = SelfInspectionFixtures.unit(units, operator);
        code = SelfInspectionFixtures.campaign(campaigns, ministry, LocalDate.now(clock).plusDays(10));
    }

    private ResultActions call(Actor actor, AbstractMockHttpServletRequestBuilder<?> request) throws Exception {
        return mvc.perform(request.with(authentication(OrganisationFixtures.authentication(actor))).with(csrf()));
    }

    private static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, Object body) {
        return request.contentType(MediaType.APPLICATION_JSON).content(JSON.writeValueAsString(body));
    }

    /** A submitted workspace with evidence on D24-01: its id and the evidence id. */
    private long[] submitted() {
        selfInspections.answer(operator, code, "PWD-01", AnswerInput.of("COMPLIANT", null));
        selfInspections.answer(operator, code, "VUL-01", new AnswerInput("NOT_COMPLIANT", "Log4j", null, "HIGH",
                "VULNERABILITY", unitId, null, null, null, SelfInspectionsIntegrationTest.CRITICAL));
        long id = selfInspections.answer(operator, code, "D24-01", AnswerInput.of("COMPLIANT", null)).workspace().id();
        long evidence = selfInspections.attachEvidence(operator, code, "D24-01", "rules.txt",
                "规则".getBytes(StandardCharsets.UTF_8)).id();
        selfInspections.saveReport(operator, code, "工作概况", null);
        selfInspections.submit(operator, code);
        return new long[] {id, evidence};
    }

    @Test
    void theOperatorAnswersThroughThePageAndSeesFieldMessages() throws Exception {
        call(operator, get("/self-inspections")).andExpect(status().isOk())
                .andExpect(content().string(containsString("open-" + code)));
        call(operator, get("/self-inspections/campaigns/{c}", code)).andExpect(status().isOk())
                .andExpect(content().string(containsString("answer-form-VUL-01")));
        call(operator, post("/self-inspections/campaigns/{c}/items/{i}", code, "VUL-01").param("answer", "NOT_COMPLIANT"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("id=\"severity-error\"")))
                .andExpect(content().string(containsString("id=\"networkUnitId-error\"")));
        call(operator, post("/self-inspections/campaigns/{c}/items/{i}", code, "VUL-01").param("answer", "NOT_COMPLIANT")
                .param("severity", "HIGH").param("category", "VULNERABILITY").param("networkUnitId", String.valueOf(unitId)))
                .andExpect(status().is3xxRedirection());
        call(operator, get("/self-inspections/campaigns/{c}", code))
                .andExpect(content().string(containsString("finding-link-VUL-01")));
        call(operator, post("/self-inspections/campaigns/{c}/submit", code)).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"answers-error\"")));
        call(operator, post("/self-inspections/campaigns/{c}/report", code).param("overview", "概况"))
                .andExpect(status().is3xxRedirection());
    }

    @Test
    void everyPageAnswers404OutsideTheJurisdictionOrRole() throws Exception {
        long[] ids = submitted();
        long id = ids[0];
        String evidence = "/self-inspections/reports/" + id + "/items/D24-01/evidence/" + ids[1];
        for (Actor stranger : List.of(otherOfficer, otherOperator, inspector)) {
            call(stranger, get("/self-inspections/reports/{id}", id)).andExpect(status().isNotFound());
            call(stranger, get("/self-inspections/reports/{id}/report.docx", id)).andExpect(status().isNotFound());
            call(stranger, get("/self-inspections/reports/{id}/report.pdf", id)).andExpect(status().isNotFound());
            call(stranger, get(evidence)).andExpect(status().isNotFound());
            call(stranger, post("/self-inspections/reports/{id}/accept", id)).andExpect(status().isNotFound());
            call(stranger, post("/self-inspections/reports/{id}/return", id).param("reason", "x"))
                    .andExpect(status().isNotFound());
        }
        for (Actor notOperator : List.of(officer, ministry, inspector)) {
            call(notOperator, get("/self-inspections/campaigns/{c}", code)).andExpect(status().isNotFound());
            call(notOperator, post("/self-inspections/campaigns/{c}/items/{i}", code, "PWD-01").param("answer", "COMPLIANT"))
                    .andExpect(status().isNotFound());
            call(notOperator, multipart("/self-inspections/campaigns/{c}/items/{i}/evidence", code, "PWD-01")
                    .file(new MockMultipartFile("file", "a.txt", "text/plain", "x".getBytes(StandardCharsets.UTF_8))))
                    .andExpect(status().isNotFound());
            call(notOperator, post("/self-inspections/campaigns/{c}/report", code).param("overview", "x"))
                    .andExpect(status().isNotFound());
            call(notOperator, post("/self-inspections/campaigns/{c}/submit", code)).andExpect(status().isNotFound());
        }
        for (Actor notRegulator : List.of(operator, inspector)) {
            call(notRegulator, get("/self-inspections/status").param("campaign", code)).andExpect(status().isNotFound());
            call(notRegulator, get("/self-inspections/status.xlsx").param("campaign", code))
                    .andExpect(status().isNotFound());
        }
        call(inspector, get("/self-inspections")).andExpect(status().isNotFound());
        call(officer, get("/self-inspections")).andExpect(redirectedUrl("/self-inspections/status"));
    }

    @Test
    void theRecipientSeesReviewsAndDownloadsWithinItsJurisdiction() throws Exception {
        long[] ids = submitted();
        long id = ids[0];
        call(officer, get("/self-inspections/status").param("campaign", code)).andExpect(status().isOk())
                .andExpect(content().string(containsString("/self-inspections/reports/" + id)));
        call(officer, get("/self-inspections/status.xlsx").param("campaign", code)).andExpect(status().isOk())
                .andExpect(header().string("Content-Type", containsString("spreadsheetml")));
        call(ministry, get("/self-inspections/reports/{id}", id)).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("accept-report"))));
        call(officer, get("/self-inspections/reports/{id}", id)).andExpect(status().isOk())
                .andExpect(content().string(containsString("accept-report")));
        call(officer, get("/self-inspections/reports/{id}/report.docx", id)).andExpect(status().isOk())
                .andExpect(header().string("Content-Type", containsString("wordprocessingml")));
        call(officer, get("/self-inspections/reports/{id}/items/D24-01/evidence/{e}", id, ids[1]))
                .andExpect(status().isOk()).andExpect(header().string("X-Content-Type-Options", "nosniff"));
        call(officer, post("/self-inspections/reports/{id}/return", id)).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"reason-error\"")));
        call(officer, post("/self-inspections/reports/{id}/accept", id)).andExpect(status().is3xxRedirection());
        call(officer, post("/self-inspections/reports/{id}/accept", id)).andExpect(status().is3xxRedirection())
                .andExpect(flash()
                        .attribute("conflict", containsString("ACCEPTED")));
    }

    @Test
    void theApiAnswersSubmitsAndReviewsWithProblemDetails() throws Exception {
        call(operator, get("/api/v1/self-inspections/campaigns/{c}", code)).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("NOT_STARTED")).andExpect(jsonPath("$.items.length()").value(3));
        call(operator, json(put("/api/v1/self-inspections/campaigns/{c}/items/{i}", code, "VUL-01"),
                Map.of("answer", "NOT_COMPLIANT")))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[*].field", hasItem("networkUnitId")));
        call(operator, json(put("/api/v1/self-inspections/campaigns/{c}/items/{i}", code, "VUL-01"),
                Map.of("answer", "NOT_COMPLIANT", "severity", "HIGH", "category", "VULNERABILITY", "networkUnitId", unitId,
                        "cvssVector", SelfInspectionsIntegrationTest.CRITICAL)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.items[1].findingStatus").value("OPEN"));
        for (String item : List.of("PWD-01", "D24-01")) {
            call(operator, json(put("/api/v1/self-inspections/campaigns/{c}/items/{i}", code, item),
                    Map.of("answer", "NOT_APPLICABLE"))).andExpect(status().isOk());
        }
        call(operator, post("/api/v1/self-inspections/campaigns/{c}/submit", code)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("overview"));
        call(operator, json(put("/api/v1/self-inspections/campaigns/{c}/report", code), Map.of("overview", "概况")))
                .andExpect(status().isOk());
        String body = call(operator, post("/api/v1/self-inspections/campaigns/{c}/submit", code))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("SUBMITTED"))
                .andExpect(jsonPath("$.recipientProvince").value(Province.FUJIAN.code()))
                .andReturn().getResponse().getContentAsString();
        int id = JsonPath.read(body, "$.id");
        call(operator, post("/api/v1/self-inspections/campaigns/{c}/submit", code)).andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail", containsString("SUBMITTED")));
        call(otherOfficer, get("/api/v1/self-inspections/{id}", id)).andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        call(officer, json(post("/api/v1/self-inspections/{id}/return", id), Map.of("reason", "请补充")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("RETURNED"));
        call(officer, get("/api/v1/self-inspections/status").param("campaign", code).param("status", "RETURNED"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.items[*].workspaceId", hasItem(id)));
    }

    @Test
    void everyApiEndpointAnswers404OutsideTheJurisdictionOrRole() throws Exception {
        long[] ids = submitted();
        long id = ids[0];
        for (Actor stranger : List.of(otherOfficer, otherOperator, inspector)) {
            for (String path : List.of("/api/v1/self-inspections/" + id, "/api/v1/self-inspections/" + id + "/report.docx",
                    "/api/v1/self-inspections/" + id + "/report.pdf",
                    "/api/v1/self-inspections/" + id + "/items/D24-01/evidence/" + ids[1])) {
                call(stranger, get(path)).andExpect(status().isNotFound())
                        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
            }
            call(stranger, post("/api/v1/self-inspections/{id}/accept", id)).andExpect(status().isNotFound());
            call(stranger, json(post("/api/v1/self-inspections/{id}/return", id), Map.of("reason", "x")))
                    .andExpect(status().isNotFound());
        }
        for (Actor notOperator : List.of(officer, ministry, inspector)) {
            call(notOperator, get("/api/v1/self-inspections/campaigns/{c}", code)).andExpect(status().isNotFound());
            call(notOperator, json(put("/api/v1/self-inspections/campaigns/{c}/items/{i}", code, "PWD-01"),
                    Map.of("answer", "COMPLIANT"))).andExpect(status().isNotFound());
            call(notOperator, multipart("/api/v1/self-inspections/campaigns/{c}/items/{i}/evidence", code, "PWD-01")
                    .file(new MockMultipartFile("file", "a.txt", "text/plain", "x".getBytes(StandardCharsets.UTF_8))))
                    .andExpect(status().isNotFound());
            call(notOperator, json(put("/api/v1/self-inspections/campaigns/{c}/report", code), Map.of("overview", "x")))
                    .andExpect(status().isNotFound());
            call(notOperator, post("/api/v1/self-inspections/campaigns/{c}/submit", code)).andExpect(status().isNotFound());
        }
        for (Actor notRegulator : List.of(operator, inspector)) {
            call(notRegulator, get("/api/v1/self-inspections/status").param("campaign", code))
                    .andExpect(status().isNotFound());
        }
        call(officer, get("/api/v1/self-inspections/{id}", id)).andExpect(status().isOk());
        call(ministry, get("/api/v1/self-inspections/{id}", id)).andExpect(status().isOk());
        call(operator, get("/api/v1/self-inspections/{id}", id)).andExpect(status().isOk());
    }
}
