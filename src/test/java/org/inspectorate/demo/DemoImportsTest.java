package org.inspectorate.demo;

import org.springframework.test.context.TestPropertySource;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.Set;

import org.inspectorate.demo.DemoDirectory.DemoOrganisation;
import org.inspectorate.filing.NetworkUnits;
import org.inspectorate.filing.attachment.UnitAttachments;
import org.inspectorate.ingest.ImportJob;
import org.inspectorate.ingest.ImportJobs;
import org.inspectorate.ingest.ImportState;
import org.inspectorate.ingest.UnmatchedHost;
import org.inspectorate.obligation.Obligations;
import org.inspectorate.organisation.Actor;
import org.inspectorate.organisation.Organisation;
import org.inspectorate.organisation.Organisations;
import org.inspectorate.organisation.Role;
import org.inspectorate.organisation.UserAccounts;
import org.inspectorate.support.DatabaseTest;
import org.inspectorate.system.PageRequest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

@DatabaseTest
// The demo data is loaded in demo mode only, where its documented password is allowed (Passwords).
@TestPropertySource(properties = "inspectorate.demo=true")
class DemoImportsTest {

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
    ImportJobs jobs;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    Clock clock;

    @Test
    void theDemoOperatorHasOneFinishedImportOfItsUnitsWithOneHostToAssignAndASecondRunAddsNothing()
            throws InterruptedException {
        new DemoDataLoader(organisations, accounts, new TransactionTemplate(transactions)).load();
        new DemoFilings(organisations, units, obligations, attachments, new TransactionTemplate(transactions), clock)
                .load();
        DemoImports imports = new DemoImports(organisations, jobs);
        ImportJob queued = imports.load();

        DemoOrganisation d = DemoDirectory.organisations().stream().filter(o -> o.key().equals("telecom-bj"))
                .findFirst().orElseThrow();
        Organisation org = organisations.findByCreditCodeUnscoped(d.creditCode()).orElseThrow();
        Actor operator = new Actor(0, "test", org.id(), org.type(), org.province(), Set.of(Role.OPERATOR_ADMIN));
        // a database kept from an earlier run already holds it
        long id = queued != null ? queued.id() : jobs.list(operator, PageRequest.first(1)).items().get(0).id();
        assertThat(jobs.list(operator, PageRequest.first(5)).total()).isEqualTo(1);
        ImportJob job = jobs.get(operator, id);
        long deadline = System.currentTimeMillis() + 60_000;
        while (job.state().active() && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
            job = jobs.get(operator, id);
        }
        assertThat(job.state()).as(job.errorKey() + " " + job.errorDetail()).isEqualTo(ImportState.SUCCEEDED);
        assertThat(job.created()).isEqualTo(5);
        assertThat(job.unmatchedHosts()).isEqualTo(1);
        assertThat(jobs.unmatched(operator, job.id(), PageRequest.first(50)).items()).extracting(UnmatchedHost::host)
                .containsExactly(DemoImports.UNMATCHED_HOST);
        assertThat(imports.load()).isNull();
    }
}
