package org.inspectorate.filing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Locale;

import org.inspectorate.organisation.Actor;
import org.inspectorate.organisation.OrganisationFixtures;
import org.inspectorate.organisation.OrganisationType;
import org.inspectorate.organisation.Organisations;
import org.inspectorate.organisation.Province;
import org.inspectorate.organisation.Role;
import org.inspectorate.support.DatabaseTest;
import org.inspectorate.system.PageRequest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

@DatabaseTest
class NetworkUnitPagesIntegrationTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Organisations organisations;
    @Autowired
    NetworkUnits units;

    private Actor actor(OrganisationType type, Province province, Role role) {
        return OrganisationFixtures.actor(OrganisationFixtures.organisation(organisations, type, province, null), role);
    }

    private ResultActions as(Actor actor, MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(authentication(OrganisationFixtures.authentication(actor)))
                .with(csrf()).locale(Locale.SIMPLIFIED_CHINESE));
    }

    private static MockHttpServletRequestBuilder unitForm(MockHttpServletRequestBuilder request, String name,
            String cidr) {
        return unitForm(request, name, cidr, 0);
    }

    private static MockHttpServletRequestBuilder unitForm(MockHttpServletRequestBuilder request, String name,
            String cidr, int version) {
        return request.param("name", name).param("category", "DNS").param("responsiblePerson", "李四")
                .param("responsibleContact", "13800000000").param("gradeLevel", "3.2")
                .param("gradingReasoning", "影响社会秩序").param("gradingReviewedOn", "2026-01-31")
                .param("lifecycleStage", "ONLINE").param("version", "" + version)
                .param("assets[0].kind", "CIDR").param("assets[0].value", cidr).param("assets[0].openPorts", "53");
    }

    @Test
    void operatorFilesAUnitOfficerReturnsItOperatorCorrectsOfficerAcceptsAndTheFilingNumberIsShown() throws Exception {
        Actor operator = actor(OrganisationType.INTERNET_ENTERPRISE, Province.FUJIAN, Role.OPERATOR_ADMIN);
        Actor officer = actor(OrganisationType.PROVINCIAL_ADMINISTRATION, Province.FUJIAN, Role.PROVINCIAL_OFFICER);

        as(operator, get("/network-units/new")).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"unit-form\"")));
        as(operator, unitForm(post("/network-units"), "页面单元", "198.51.100.7/24"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"assets0-value-error\"")))
                .andExpect(content().string(containsString("198.51.100.0/24")));
        String location = as(operator, unitForm(post("/network-units"), "页面单元", "198.51.100.0/24"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));

        as(operator, get("/network-units/{id}", id)).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"submit-unit\"")));
        as(operator, post("/network-units/{id}/submit", id).param("version", "0")).andExpect(status().is3xxRedirection());

        as(officer, get("/filings/review-queue")).andExpect(status().isOk())
                .andExpect(content().string(containsString("页面单元")));
        int version = units.get(operator, id).version();
        as(officer, post("/filings/{id}/return", id).param("version", "" + version).param("reasons", " "))
                .andExpect(status().isOk()).andExpect(content().string(containsString("id=\"reasons-error\"")));
        as(officer, post("/filings/{id}/return", id).param("version", "" + version).param("reasons", "请补充端口说明"))
                .andExpect(status().is3xxRedirection());
        as(operator, get("/network-units/{id}", id)).andExpect(content().string(containsString("请补充端口说明")));

        version = units.get(operator, id).version();
        as(operator, unitForm(post("/network-units/{id}", id), "页面单元（补正）", "198.51.100.0/24", version))
                .andExpect(status().is3xxRedirection());
        assertThat(units.get(operator, id).currentVersionNo()).isEqualTo(2);
        version = units.get(operator, id).version();
        as(operator, post("/network-units/{id}/submit", id).param("version", "" + version))
                .andExpect(status().is3xxRedirection());
        version = units.get(operator, id).version();
        as(officer, post("/filings/{id}/accept", id).param("version", "" + version))
                .andExpect(status().is3xxRedirection());

        String number = units.get(operator, id).filingNumber();
        assertThat(number).startsWith("350000-");
        as(operator, get("/network-units/{id}", id)).andExpect(status().isOk())
                .andExpect(content().string(containsString(number)));
        as(operator, get("/network-units/{id}/compare", id).param("from", "1").param("to", "2"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("页面单元（补正）")));
    }

    @Test
    void anAcceptedFilingsPageSaysItsNumberAndAStaleButtonSaysWhyItWasRefused() throws Exception {
        Actor operator = actor(OrganisationType.INTERNET_ENTERPRISE, Province.FUJIAN, Role.OPERATOR_ADMIN);
        Actor officer = actor(OrganisationType.PROVINCIAL_ADMINISTRATION, Province.FUJIAN, Role.PROVINCIAL_OFFICER);
        NetworkUnit unit = units.create(operator, NetworkUnitFixtures.unitInput("结果提示单元"));
        int version = units.submit(operator, unit.id(), unit.version()).version();

        MvcResult accepted = as(officer, post("/filings/{id}/accept", unit.id()).param("version", "" + version))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("done", "filing.accepted.done")).andReturn();
        String number = units.get(operator, unit.id()).filingNumber();
        as(officer, get("/network-units/{id}", unit.id()).flashAttrs(accepted.getFlashMap()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"flash-done\"")))
                .andExpect(content().string(containsString(number)));

        MvcResult stale = as(operator, post("/network-units/{id}/submit", unit.id()).param("version", "" + version))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attributeExists("conflict")).andReturn();
        as(operator, get("/network-units/{id}", unit.id()).flashAttrs(stale.getFlashMap()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"flash-conflict\"")));
        // a return the filing's state refuses goes back to the unit with the reason, as a button's conflict does
        as(officer, post("/filings/{id}/return", unit.id()).param("version", "" + version).param("reasons", "晚了"))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attributeExists("conflict"));
    }

    @Test
    void anotherOrganisationsOperatorAndAnotherProvincesOfficerGet404Pages() throws Exception {
        Actor operator = actor(OrganisationType.INTERNET_ENTERPRISE, Province.SHAANXI, Role.OPERATOR_ADMIN);
        Actor stranger = actor(OrganisationType.INTERNET_ENTERPRISE, Province.SHAANXI, Role.OPERATOR_ADMIN);
        Actor elsewhere = actor(OrganisationType.PROVINCIAL_ADMINISTRATION, Province.NINGXIA, Role.PROVINCIAL_OFFICER);
        NetworkUnit unit = units.create(operator, NetworkUnitFixtures.unitInput("陕西单元"));
        int version = units.submit(operator, unit.id(), unit.version()).version();

        as(stranger, get("/network-units/{id}", unit.id())).andExpect(status().isNotFound());
        as(stranger, get("/network-units/{id}/edit", unit.id())).andExpect(status().isNotFound());
        as(stranger, post("/network-units/{id}/submit", unit.id()).param("version", "" + version))
                .andExpect(status().isNotFound());
        as(elsewhere, get("/network-units/{id}", unit.id())).andExpect(status().isNotFound());
        as(elsewhere, post("/filings/{id}/accept", unit.id()).param("version", "" + version))
                .andExpect(status().isNotFound());
        as(elsewhere, get("/filings/review-queue")).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("陕西单元"))));
    }

    @Test
    void administratorsAndInspectorsHaveNoRegistryListNorReviewQueue() throws Exception {
        Actor auditor = actor(OrganisationType.MINISTRY_BUREAU, null, Role.AUDIT_ADMIN);
        Actor inspector = actor(OrganisationType.TESTING_AGENCY, null, Role.INSPECTOR);
        Actor operator = actor(OrganisationType.INTERNET_ENTERPRISE, Province.BEIJING, Role.OPERATOR_ADMIN);
        for (Actor outsider : new Actor[] {auditor, inspector}) {
            mvc.perform(get("/network-units").with(authentication(OrganisationFixtures.authentication(outsider))))
                    .andExpect(status().isForbidden());
            mvc.perform(get("/filings/review-queue").with(authentication(OrganisationFixtures.authentication(outsider))))
                    .andExpect(status().isForbidden());
        }
        mvc.perform(get("/filings/review-queue").with(authentication(OrganisationFixtures.authentication(operator))))
                .andExpect(status().isForbidden());
    }

    @Test
    void theListShowsAnEmptyStateFiltersAndAnswersHtmxWithTheFragment() throws Exception {
        Actor operator = actor(OrganisationType.INTERNET_ENTERPRISE, Province.GUANGXI, Role.OPERATOR_STAFF);
        as(operator, get("/network-units")).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"units-empty\"")));
        units.create(operator, NetworkUnitFixtures.unitInput("广西门户"));
        as(operator, get("/network-units").param("level", "3.1").param("state", "DRAFT"))
                .andExpect(content().string(containsString("广西门户")));
        as(operator, get("/network-units").param("level", "5")).andExpect(content().string(not(containsString("广西门户"))));
        as(operator, get("/network-units").header("HX-Request", "true").param("sort", "name").param("asc", "true"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("广西门户")))
                .andExpect(content().string(not(containsString("<nav class=\"navbar"))));
        assertThat(units.list(operator, UnitQuery.all(), PageRequest.first(10)).total()).isEqualTo(1);
    }

    @Test
    void theAssetsEditorAddsAndRemovesRowsWithoutSaving() throws Exception {
        Actor operator = actor(OrganisationType.INTERNET_ENTERPRISE, Province.GUIZHOU, Role.OPERATOR_ADMIN);
        as(operator, unitForm(post("/network-units"), "编辑器", "192.0.2.0/24").param("addAsset", "1"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("name=\"assets[1].value\"")));
        as(operator, unitForm(post("/network-units"), "编辑器", "192.0.2.0/24").param("removeAsset", "0"))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("name=\"assets[0].value\""))));
        assertThat(units.list(operator, UnitQuery.all(), PageRequest.first(10)).total()).isZero();
    }
}
