package org.inspectorate.finding;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.inspectorate.filing.NetworkUnitFixtures;
import org.inspectorate.filing.NetworkUnits;
import org.inspectorate.organisation.Actor;
import org.inspectorate.organisation.Organisation;
import org.inspectorate.organisation.OrganisationFixtures;
import org.inspectorate.organisation.OrganisationType;
import org.inspectorate.organisation.Organisations;
import org.inspectorate.organisation.Province;
import org.inspectorate.organisation.Role;
import org.inspectorate.support.DatabaseTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

/**
 * MariaDB with {@code LOAD DATA LOCAL INFILE} refused (here by the connection: {@code allowLocalInfile=false}, which
 * fails the same way as a server with {@code local_infile} off, without switching off the shared server): imports
 * fall back to JDBC batches, say so once, and keep every guarantee of the staged path.
 */
@DatabaseTest
@EnabledIfEnvironmentVariable(named = "INSPECTORATE_DB_URL", matches = "jdbc:mariadb:.*")
class ScanImportsWithoutLocalInfileIntegrationTest {

    @DynamicPropertySource
    static void refuseLocalInfile(DynamicPropertyRegistry registry) {
        String url = System.getenv("INSPECTORATE_DB_URL");
        registry.add("spring.datasource.url", () -> url + (url.contains("?") ? "&" : "?") + "allowLocalInfile=false");
    }

    @Autowired
    ScanImports scans;
    @Autowired
    FindingTally tally;
    @Autowired
    Organisations organisations;
    @Autowired
    NetworkUnits units;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PlatformTransactionManager transactions;

    Organisation org;
    Actor operator;
    long unit;
    long importId = 2_000_000;
    final ListAppender<ILoggingEvent> log = new ListAppender<>();
    final Logger logger = (Logger) LoggerFactory.getLogger(ScanImports.class);

    @BeforeEach
    void setUp() {
        org = OrganisationFixtures.organisation(organisations, OrganisationType.INTERNET_ENTERPRISE, Province.HUNAN,
                null);
        operator = OrganisationFixtures.actor(org, Role.OPERATOR_ADMIN);
        unit = units.create(operator, NetworkUnitFixtures.unitInput("门户", "PORTAL", "3.1",
                List.of(NetworkUnitFixtures.ipAddress("203.0.113.9")))).id();
        log.start();
        logger.addAppender(log);
    }

    @AfterEach
    void tearDown() {
        logger.detachAppender(log);
    }

    private ScanImports.Item item(String key, String title) {
        return new ScanImports.Item(unit, "203.0.113.9:443/tcp", key, title, "text", Category.VULNERABILITY,
                Severity.HIGH, List.of("CVE-2021-44228"), null, "NESSUS 1", "203.0.113.9", null);
    }

    private record Merged(String session, ScanImports.Counts counts) {
    }

    private Merged merge(List<ScanImports.Item> items) {
        importId++;
        return new TransactionTemplate(transactions).execute(status -> {
            ScanImports.ImportSession session = scans.open(operator, new ScanImports.Target(org.id(), Set.of(),
                    "NESSUS", importId, true, new Covered(List.of("203.0.113.9"))));
            items.forEach(session::add);
            return new Merged(session.getClass().getSimpleName(), session.finish());
        });
    }

    private record Covered(List<String> hosts) implements ScanImports.Target.Coverage {

        @Override
        public Map<Long, ? extends java.util.Collection<String>> tools() {
            return Map.of();
        }
    }

    private int history(String action) {
        return jdbc.sql("""
                SELECT COUNT(*) FROM finding_event e JOIN finding f ON f.id = e.finding_id
                WHERE f.organisation_id = :o AND e.action = :a""").param("o", org.id()).param("a", action)
                .query(Integer.class).single();
    }

    @Test
    void aRefusedLoadDataFallsBackToBatchesWarnsOnceAndKeepsCountsHistoryAndCounters() {
        Merged first = merge(List.of(item("a", "A"), item("b", "B"), item("b", "B again")));
        assertThat(first.session()).isEqualTo("BatchImportSession");
        assertThat(first.counts().created()).isEqualTo(2);
        assertThat(first.counts().repeated()).as("a key the report repeats counts once").isEqualTo(1);

        Merged second = merge(List.of(item("a", "A"), item("c", "C")));
        assertThat(second.session()).isEqualTo("BatchImportSession");
        assertThat(List.of(second.counts().created(), second.counts().unchanged(), second.counts().notSeen()))
                .containsExactly(1, 1, 1);
        assertThat(history("opened")).isEqualTo(3);

        List<String> warnings = new ArrayList<>();
        log.list.stream().filter(e -> e.getLevel() == Level.WARN).forEach(e -> warnings.add(e.getFormattedMessage()));
        assertThat(warnings).hasSize(1);
        assertThat(warnings.get(0)).contains("LOAD DATA LOCAL INFILE", "local_infile");

        Map<FindingTally.Key, Long> kept = tally.counters(org.id());
        tally.recount(org.id());
        assertThat(kept).as("counters kept by the batch path against a recount").isEqualTo(tally.counters(org.id()))
                .isNotEmpty();
    }
}
