package org.inspectorate.demo;

import java.time.Clock;

import org.inspectorate.agency.Agencies;
import org.inspectorate.demo.DemoDirectory.DemoAccount;
import org.inspectorate.draw.DrawRuleVersions;
import org.inspectorate.draw.Draws;
import org.inspectorate.spotcheck.SpotChecks;
import org.inspectorate.campaign.Campaigns;
import org.inspectorate.filing.NetworkUnits;
import org.inspectorate.filing.attachment.UnitAttachments;
import org.inspectorate.finding.FindingQueries;
import org.inspectorate.finding.Findings;
import org.inspectorate.ingest.ImportJob;
import org.inspectorate.ingest.ImportJobs;
import org.inspectorate.obligation.Obligations;
import org.inspectorate.organisation.Organisations;
import org.inspectorate.organisation.UserAccounts;
import org.inspectorate.rectification.Notice;
import org.inspectorate.rectification.RectificationNotices;
import org.inspectorate.selfinspection.SelfInspections;
import org.inspectorate.sharing.DataRequestView;
import org.inspectorate.sharing.DataRequests;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Under the {@code demo} profile (the run command), fills an empty directory with the demo data and
 * prints how to sign in. A directory that already holds other data is left alone.
 */
@Component
@Profile("demo")
@Order(Ordered.LOWEST_PRECEDENCE) // after the shipped campaigns it answers self-inspections of
class DemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final Organisations organisations;
    private final DemoDataLoader loader;
    private final DemoFilings filings;
    private final DemoCampaigns campaigns;
    private final DemoSelfInspections selfInspections;
    private final DemoDraws draws;
    private final DemoImports imports;
    private final DemoSpotChecks spotChecks;
    private final DemoSharing sharing;
    private final DemoRectification rectification;
    private final Environment environment;

    DemoData(Organisations organisations, UserAccounts accounts, NetworkUnits units, Obligations obligations,
            UnitAttachments attachments, SelfInspections selfInspectionService, Findings findings,
            Agencies agencies, Draws draws, DrawRuleVersions drawRules, ImportJobs importJobs, DataRequests dataRequests,
            FindingQueries findingQueries, RectificationNotices notices, PlatformTransactionManager transactions,
            Clock clock, Environment environment, SpotChecks spotCheckService, Campaigns campaigns) {
        this.campaigns = new DemoCampaigns(campaigns, clock);
        this.spotChecks = new DemoSpotChecks(spotCheckService, organisations, accounts,
                new TransactionTemplate(transactions), clock);
        this.organisations = organisations;
        this.loader = new DemoDataLoader(organisations, accounts, new TransactionTemplate(transactions));
        this.filings = new DemoFilings(organisations, units, obligations, attachments,
                new TransactionTemplate(transactions), clock);
        this.selfInspections = new DemoSelfInspections(organisations, units, selfInspectionService, findings,
                new TransactionTemplate(transactions), clock);
        this.draws = new DemoDraws(organisations, accounts, agencies, draws, drawRules, new TransactionTemplate(transactions),
                clock);
        this.imports = new DemoImports(organisations, importJobs);
        this.sharing = new DemoSharing(organisations, accounts, dataRequests, new TransactionTemplate(transactions),
                clock);
        this.rectification = new DemoRectification(organisations, findingQueries, notices,
                new TransactionTemplate(transactions), clock);
        this.environment = environment;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (organisations.directoryEmpty()) {
            DemoDataLoader.Result result = loader.load();
            log.info("Demo data loaded: {} organisations, {} accounts", result.organisationsCreated(),
                    result.accountsCreated());
        } else if (!loader.present()) {
            log.warn("The directory already holds data that is not the demo data: demo data not loaded");
            return;
        }
        int unitsCreated = filings.load();
        if (unitsCreated > 0) {
            log.info("Demo filings loaded: {} network units", unitsCreated);
        }
        String campaign = campaigns.load();
        if (campaign != null) {
            log.info("Demo current-year campaign installed and published: /campaigns/{}", campaign);
        }
        int started = selfInspections.load();
        if (started > 0) {
            log.info("Demo self-inspections loaded: {} started", started);
        }
        Long draw = draws.load();
        if (draw != null) {
            log.info("Demo agencies, inspectors and a published draw loaded: /draws/{}", draw);
            Long spotCheck = spotChecks.load(draw);
            if (spotCheck != null) {
                log.info("Demo spot check scheduled from the published draw: /spot-checks/{}", spotCheck);
            }
        }
        ImportJob imported = imports.load();
        if (imported != null) {
            log.info("Demo scanner report import queued for the demo operator: /imports/{}", imported.id());
        }
        DataRequestView request = sharing.load();
        if (request != null) {
            log.info("Demo data request of the public-security user awaiting the Beijing administration: /data-requests/{}",
                    request.id());
        }
        Notice notice = rectification.load();
        if (notice != null) {
            log.info("Demo rectification notice issued: /rectification-notices/{}", notice.id());
        }
        log.info(signInBlock());
    }

    String signInBlock() {
        String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
        String contextPath = environment.getProperty("server.servlet.context-path", "");
        StringBuilder b = new StringBuilder("\n");
        b.append("=================================================================================\n");
        b.append(" Inspectorate demo (演示模式) is running: http://localhost:").append(port).append(contextPath).append("/\n");
        b.append(" Every demo account's password: ").append(DemoDirectory.PASSWORD).append('\n');
        b.append(" MFA enrolment may be skipped by demo accounts in demo mode only.\n");
        b.append("---------------------------------------------------------------------------------\n");
        for (DemoAccount a : DemoDirectory.accounts()) {
            b.append(String.format(" %-16s %-22s %s%n", a.username(), a.role().name(), a.displayName()));
        }
        b.append("=================================================================================");
        return b.toString();
    }
}
