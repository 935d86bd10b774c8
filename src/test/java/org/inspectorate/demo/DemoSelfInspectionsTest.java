package org.inspectorate.demo;

import org.springframework.test.context.TestPropertySource;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.Set;

import org.inspectorate.campaign.Campaigns;
import org.inspectorate.demo.DemoDirectory.DemoOrganisation;
import org.inspectorate.filing.NetworkUnits;
import org.inspectorate.filing.attachment.UnitAttachments;
import org.inspectorate.finding.Findings;
import org.inspectorate.obligation.Obligations;
import org.inspectorate.organisation.Actor;
import org.inspectorate.organisation.Organisation;
import org.inspectorate.organisation.OrganisationType;
import org.inspectorate.organisation.Organisations;
import org.inspectorate.organisation.Province;
import org.inspectorate.organisation.Role;
import org.inspectorate.organisation.UserAccounts;
import org.inspectorate.selfinspection.SelfInspection;
import org.inspectorate.selfinspection.SelfInspections;
import org.inspectorate.selfinspection.SubmissionStatus;
import org.inspectorate.selfinspection.WorkspaceState;
import org.inspectorate.support.DatabaseTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

@DatabaseTest
// The demo data is loaded in demo mode only, where its documented password is allowed (Passwords).
@TestPropertySource(properties = "inspectorate.demo=true")
class DemoSelfInspectionsTest {

    @Autowired
    UnitAttachments attachments;
    @Autowired
    Organisations organisations;
    @Autowired
    UserAccounts accounts;
    @Autowired
    NetworkUnits units;
    @Autowired
    Obligations obligations;
    @Autowired
    SelfInspections selfInspections;
    @Autowired
    Findings findings;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    Clock clock;
    @Autowired
    Campaigns campaigns;

    private Organisation org(String key) {
        DemoOrganisation d = DemoDirectory.organisations().stream().filter(o -> o.key().equals(key)).findFirst()
                .orElseThrow();
        return organisations.findByCreditCodeUnscoped(d.creditCode()).orElseThrow();
    }

    private Actor actor(String key, Role role) {
        Organisation o = org(key);
        return new Actor(0, "test", o.id(), o.type(), o.province(), Set.of(role));
    }

    @Test
    void oneDemoOperatorIsHalfwayAndAnotherAwaitsTheBeijingOfficerAndASecondRunAddsNothing() {
        TransactionTemplate tx = new TransactionTemplate(transactions);
        new DemoDataLoader(organisations, accounts, tx).load();
        new DemoFilings(organisations, units, obligations, attachments, tx, clock).load();
        new DemoCampaigns(campaigns, clock).load();
        DemoSelfInspections demo = new DemoSelfInspections(organisations, units, selfInspections, findings, tx, clock);
        demo.load();
        assertThat(demo.load()).isZero();

        SelfInspection telecom = selfInspections.mine(actor("telecom-bj", Role.OPERATOR_ADMIN), DemoCampaigns.current(clock));
        assertThat(telecom.workspace().state()).isEqualTo(WorkspaceState.IN_PROGRESS);
        assertThat(telecom.progress().findings()).isEqualTo(2);
        assertThat(telecom.progress().answered()).isLessThan(telecom.progress().total());

        SelfInspection vas = selfInspections.mine(actor("vas-bj", Role.OPERATOR_ADMIN), DemoCampaigns.current(clock));
        assertThat(vas.status()).isEqualTo(SubmissionStatus.SUBMITTED);
        assertThat(vas.route().province()).isEqualTo(Province.BEIJING);
        Organisation beijing = org("admin-" + Province.BEIJING.code());
        Actor officer = new Actor(0, "test", beijing.id(), OrganisationType.PROVINCIAL_ADMINISTRATION, Province.BEIJING,
                Set.of(Role.PROVINCIAL_OFFICER));
        assertThat(selfInspections.reviews(officer, vas.workspace())).isTrue();
        assertThat(vas.entries()).anySatisfy(e -> assertThat(e.finding() != null
                && e.finding().plan() != null).isTrue());
    }
}
