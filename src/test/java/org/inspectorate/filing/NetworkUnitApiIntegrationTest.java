package org.inspectorate.filing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;

import org.inspectorate.organisation.Actor;
import org.inspectorate.organisation.OrganisationFixtures;
import org.inspectorate.organisation.OrganisationType;
import org.inspectorate.organisation.Organisations;
import org.inspectorate.organisation.Province;
import org.inspectorate.organisation.Role;
import org.inspectorate.support.DatabaseTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import com.jayway.jsonpath.JsonPath;

import tools.jackson.databind.json.JsonMapper;

@DatabaseTest
class NetworkUnitApiIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;
    @Autowired
    Organisations organisations;

    private Actor actor(OrganisationType type, Province province, Role role) {
        return OrganisationFixtures.actor(OrganisationFixtures.organisation(organisations, type, province, null), role);
    }

    private ResultActions call(Actor actor, MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(authentication(OrganisationFixtures.authentication(actor))));
    }

    private static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, Object body) {
        return request.contentType(MediaType.APPLICATION_JSON).content(JSON.writeValueAsString(body));
    }

    private static int intAt(MvcResult result, String path) throws Exception {
        return JsonPath.read(result.getResponse().getContentAsString(), path);
    }

    private MvcResult created(Actor operator, String name) throws Exception {
        return call(operator, json(post("/api/v1/network-units"), NetworkUnitFixtures.unitInput(name)))
                .andExpect(status().isCreated()).andReturn();
    }

    @Test
    void theWholeWorkflowRunsThroughTheApi() throws Exception {
        Actor operator = actor(OrganisationType.INTERNET_ENTERPRISE, Province.SHANDONG, Role.OPERATOR_ADMIN);
        Actor officer = actor(OrganisationType.PROVINCIAL_ADMINISTRATION, Province.SHANDONG, Role.PROVINCIAL_OFFICER);
        MvcResult created = created(operator, "接口门户");
        int id = intAt(created, "$.id");
        int version = intAt(created, "$.version");

        MvcResult submitted = call(operator, post("/api/v1/network-units/{id}/submit", id).param("version", "" + version))
                .andExpect(status().isOk()).andExpect(jsonPath("$.state").value("SUBMITTED"))
                .andExpect(jsonPath("$.authorityCode").value("370000")).andReturn();
        call(officer, get("/api/v1/filings/review-queue").param("size", "200"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.items[*].id", hasItem(id)));
        MvcResult returned = call(officer, json(post("/api/v1/filings/{id}/return", id),
                Map.of("version", intAt(submitted, "$.version"), "reasons", "缺少拓扑说明")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.state").value("RETURNED"))
                .andExpect(jsonPath("$.lastDecisionReasons").value("缺少拓扑说明")).andReturn();
        MvcResult corrected = call(operator, json(put("/api/v1/network-units/{id}", id)
                .param("version", "" + intAt(returned, "$.version")), NetworkUnitFixtures.unitInput("接口门户（补正）")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.currentVersionNo").value(2)).andReturn();
        MvcResult resubmitted = call(operator, post("/api/v1/network-units/{id}/submit", id)
                .param("version", "" + intAt(corrected, "$.version"))).andExpect(status().isOk()).andReturn();
        call(officer, json(post("/api/v1/filings/{id}/accept", id), Map.of("version", intAt(resubmitted, "$.version"))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("FILED"))
                .andExpect(jsonPath("$.filingNumber", matchesPattern("370000-\\d{4}-\\d{6}")));
        call(operator, get("/api/v1/network-units/{id}/versions", id)).andExpect(status().isOk())
                .andExpect(jsonPath("$[0].state").value("FILED")).andExpect(jsonPath("$[1].state").value("RETURNED"));
    }

    @Test
    void anotherOrganisationsOperatorGets404FromEveryEndpoint() throws Exception {
        Actor operator = actor(OrganisationType.INTERNET_ENTERPRISE, Province.HENAN, Role.OPERATOR_ADMIN);
        Actor stranger = actor(OrganisationType.INTERNET_ENTERPRISE, Province.HENAN, Role.OPERATOR_ADMIN);
        MvcResult created = created(operator, "他人的单元");
        int id = intAt(created, "$.id");

        call(stranger, get("/api/v1/network-units/{id}", id)).andExpect(status().isNotFound());
        call(stranger, get("/api/v1/network-units/{id}/versions", id)).andExpect(status().isNotFound());
        call(stranger, json(put("/api/v1/network-units/{id}", id).param("version", "0"), NetworkUnitFixtures.unitInput("x")))
                .andExpect(status().isNotFound());
        call(stranger, post("/api/v1/network-units/{id}/submit", id).param("version", "0"))
                .andExpect(status().isNotFound());
        call(stranger, post("/api/v1/network-units/{id}/decommission", id).param("version", "0"))
                .andExpect(status().isNotFound());
        call(stranger, json(post("/api/v1/filings/{id}/accept", id), Map.of("version", 0)))
                .andExpect(status().isNotFound());
        call(stranger, json(post("/api/v1/filings/{id}/return", id), Map.of("version", 0, "reasons", "x")))
                .andExpect(status().isNotFound());
        call(stranger, get("/api/v1/network-units").param("size", "200"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.items[*].id", not(hasItem(id))));
    }

    @Test
    void officersOutsideTheRoutedAuthorityGet404() throws Exception {
        Actor operator = actor(OrganisationType.INTERNET_ENTERPRISE, Province.HENAN, Role.OPERATOR_ADMIN);
        Actor group = actor(OrganisationType.BASIC_TELECOM_GROUP, null, Role.OPERATOR_ADMIN);
        Actor henan = actor(OrganisationType.PROVINCIAL_ADMINISTRATION, Province.HENAN, Role.PROVINCIAL_OFFICER);
        Actor hebei = actor(OrganisationType.PROVINCIAL_ADMINISTRATION, Province.HEBEI, Role.PROVINCIAL_OFFICER);
        int local = intAt(created(operator, "省内单元"), "$.id");
        int national = intAt(created(group, "集团单元"), "$.id");
        call(operator, post("/api/v1/network-units/{id}/submit", local).param("version", "0")).andExpect(status().isOk());
        call(group, post("/api/v1/network-units/{id}/submit", national).param("version", "0")).andExpect(status().isOk());

        call(hebei, get("/api/v1/network-units/{id}", local)).andExpect(status().isNotFound());
        call(hebei, json(post("/api/v1/filings/{id}/accept", local), Map.of("version", 1)))
                .andExpect(status().isNotFound());
        call(hebei, json(post("/api/v1/filings/{id}/return", local), Map.of("version", 1, "reasons", "x")))
                .andExpect(status().isNotFound());
        call(hebei, get("/api/v1/filings/review-queue").param("size", "200"))
                .andExpect(jsonPath("$.items[*].id", not(hasItem(local))));
        call(henan, json(post("/api/v1/filings/{id}/accept", national), Map.of("version", 1)))
                .andExpect(status().isNotFound());
        call(henan, get("/api/v1/filings/review-queue").param("size", "200"))
                .andExpect(jsonPath("$.items[*].id", hasItem(local)))
                .andExpect(jsonPath("$.items[*].id", not(hasItem(national))));
    }

    @Test
    void badInputAnswers400NamingTheField() throws Exception {
        Actor operator = actor(OrganisationType.INTERNET_ENTERPRISE, Province.HAINAN, Role.OPERATOR_STAFF);
        expectFieldError(operator, NetworkUnitFixtures.unitInput("a", "3.3",
                List.of()), "gradeLevel", "filing.level.invalid");
        expectFieldError(operator, NetworkUnitFixtures.unitInput("a", "6",
                List.of()), "gradeLevel", "filing.level.invalid");
        expectFieldError(operator, NetworkUnitFixtures.unitInput("a", "2",
                List.of(new AssetInput("CIDR", "10.1.2.3/16", null))),
                "assets[0].value", "filing.asset.cidr.hostBits");
        expectFieldError(operator, NetworkUnitFixtures.unitInput("a", "2",
                List.of(new AssetInput("CIDR", "10.0.0.0/40", null))),
                "assets[0].value", "filing.asset.cidr.prefix");
        expectFieldError(operator, NetworkUnitFixtures.unitInput("a", "2",
                List.of(new AssetInput("DOMAIN", "-bad-.cn", null))),
                "assets[0].value", "filing.asset.domain.invalid");
        expectFieldError(operator, NetworkUnitFixtures.unitInput("a", "2",
                List.of(new AssetInput("URL", "file:///etc/passwd", null))),
                "assets[0].value", "filing.asset.url.scheme");
    }

    private void expectFieldError(Actor operator, UnitInput input, String field, String code) throws Exception {
        call(operator, json(post("/api/v1/network-units"), input))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value(field))
                .andExpect(jsonPath("$.errors[0].code").value(code));
    }

    @Test
    void editingUnderReviewAndDecidingTwiceAnswer409() throws Exception {
        Actor operator = actor(OrganisationType.INTERNET_ENTERPRISE, Province.JIANGXI, Role.OPERATOR_ADMIN);
        Actor first = actor(OrganisationType.PROVINCIAL_ADMINISTRATION, Province.JIANGXI, Role.PROVINCIAL_OFFICER);
        Actor second = actor(OrganisationType.PROVINCIAL_ADMINISTRATION, Province.JIANGXI, Role.PROVINCIAL_OFFICER);
        int id = intAt(created(operator, "审核中"), "$.id");
        MvcResult submitted = call(operator, post("/api/v1/network-units/{id}/submit", id).param("version", "0"))
                .andExpect(status().isOk()).andReturn();
        int version = intAt(submitted, "$.version");

        call(operator, json(put("/api/v1/network-units/{id}", id).param("version", "" + version),
                NetworkUnitFixtures.unitInput("改名"))).andExpect(status().isConflict());
        call(first, json(post("/api/v1/filings/{id}/accept", id), Map.of("version", version)))
                .andExpect(status().isOk());
        MvcResult lost = call(second, json(post("/api/v1/filings/{id}/return", id),
                Map.of("version", version, "reasons", "晚了一步"))).andExpect(status().isConflict()).andReturn();
        assertThat(lost.getResponse().getContentType()).contains("application/problem+json");
    }

    @Test
    void theApiIsDocumentedInOpenApi() throws Exception {
        mvc.perform(get("/v3/api-docs")).andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/v1/network-units'].post.summary").exists())
                .andExpect(jsonPath("$.paths['/api/v1/filings/{id}/accept'].post").exists())
                .andExpect(jsonPath("$.paths['/api/v1/filings/review-queue'].get").exists());
    }
}
