package org.inspectorate.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;

import org.inspectorate.agency.Agencies;
import org.inspectorate.draw.DrawRuleVersions;
import org.inspectorate.draw.Draws;
import org.inspectorate.filing.NetworkUnits;
import org.inspectorate.filing.attachment.UnitAttachments;
import org.inspectorate.obligation.Obligations;
import org.inspectorate.organisation.Organisations;
import org.inspectorate.organisation.UserAccounts;
import org.inspectorate.spotcheck.SpotCheckState;
import org.inspectorate.spotcheck.SpotCheckView;
import org.inspectorate.spotcheck.SpotChecks;
import org.inspectorate.support.DatabaseTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

@DatabaseTest
// The demo data is loaded in demo mode only, where its documented password is allowed (Passwords).
@TestPropertySource(properties = "inspectorate.demo=true")
class DemoSpotChecksTest {

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
    Agencies agencies;
    @Autowired
    Draws draws;
    @Autowired
    DrawRuleVersions drawRules;
    @Autowired
    SpotChecks checks;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    Clock clock;
    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Test
    void thePublishedDemoDrawHasItsSpotChecksAndTheFirstIsScheduledForItsTeamAndItsOperator() {
        new DemoDataLoader(organisations, accounts, new TransactionTemplate(transactions)).load();
        new DemoFilings(organisations, units, obligations, attachments, new TransactionTemplate(transactions), clock).load();
        Long loaded = new DemoDraws(organisations, accounts, agencies, draws, drawRules,
                new TransactionTemplate(transactions), clock).load();
        // another demo test of this context may have loaded the draws first: the published Beijing draw then
        long draw = loaded != null ? loaded : jdbc.sql("SELECT MAX(id) FROM draw WHERE published_at IS NOT NULL "
                + "AND province_code = '110000'").query(Long.class).single();
        DemoSpotChecks demo = new DemoSpotChecks(checks, organisations, accounts, new TransactionTemplate(transactions),
                clock);
        Long id = demo.load(draw);
        assertThat(id).isNotNull();
        SpotCheckView check = new TransactionTemplate(transactions).execute(s -> checks.get(
                new org.inspectorate.organisation.Actor(0, "demo-test", 0,
                        org.inspectorate.organisation.OrganisationType.MINISTRY_BUREAU, null,
                        java.util.Set.of(org.inspectorate.organisation.Role.MINISTRY_OFFICER)), id));
        assertThat(check.state()).isEqualTo(SpotCheckState.SCHEDULED);
        assertThat(check.methods()).hasSize(3);
        assertThat(check.documents()).contains("授权书");
    }
}
