package org.inspectorate.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;

import org.inspectorate.campaign.Campaigns;

import org.inspectorate.filing.NetworkUnits;
import org.inspectorate.filing.attachment.UnitAttachments;
import org.inspectorate.finding.FindingQueries;
import org.inspectorate.finding.Findings;
import org.inspectorate.obligation.Obligations;
import org.inspectorate.organisation.Organisations;
import org.inspectorate.organisation.UserAccounts;
import org.inspectorate.rectification.ItemState;
import org.inspectorate.rectification.Notice;
import org.inspectorate.rectification.NoticeState;
import org.inspectorate.rectification.RectificationNotices;
import org.inspectorate.selfinspection.SelfInspections;
import org.inspectorate.support.DatabaseTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

@DatabaseTest
// The demo data is loaded in demo mode only, where its documented password is allowed (Passwords).
@TestPropertySource(properties = "inspectorate.demo=true")
class DemoRectificationTest {

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
    FindingQueries queries;
    @Autowired
    RectificationNotices notices;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    Clock clock;
    @Autowired
    Campaigns campaigns;

    @Test
    void theDemoHasOneIssuedNoticeOnTheBeijingOperatorsOpenFindingsAndASecondRunAddsNone() {
        TransactionTemplate tx = new TransactionTemplate(transactions);
        new DemoDataLoader(organisations, accounts, tx).load();
        new DemoFilings(organisations, units, obligations, attachments, tx, clock).load();
        new DemoCampaigns(campaigns, clock).load();
        new DemoSelfInspections(organisations, units, selfInspections, findings, tx, clock).load();
        DemoRectification demo = new DemoRectification(organisations, queries, notices, tx, clock);

        Notice notice = demo.load();

        assertThat(notice.state()).isEqualTo(NoticeState.ISSUED);
        assertThat(notice.number()).startsWith("京通管网安〔");
        assertThat(notice.items()).isNotEmpty().extracting(Notice.Item::state).containsOnly(ItemState.AWAITING);
        assertThat(demo.load()).isNull();
    }
}
