package org.inspectorate.finding;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;

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
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;

@DatabaseTest
class FindingPagesIntegrationTest {

    @Autowired
    Clock clock;
    @Autowired
    MockMvc mvc;
    @Autowired
    Organisations organisations;
    @Autowired
    NetworkUnits units;
    @Autowired
    Findings findings;
    @Autowired
    FindingEvidence evidence;

    Actor operator;
    Actor otherOperator;
    Actor officer;
    long unitId;

    @BeforeEach
    void setUp() {
        Organisation org = OrganisationFixtures.organisation(organisations, OrganisationType.INTERNET_ENTERPRISE,
                Province.HUBEI, null);
        operator = OrganisationFixtures.actor(org, Role.OPERATOR_STAFF);
        otherOperator = OrganisationFixtures.actor(OrganisationFixtures.organisation(organisations,
                OrganisationType.INTERNET_ENTERPRISE, Province.HUBEI, null), Role.OPERATOR_ADMIN);
        officer = OrganisationFixtures.actor(OrganisationFixtures.organisation(organisations,
                OrganisationType.PROVINCIAL_ADMINISTRATION, Province.HUBEI, null), Role.PROVINCIAL_OFFICER);
        unitId = units.create(operator, FindingFixtures.unit("客服系统", "USER_DATA_SYSTEM", "2", "IP_ADDRESS",
                "198.51.100.7")).id();
    }

    private ResultActions call(Actor actor, AbstractMockHttpServletRequestBuilder<?> request) throws Exception {
        return mvc.perform(request.with(authentication(OrganisationFixtures.authentication(actor))).with(csrf())
                .param("lang", "en"));
    }

    private Finding open(String title, String dueOn) {
        return findings.open(operator, FindingFixtures.manual(unitId, title, "WEAK_PASSWORD", "LOW", dueOn));
    }

    @Test
    void theManualFormShowsEachProblemBesideItsField() throws Exception {
        call(operator, post("/findings").param("networkUnitId", "" + unitId).param("title", " ")
                .param("category", "WEAK_PASSWORD").param("severity", "HIGH").param("cvssVector", "garbage")
                .param("ownerName", "李四"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"title-error\"")))
                .andExpect(content().string(containsString("id=\"cvssVector-error\"")))
                .andExpect(content().string(containsString("is not a complete CVSS v3.1 base vector")));
        call(operator, post("/findings").param("networkUnitId", "" + unitId).param("title", "默认口令")
                .param("category", "WEAK_PASSWORD").param("severity", "HIGH").param("ownerName", "李四"))
                .andExpect(status().is3xxRedirection());
    }

    @Test
    void theListHighlightsOverdueFindingsAndFilters() throws Exception {
        Finding f = open("过期的弱口令", null);
        call(operator, get("/findings")).andExpect(status().isOk())
                .andExpect(content().string(containsString("finding-row-" + f.id())));
        call(operator, get("/findings").param("overdue", "true")).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("finding-row-" + f.id()))));
        call(operator, get("/findings").param("q", "no-such-finding-anywhere")).andExpect(status().isOk())
                .andExpect(content().string(containsString("findings-empty")));
        call(officer, get("/findings").header("HX-Request", "true").param("severity", "LOW"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("finding-row-" + f.id())))
                .andExpect(content().string(not(containsString("<html"))));
        call(otherOperator, get("/findings")).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("finding-row-" + f.id()))));
    }

    @Test
    void theDetailOffersOnlyTheLegalStepsAndShowsMissingPlanFields() throws Exception {
        Finding f = open("需要计划", LocalDate.now(clock).plusDays(3).toString());
        call(operator, get("/findings/{id}", f.id())).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"step-FIXED\"")))
                .andExpect(content().string(containsString("id=\"step-MITIGATED\"")))
                .andExpect(content().string(not(containsString("id=\"step-CLOSED\""))))
                .andExpect(content().string(not(containsString("id=\"step-VERIFIED\""))));
        call(operator, post("/findings/{id}/steps/MITIGATED", f.id()).param("version", "0").param("measures", "限制访问"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"plan-error\"")))
                .andExpect(content().string(containsString("id=\"planOwner-error\"")))
                .andExpect(content().string(containsString("id=\"planDueOn-error\"")));
        call(operator, post("/findings/{id}/steps/FIXED", f.id()).param("version", "0").param("note", "已改口令"))
                .andExpect(redirectedUrl("/findings/" + f.id()));
        call(officer, get("/findings/{id}", f.id())).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"step-VERIFIED\"")))
                .andExpect(content().string(containsString("finding-history")));
        call(officer, post("/findings/{id}/steps/CLOSED", f.id()).param("version", "1"))
                .andExpect(redirectedUrl("/findings/" + f.id()));
    }

    @Test
    void pagesOfAFindingAnswer404OutsideTheJurisdiction() throws Exception {
        Finding f = open("管辖外", null);
        call(operator, multipart("/findings/{id}/evidence", f.id()).file(new MockMultipartFile("file", "note.txt",
                "text/plain", "口令已修改".getBytes(StandardCharsets.UTF_8)))).andExpect(status().is3xxRedirection());
        long evidenceId = evidence.list(operator, f.id()).get(0).id();
        call(operator, get("/findings/{id}/evidence/{e}", f.id(), evidenceId)).andExpect(status().isOk())
                .andExpect(header().string("X-Content-Type-Options", "nosniff"));
        call(otherOperator, get("/findings/{id}", f.id())).andExpect(status().isNotFound());
        call(otherOperator, get("/findings/{id}/evidence/{e}", f.id(), evidenceId)).andExpect(status().isNotFound());
        call(otherOperator, post("/findings/{id}/steps/FIXED", f.id()).param("version", "0").param("note", "x"))
                .andExpect(status().isNotFound());
        call(otherOperator, post("/findings/{id}/accountability", f.id()).param("version", "0"))
                .andExpect(status().isNotFound());
        call(otherOperator, multipart("/findings/{id}/evidence", f.id()).file(new MockMultipartFile("file", "x.txt",
                "text/plain", "x".getBytes(StandardCharsets.UTF_8)))).andExpect(status().isNotFound());
    }
}
