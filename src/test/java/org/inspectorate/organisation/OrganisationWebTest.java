package org.inspectorate.organisation;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.assertj.core.api.Assertions;
import org.inspectorate.support.Codes;
import org.inspectorate.support.DatabaseTest;
import org.inspectorate.system.PageRequest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** The organisation and account pages: jurisdiction, roles, htmx fragments and field-level messages. */
@DatabaseTest
class OrganisationWebTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Organisations organisations;

    @Autowired
    UserAccounts accounts;

    private Organisation org(OrganisationType type, Province province, Long parent) {
        return OrganisationFixtures.organisation(organisations, type, province, parent);
    }

    @Test
    void provincialOfficerIsRefusedAnotherProvincesOrganisationPageWith404() throws Exception {
        Organisation beijing = org(OrganisationType.PROVINCIAL_ADMINISTRATION, Province.BEIJING, null);
        Organisation own = org(OrganisationType.INTERNET_ENTERPRISE, Province.BEIJING, null);
        Organisation shanghai = org(OrganisationType.INTERNET_ENTERPRISE, Province.SHANGHAI, null);
        Actor officer = OrganisationFixtures.actor(beijing, Role.PROVINCIAL_OFFICER);

        mvc.perform(get("/organisations/{id}", own.id()).with(authentication(OrganisationFixtures.authentication(officer))))
                .andExpect(status().isOk()).andExpect(content().string(containsString(own.name())));
        mvc.perform(get("/organisations/{id}", shanghai.id())
                        .with(authentication(OrganisationFixtures.authentication(officer))))
                .andExpect(status().isNotFound());
        mvc.perform(get("/organisations").param("q", shanghai.name())
                        .with(authentication(OrganisationFixtures.authentication(officer))))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("/organisations/" + shanghai.id() + "\""))))
                .andExpect(content().string(containsString("id=\"org-empty\"")));
    }

    @Test
    void anHtmxRequestGetsOnlyTheResultsFragmentWithTotalAndPaging() throws Exception {
        Organisation ministry = org(OrganisationType.MINISTRY_BUREAU, null, null);
        String marker = Codes.username("hx");
        for (int i = 0; i < 3; i++) {
            organisations.register(OrganisationFixtures.REGISTRAR, new OrganisationInput("INTERNET_ENTERPRISE",
                    marker + " 公司" + i, Codes.creditCode("440000"), "440000", null, null, null, null));
        }
        Actor officer = OrganisationFixtures.actor(ministry, Role.MINISTRY_OFFICER);

        mvc.perform(get("/organisations").param("q", marker).param("type", "INTERNET_ENTERPRISE")
                        .param("province", "440000").param("size", "2").param("sort", "name").param("dir", "desc")
                        .header("HX-Request", "true")
                        .with(authentication(OrganisationFixtures.authentication(officer))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"results\"")))
                .andExpect(content().string(not(containsString("<nav class=\"navbar"))))
                .andExpect(content().string(containsString("共 3 条")))
                .andExpect(content().string(containsString(marker + " 公司2")))
                .andExpect(content().string(not(containsString(marker + " 公司0"))))
                .andExpect(content().string(containsString("id=\"page-next\"")))
                .andExpect(content().string(containsString("href=\"/organisations?q=" + marker
                        + "&amp;type=INTERNET_ENTERPRISE&amp;province=440000&amp;size=2&amp;sort=name&amp;dir=desc&amp;page=1\"")));
    }

    @Test
    void roleNavigationShowsOnlyTheLinksTheRoleMayUse() throws Exception {
        Organisation ministry = org(OrganisationType.MINISTRY_BUREAU, null, null);
        Organisation agency = org(OrganisationType.TESTING_AGENCY, null, null);

        mvc.perform(get("/").with(authentication(OrganisationFixtures.authentication(
                        OrganisationFixtures.actor(ministry, Role.SYSTEM_ADMIN)))))
                .andExpect(content().string(containsString("id=\"nav-organisations\"")))
                .andExpect(content().string(containsString("id=\"nav-users\"")))
                .andExpect(content().string(not(containsString("id=\"nav-audit\""))));
        mvc.perform(get("/").with(authentication(OrganisationFixtures.authentication(
                        OrganisationFixtures.actor(ministry, Role.AUDIT_ADMIN)))))
                .andExpect(content().string(not(containsString("id=\"nav-organisations\""))))
                .andExpect(content().string(not(containsString("id=\"nav-users\""))))
                .andExpect(content().string(containsString("id=\"nav-audit\"")));
        mvc.perform(get("/").with(authentication(OrganisationFixtures.authentication(
                        OrganisationFixtures.actor(agency, Role.INSPECTOR)))))
                .andExpect(content().string(not(containsString("id=\"nav-organisations\""))))
                .andExpect(content().string(not(containsString("id=\"nav-users\""))));
    }

    @Test
    void pagesRefuseRolesThatMayNotUseThemWith403() throws Exception {
        Organisation ministry = org(OrganisationType.MINISTRY_BUREAU, null, null);
        Organisation agency = org(OrganisationType.TESTING_AGENCY, null, null);
        Organisation operator = org(OrganisationType.INTERNET_ENTERPRISE, Province.BEIJING, null);
        var inspector = OrganisationFixtures.authentication(OrganisationFixtures.actor(agency, Role.INSPECTOR));
        var auditor = OrganisationFixtures.authentication(OrganisationFixtures.actor(ministry, Role.AUDIT_ADMIN));
        var staff = OrganisationFixtures.authentication(OrganisationFixtures.actor(operator, Role.OPERATOR_STAFF));
        var officer = OrganisationFixtures.authentication(OrganisationFixtures.actor(ministry, Role.MINISTRY_OFFICER));
        var security = OrganisationFixtures.authentication(OrganisationFixtures.actor(ministry, Role.SECURITY_ADMIN));

        mvc.perform(get("/organisations").with(authentication(inspector))).andExpect(status().isForbidden());
        mvc.perform(get("/organisations").with(authentication(auditor))).andExpect(status().isForbidden());
        mvc.perform(get("/users").with(authentication(staff))).andExpect(status().isForbidden());
        mvc.perform(get("/users").with(authentication(officer))).andExpect(status().isForbidden());
        mvc.perform(get("/organisations/new").with(authentication(officer))).andExpect(status().isForbidden());
        mvc.perform(get("/users/new").with(authentication(security))).andExpect(status().isForbidden());
        mvc.perform(post("/organisations").with(csrf()).with(authentication(security)).param("name", "x"))
                .andExpect(status().isForbidden());
    }

    @Test
    void theRegisterFormShowsEachMessageBesideItsFieldAndSavesNothing() throws Exception {
        Organisation ministry = org(OrganisationType.MINISTRY_BUREAU, null, null);
        var admin = OrganisationFixtures.authentication(OrganisationFixtures.actor(ministry, Role.SYSTEM_ADMIN));
        String name = "无效单位 " + Codes.username("bad");

        mvc.perform(get("/organisations/new").with(authentication(admin)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("北京市")))
                .andExpect(content().string(containsString("基础电信企业集团公司")));
        mvc.perform(post("/organisations").with(csrf()).with(authentication(admin))
                        .param("type", "VALUE_ADDED_TELECOM").param("name", name)
                        .param("creditCode", "91110000MA00000000").param("provinceCode", "999999")
                        .param("licenceNumber", "京X9-1").param("parentId", ""))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("id=\"creditCode-error\">统一社会信用代码校验位不正确")))
                .andExpect(content().string(containsString("id=\"provinceCode-error\">未知的省份代码：999999")))
                .andExpect(content().string(containsString("id=\"licenceNumber-error\">许可证编号格式应如")))
                .andExpect(content().string(containsString("value=\"" + name + "\"")));
        Assertions.assertThat(organisations.search(OrganisationFixtures.REGISTRAR,
                new OrganisationQuery(name, null, null), PageRequest.first(5)).total()).isZero();
    }

    @Test
    void theSystemAdministratorRegistersAnOrganisationThroughTheForm() throws Exception {
        Organisation ministry = org(OrganisationType.MINISTRY_BUREAU, null, null);
        var admin = OrganisationFixtures.authentication(OrganisationFixtures.actor(ministry, Role.SYSTEM_ADMIN));

        mvc.perform(post("/organisations").with(csrf()).with(authentication(admin))
                        .param("type", "INTERNET_ENTERPRISE").param("name", "表单登记 " + Codes.username("f"))
                        .param("creditCode", Codes.creditCode("330000")).param("provinceCode", "330000")
                        .param("contactPhone", "0571-8888 6666"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrlPattern("/organisations/*"));
    }

    @Test
    void theAccountPagesAreScopedAndOfferOnlyWhatTheRoleMayDo() throws Exception {
        Organisation ministry = org(OrganisationType.MINISTRY_BUREAU, null, null);
        Organisation operator = org(OrganisationType.INTERNET_ENTERPRISE, Province.BEIJING, null);
        Organisation other = org(OrganisationType.INTERNET_ENTERPRISE, Province.BEIJING, null);
        UserAccount target = UserFixtures.account(accounts, ministry, Role.MINISTRY_OFFICER);
        UserAccount foreign = UserFixtures.account(accounts, other, Role.OPERATOR_STAFF);
        var security = OrganisationFixtures.authentication(OrganisationFixtures.actor(ministry, Role.SECURITY_ADMIN));
        var system = OrganisationFixtures.authentication(OrganisationFixtures.actor(ministry, Role.SYSTEM_ADMIN));
        var operatorAdmin = OrganisationFixtures.authentication(OrganisationFixtures.actor(operator, Role.OPERATOR_ADMIN));

        mvc.perform(get("/users/{id}", target.id()).with(authentication(security)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"roles-form\"")))
                .andExpect(content().string(not(containsString("id=\"enabled-form\""))));
        mvc.perform(get("/users/{id}", target.id()).with(authentication(system)))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("id=\"roles-form\""))))
                .andExpect(content().string(containsString("id=\"enabled-form\"")));
        mvc.perform(get("/users/{id}", foreign.id()).with(authentication(operatorAdmin)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/users").param("q", foreign.username()).with(authentication(operatorAdmin)))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("/users/" + foreign.id() + "\""))))
                .andExpect(content().string(containsString("id=\"user-empty\"")));
        mvc.perform(post("/users/{id}/roles", target.id()).with(csrf()).with(authentication(security))
                        .param("roles", "MINISTRY_OFFICER", "AUDIT_ADMIN"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("不能与业务角色")));
    }

    @Test
    void theNewAccountFormNamesEachBadFieldAndNeverEchoesThePassword() throws Exception {
        Organisation ministry = org(OrganisationType.MINISTRY_BUREAU, null, null);
        var system = OrganisationFixtures.authentication(OrganisationFixtures.actor(ministry, Role.SYSTEM_ADMIN));

        mvc.perform(post("/users").with(csrf()).with(authentication(system))
                        .param("username", "x").param("displayName", "某人").param("organisationId", "")
                        .param("initialPassword", "secret-9"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("id=\"username-error\">用户名须为")))
                .andExpect(content().string(containsString("id=\"organisationId-error\">请选择所属单位")))
                .andExpect(content().string(containsString("id=\"initialPassword-error\">密码至少需要 10 个字符")))
                .andExpect(content().string(not(containsString("secret-9"))));
    }
}
