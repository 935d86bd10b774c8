package org.inspectorate.sharing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;

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
import org.inspectorate.system.PageRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The journey through the pages: the public-security user asks for the Beijing operator's weak-password
 * findings, the Beijing officer narrows and approves for 30 days, the user reads them, the operator sees the grant
 * and the access, and after the end date the user gets 404; the form's field messages, nothing saved.
 */
@DatabaseTest
class SharingPagesIntegrationTest {

    @Autowired
    DataRequests requests;
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

    @Test
    void askNarrowApproveReadSeeTheAccessAndAfterTheEndDateNotFound() throws Exception {
        String location = call(f.police, post("/data-requests")
                .param("operatorCreditCode", f.operatorOrg.creditCode().value())
                .param("purpose", "侦办网络攻击案件").param("legalBasis", "《网络安全法》第二十八条")
                .param("records", "FINDINGS", "FILINGS").param("categories", "WEAK_PASSWORD")
                .param("periodFrom", today.minusDays(90).toString()).param("periodTo", today.toString())
                .param("accessUntil", today.plusDays(60).toString()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        call(f.police, get("/sharing")).andExpect(status().isOk())
                .andExpect(content().string(containsString("sharing-requests-table-" + id)));
        call(f.officer, get("/sharing")).andExpect(status().isOk())
                .andExpect(content().string(containsString("sharing-awaiting-table-" + id)));
        call(f.officer, get("/data-requests/" + id)).andExpect(status().isOk())
                .andExpect(content().string(containsString("sharing-approve-form")));
        call(f.police, get("/data-requests/" + id)).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("sharing-approve-form"))));

        call(f.officer, post("/data-requests/" + id + "/approve").param("records", "FINDINGS")
                .param("categories", "WEAK_PASSWORD").param("severities", "HIGH")
                .param("grantedUntil", today.plusDays(30).toString()))
                .andExpect(redirectedUrl("/data-requests/" + id));
        assertThat(requests.get(f.police, id).granted()).isEqualTo(SharingFixture.weakPasswordsOnly());

        call(f.police, get("/sharing")).andExpect(content().string(containsString("sharing-grant-" + id)));
        call(f.police, get("/grants/" + id + "/findings")).andExpect(status().isOk())
                .andExpect(content().string(containsString("grant-finding-" + f.weakPassword)))
                .andExpect(content().string(not(containsString("grant-finding-" + f.vulnerability))));
        call(f.police, get("/grants/" + id + "/findings/" + f.weakPassword)).andExpect(status().isOk())
                .andExpect(content().string(containsString("管理后台弱口令")));
        call(f.police, get("/grants/" + id + "/findings/" + f.vulnerability)).andExpect(status().isNotFound());
        call(f.police, get("/grants/" + id + "/units")).andExpect(status().isNotFound());

        call(f.operator, get("/data-requests/" + id)).andExpect(status().isOk())
                .andExpect(content().string(containsString("sharing-accesses-table")))
                .andExpect(content().string(containsString(f.police.username())));
        assertThat(requests.accesses(f.operator, id, PageRequest.first(10)).items()).hasSize(2);

        try (var later = FixedStartClock.travel(Duration.ofDays(31))) {
            call(f.police, get("/grants/" + id + "/findings/" + f.weakPassword)).andExpect(status().isNotFound());
            call(f.police, get("/grants/" + id)).andExpect(status().isNotFound());
        }
    }

    @Test
    void theFormShowsEachFieldsMessageAndSavesNothing() throws Exception {
        long before = requests.list(f.police, PageRequest.first(50)).total();
        call(f.police, post("/data-requests").param("operatorCreditCode", f.operatorOrg.creditCode().value())
                .param("purpose", "核查").param("records", "FINDINGS")
                .param("periodFrom", today.minusDays(5).toString()).param("periodTo", today.toString()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("legalBasis-error")))
                .andExpect(content().string(containsString("accessUntil-error")));
        call(f.police, post("/data-requests").param("accessUntil", "not-a-date"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("accessUntil-error")));
        assertThat(requests.list(f.police, PageRequest.first(50)).total()).isEqualTo(before);
    }

    @Test
    void aRequestOfAnotherDepartmentIsNotFoundForItsOwnPagesAndTheRevocationTakesEffectAtOnce() throws Exception {
        long id = requests.request(f.police, f.everything(today), false).id();
        call(f.shanghaiOfficer, get("/data-requests/" + id)).andExpect(status().isNotFound());
        requests.approve(f.officer, id, SharingFixture.weakPasswordsOnly(), today.plusDays(30));
        call(f.officer, post("/data-requests/" + id + "/revoke").param("reason", "案件已办结"))
                .andExpect(redirectedUrl("/data-requests/" + id));
        call(f.police, get("/grants/" + id + "/findings")).andExpect(status().isNotFound());
        call(f.police, get("/data-requests/" + id)).andExpect(status().isOk())
                .andExpect(content().string(containsString("sharing-revoked")));
    }
}
