package org.inspectorate.organisation;

import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.assertj.core.api.Assertions;
import org.hamcrest.Matchers;
import org.inspectorate.support.Codes;
import org.inspectorate.support.DatabaseTest;
import org.inspectorate.system.PageRequest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.MockMvc;

/** The REST API for organisations and users: jurisdiction, separation of duties and problem+json errors. */
@DatabaseTest
class OrganisationApiTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Organisations organisations;

    @Autowired
    UserAccounts accounts;

    private Organisation org(OrganisationType type, Province province, Long parent) {
        return OrganisationFixtures.organisation(organisations, type, province, parent);
    }

    private static Authentication as(Organisation org, Role role) {
        return OrganisationFixtures.authentication(OrganisationFixtures.actor(org, role));
    }

    @Test
    void provincialOfficerGets404ForAnotherProvincesOrganisationAndListsOnlyTheirOwn() throws Exception {
        Organisation beijing = org(OrganisationType.PROVINCIAL_ADMINISTRATION, Province.BEIJING, null);
        Organisation shanghai = org(OrganisationType.INTERNET_ENTERPRISE, Province.SHANGHAI, null);
        Organisation own = org(OrganisationType.INTERNET_ENTERPRISE, Province.BEIJING, null);
        Authentication officer = as(beijing, Role.PROVINCIAL_OFFICER);

        mvc.perform(get("/api/v1/organisations/{id}", own.id()).with(authentication(officer)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.creditCode").value(own.creditCode().value()))
                .andExpect(jsonPath("$.provinceCode").value("110000"));
        mvc.perform(get("/api/v1/organisations/{id}", shanghai.id()).with(authentication(officer)))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/api/v1/organisations").param("size", "200").with(authentication(officer)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].provinceCode", everyItem(is("110000"))))
                .andExpect(jsonPath("$.items[*].id", not(hasItem((int) shanghai.id()))));
    }

    @Test
    void anOperatorSeesItsOwnTreeOnly() throws Exception {
        Organisation group = org(OrganisationType.BASIC_TELECOM_GROUP, null, null);
        Organisation subsidiary = org(OrganisationType.BASIC_TELECOM_PROVINCIAL, Province.JIANGSU, group.id());
        Organisation otherGroup = org(OrganisationType.BASIC_TELECOM_GROUP, null, null);
        Authentication admin = as(group, Role.OPERATOR_ADMIN);

        mvc.perform(get("/api/v1/organisations").with(authentication(admin)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(2));
        mvc.perform(get("/api/v1/organisations/{id}", subsidiary.id()).with(authentication(admin)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.parentId").value(group.id()));
        mvc.perform(get("/api/v1/organisations/{id}", otherGroup.id()).with(authentication(admin)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/organisations/{id}", subsidiary.id())
                        .with(authentication(as(subsidiary, Role.OPERATOR_STAFF))))
                .andExpect(status().isOk());
        mvc.perform(get("/api/v1/organisations/{id}", group.id())
                        .with(authentication(as(subsidiary, Role.OPERATOR_STAFF))))
                .andExpect(status().isNotFound());
    }

    @Test
    void registeringNeedsTheSystemAdministratorAndNamesEveryBadField() throws Exception {
        Organisation ministry = org(OrganisationType.MINISTRY_BUREAU, null, null);
        String body = """
                {"type":"INTERNET_ENTERPRISE","name":"API 登记 %s","creditCode":"%s","provinceCode":"320000"}"""
                .formatted(Codes.username("a"), Codes.creditCode("320000"));

        mvc.perform(post("/api/v1/organisations").contentType(MediaType.APPLICATION_JSON).content(body)
                        .with(authentication(as(ministry, Role.MINISTRY_OFFICER))))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(post("/api/v1/organisations").contentType(MediaType.APPLICATION_JSON).content(body)
                        .with(authentication(as(ministry, Role.SYSTEM_ADMIN))))
                .andExpect(status().isCreated())
                .andExpect(header().exists("Location"))
                .andExpect(jsonPath("$.provinceCode").value("320000"));
        mvc.perform(post("/api/v1/organisations").contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"type":"NOPE","name":"","creditCode":"91320000MA00000000","provinceCode":"999999"}""")
                        .with(authentication(as(ministry, Role.SYSTEM_ADMIN))))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[*].field", hasItem("creditCode")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("provinceCode")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("type")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("name")));
    }

    @Test
    void rolesThatMayNotUseTheDirectoryGet403ProblemJson() throws Exception {
        Organisation agency = org(OrganisationType.TESTING_AGENCY, null, null);
        Organisation ministry = org(OrganisationType.MINISTRY_BUREAU, null, null);

        mvc.perform(get("/api/v1/organisations").with(authentication(as(agency, Role.INSPECTOR))))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(403));
        mvc.perform(get("/api/v1/users").with(authentication(as(ministry, Role.AUDIT_ADMIN))))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/api/v1/organisations")).andExpect(status().isUnauthorized());
    }

    @Test
    void malformedJsonAnswers400ProblemJson() throws Exception {
        Organisation ministry = org(OrganisationType.MINISTRY_BUREAU, null, null);
        mvc.perform(post("/api/v1/organisations").contentType(MediaType.APPLICATION_JSON).content("{\"type\": ")
                        .with(authentication(as(ministry, Role.SYSTEM_ADMIN))))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("请求内容不是有效的JSON，或字段类型不正确"));
        mvc.perform(post("/api/v1/users").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"organisationId\": \"not a number\"}")
                        .with(authentication(as(ministry, Role.SYSTEM_ADMIN))))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void anOversizedBodyAnswers413ProblemJsonAndSavesNothing() throws Exception {
        Organisation ministry = org(OrganisationType.MINISTRY_BUREAU, null, null);
        String name = "巨大 " + Codes.username("big");
        String body = "{\"type\":\"INTERNET_ENTERPRISE\",\"name\":\"" + name + "\",\"contactName\":\""
                + "x".repeat(2 * 1024 * 1024) + "\"}";

        mvc.perform(post("/api/v1/organisations").contentType(MediaType.APPLICATION_JSON).content(body)
                        .with(authentication(as(ministry, Role.SYSTEM_ADMIN))))
                .andExpect(status().isPayloadTooLarge())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(413));
        Assertions.assertThat(organisations.search(OrganisationFixtures.REGISTRAR,
                new OrganisationQuery(name, null, null), PageRequest.first(5)).total()).isZero();
    }

    @Test
    void userApiCreatesListsAndNeverExposesSecrets() throws Exception {
        Organisation ministry = org(OrganisationType.MINISTRY_BUREAU, null, null);
        Organisation agency = org(OrganisationType.TESTING_AGENCY, null, null);
        String username = Codes.username("api");

        mvc.perform(post("/api/v1/users").contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"username":"%s","displayName":"接口用户","organisationId":%d,"initialPassword":"Kestrel#Meadow41"}"""
                                .formatted(username, agency.id()))
                        .with(authentication(as(ministry, Role.SYSTEM_ADMIN))))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.username").value(username))
                .andExpect(jsonPath("$.mustChangePassword").value(true))
                .andExpect(jsonPath("$.roles").isEmpty())
                .andExpect(jsonPath("$.passwordHash").doesNotExist())
                .andExpect(jsonPath("$.totpSecret").doesNotExist())
                .andExpect(content().string(not(Matchers.containsString("bcrypt"))));
        mvc.perform(post("/api/v1/users").contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"username":"%s","displayName":"重复","organisationId":%d,"initialPassword":"Kestrel#Meadow41"}"""
                                .formatted(username, agency.id()))
                        .with(authentication(as(ministry, Role.SYSTEM_ADMIN))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("username"))
                .andExpect(jsonPath("$.errors[0].code").value("user.username.duplicate"));
        mvc.perform(get("/api/v1/users").param("q", username).with(authentication(as(ministry, Role.SECURITY_ADMIN))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].organisationName").value(agency.name()));
    }

    @Test
    void aUserInTwoAdministratorRolesIsRejectedWith400NamingTheRolesField() throws Exception {
        Organisation ministry = org(OrganisationType.MINISTRY_BUREAU, null, null);
        UserAccount target = UserFixtures.account(accounts, ministry);
        Authentication security = as(ministry, Role.SECURITY_ADMIN);

        mvc.perform(put("/api/v1/users/{id}/roles", target.id()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"roles\":[\"SYSTEM_ADMIN\",\"AUDIT_ADMIN\"]}").with(authentication(security)))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("roles"))
                .andExpect(jsonPath("$.errors[0].code").value("user.role.twoAdministrators"))
                .andExpect(jsonPath("$.errors[0].message").value("一个账号不能同时担任“系统管理员”和“安全审计员”（三员分立）"));
        mvc.perform(put("/api/v1/users/{id}/roles", target.id()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"roles\":[\"AUDIT_ADMIN\"]}").with(authentication(security)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.roles[0]").value("AUDIT_ADMIN"));
        mvc.perform(put("/api/v1/users/{id}/roles", target.id()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"roles\":[\"MINISTRY_OFFICER\"]}")
                        .with(authentication(as(ministry, Role.SYSTEM_ADMIN))))
                .andExpect(status().isForbidden());
    }

    @Test
    void anOperatorAdministratorGets404ForAnotherOrganisationsAccount() throws Exception {
        Organisation operator = org(OrganisationType.INTERNET_ENTERPRISE, Province.TIANJIN, null);
        Organisation other = org(OrganisationType.INTERNET_ENTERPRISE, Province.TIANJIN, null);
        UserAccount own = UserFixtures.account(accounts, operator, Role.OPERATOR_STAFF);
        UserAccount foreign = UserFixtures.account(accounts, other, Role.OPERATOR_STAFF);
        Authentication admin = as(operator, Role.OPERATOR_ADMIN);

        mvc.perform(get("/api/v1/users/{id}", own.id()).with(authentication(admin))).andExpect(status().isOk());
        mvc.perform(get("/api/v1/users/{id}", foreign.id()).with(authentication(admin)))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/api/v1/users").with(authentication(admin)))
                .andExpect(jsonPath("$.items[*].organisationId", everyItem(is((int) operator.id()))));
    }
}
