package org.inspectorate.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.LocalDate;

import org.inspectorate.campaign.CampaignState;
import org.inspectorate.campaign.Campaigns;
import org.inspectorate.campaign.Deadline;
import org.inspectorate.campaign.PublishedCampaign;
import org.inspectorate.filing.NetworkUnits;
import org.inspectorate.filing.attachment.UnitAttachments;
import org.inspectorate.finding.Findings;
import org.inspectorate.obligation.Obligations;
import org.inspectorate.organisation.Actor;
import org.inspectorate.organisation.Organisation;
import org.inspectorate.organisation.OrganisationFixtures;
import org.inspectorate.organisation.Organisations;
import org.inspectorate.organisation.Province;
import org.inspectorate.organisation.Role;
import org.inspectorate.organisation.UserAccounts;
import org.inspectorate.selfinspection.SelfInspections;
import org.inspectorate.support.DatabaseTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

@DatabaseTest
// The demo data is loaded in demo mode only, where its documented password is allowed (Passwords).
@TestPropertySource(properties = "inspectorate.demo=true")
class DemoCampaignsTest {

    @Autowired
    Campaigns campaigns;
    @Autowired
    Organisations organisations;
    @Autowired
    UserAccounts accounts;
    @Autowired
    NetworkUnits units;
    @Autowired
    Obligations obligations;
    @Autowired
    UnitAttachments attachments;
    @Autowired
    SelfInspections selfInspections;
    @Autowired
    Findings findings;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    Clock clock;
    @Autowired
    MockMvc mvc;

    @Test
    void theDemoShipsThe2018CampaignAsHistoryAndACurrentYearOneWithEveryDeadlineAfterToday() {
        DemoCampaigns demo = new DemoCampaigns(campaigns, clock);
        demo.load();
        assertThat(demo.load()).isNull();

        LocalDate today = LocalDate.now(clock);
        PublishedCampaign current = campaigns.requirePublished(DemoCampaigns.current(clock));
        assertThat(current.code()).isEqualTo("NSC-" + today.getYear());
        assertThat(current.state()).isEqualTo(CampaignState.PUBLISHED);
        assertThat(current.definition().year()).isEqualTo(today.getYear());
        assertThat(current.definition().deadlines()).isNotEmpty()
                .allSatisfy(d -> assertThat(d.due()).isAfter(today));
        PublishedCampaign history = campaigns.requirePublished("NSC-2018");
        assertThat(history.definition().deadlines()).extracting(Deadline::due).allMatch(d -> d.getYear() == 2018);
        assertThat(current.definition().checklistItems()).isEqualTo(history.definition().checklistItems());
    }

    @Test
    void theDemosSelfInspectionStatusPageShowsNothingOverdue() throws Exception {
        TransactionTemplate tx = new TransactionTemplate(transactions);
        new DemoDataLoader(organisations, accounts, tx).load();
        new DemoFilings(organisations, units, obligations, attachments, tx, clock).load();
        new DemoCampaigns(campaigns, clock).load();
        new DemoSelfInspections(organisations, units, selfInspections, findings, tx, clock).load();
        Organisation beijing = organisations.findByCreditCodeUnscoped(DemoDirectory.organisations().stream()
                .filter(o -> o.key().equals("admin-" + Province.BEIJING.code())).findFirst().orElseThrow().creditCode())
                .orElseThrow();
        Actor officer = OrganisationFixtures.actor(beijing, Role.PROVINCIAL_OFFICER);

        String body = mvc.perform(get("/self-inspections/status").param("campaign", DemoCampaigns.current(clock))
                        .with(authentication(OrganisationFixtures.authentication(officer))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(body).contains("status-row-").doesNotContain("text-bg-danger").doesNotContain("逾期未报</span>");
    }
}
