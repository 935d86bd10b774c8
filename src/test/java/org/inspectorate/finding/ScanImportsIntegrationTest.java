package org.inspectorate.finding;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

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
import org.inspectorate.system.PageRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

@DatabaseTest
class ScanImportsIntegrationTest {

    @Autowired
    ScanImports scans;
    @Autowired
    Findings findings;
    @Autowired
    FindingQueries queries;
    @Autowired
    Organisations organisations;
    @Autowired
    NetworkUnits units;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DataSource dataSource;
    @Autowired
    PlatformTransactionManager transactions;

    Organisation org;
    Actor operator;
    long unit;
    long importId = 1_000_000;

    @BeforeEach
    void setUp() {
        org = OrganisationFixtures.organisation(organisations, OrganisationType.INTERNET_ENTERPRISE, Province.HUNAN,
                null);
        operator = OrganisationFixtures.actor(org, Role.OPERATOR_ADMIN);
        unit = units.create(operator, NetworkUnitFixtures.unitInput("门户", "PORTAL", "3.1",
                List.of(NetworkUnitFixtures.ipAddress("203.0.113.5")))).id();
    }

    private ScanImports.Item item(String key, String title, String vector) {
        return new ScanImports.Item(unit, "203.0.113.5:443/tcp", key, title, "text", Category.VULNERABILITY,
                Severity.HIGH, List.of("CVE-2021-44228", "not-a-ref"), vector, "NESSUS 1", "203.0.113.5", null);
    }

    private ScanImports.Item onHost(String host, String key) {
        return new ScanImports.Item(unit, host + ":443/tcp", key, key, "text", Category.VULNERABILITY,
                Severity.HIGH, List.of(), null, "NESSUS 1", host, null);
    }

    private ScanImports.Item byTool(String tool, String key) {
        return new ScanImports.Item(unit, "src/App.java", key, key, "text", Category.VULNERABILITY, Severity.HIGH,
                List.of(), null, "SARIF " + key, null, tool);
    }

    /** The hosts and tools a test report covered. */
    private record Covered(List<String> hosts, Map<Long, List<String>> tools) implements ScanImports.Target.Coverage {
    }

    private ScanImports.Counts merge(List<ScanImports.Item> items) {
        return merge("NESSUS", items, new Covered(items.stream().map(ScanImports.Item::scanHost).distinct().toList(),
                Map.of()));
    }

    private ScanImports.Counts merge(String format, List<ScanImports.Item> items, ScanImports.Target.Coverage coverage) {
        importId++;
        return new TransactionTemplate(transactions).execute(status -> {
            ScanImports.ImportSession session = scans.open(operator,
                    new ScanImports.Target(org.id(), Set.of(), format, importId, true, coverage));
            items.forEach(session::add);
            return session.finish();
        });
    }

    private List<String> notSeen() {
        return jdbc.sql("SELECT dedup_key FROM finding WHERE organisation_id = :o AND not_seen = TRUE ORDER BY dedup_key")
                .param("o", org.id()).query(String.class).list();
    }

    @Test
    void anEmptyReportFlagsNothingAsNotSeen() {
        merge(List.of(onHost("203.0.113.5", "a1"), onHost("203.0.113.6", "a2")));
        ScanImports.Counts empty = merge("NESSUS", List.of(), new Covered(List.of(), Map.of()));
        assertThat(empty.notSeen()).isZero();
        assertThat(notSeen()).isEmpty();
    }

    @Test
    void aReportOfOneHostFlagsOnlyThatHostsMissingFindings() {
        merge(List.of(onHost("203.0.113.5", "b1"), onHost("203.0.113.5", "b2"), onHost("203.0.113.6", "b3")));
        ScanImports.Counts one = merge(List.of(onHost("203.0.113.5", "b1")));
        assertThat(one.notSeen()).isEqualTo(1);
        assertThat(notSeen()).containsExactly("b2");
        // a host the report scanned without finding anything: all its findings are not seen
        ScanImports.Counts scannedClean = merge("NESSUS", List.of(), new Covered(List.of("203.0.113.6"), Map.of()));
        assertThat(scannedClean.notSeen()).isEqualTo(1);
        assertThat(notSeen()).containsExactly("b2", "b3");
        // another format's report of the same host flags nothing of this one
        merge("OPENVAS", List.of(), new Covered(List.of("203.0.113.5"), Map.of()));
        assertThat(notSeen()).containsExactly("b2", "b3");
    }

    @Test
    void oneSarifToolsReportFlagsOnlyThatToolsFindingsInTheUnit() {
        merge("SARIF", List.of(byTool("Semgrep", "s1"), byTool("Semgrep", "s2"), byTool("CodeQL", "c1")),
                new Covered(List.of(), Map.of(unit, List.of("Semgrep", "CodeQL"))));
        ScanImports.Counts semgrep = merge("SARIF", List.of(byTool("Semgrep", "s1")),
                new Covered(List.of(), Map.of(unit, List.of("Semgrep"))));
        assertThat(semgrep.notSeen()).isEqualTo(1);
        assertThat(notSeen()).containsExactly("s2");
        assertThat(jdbc.sql("SELECT scan_tool FROM finding WHERE organisation_id = :o AND dedup_key = 'c1'")
                .param("o", org.id()).query(String.class).single()).isEqualTo("CodeQL");
    }

    @Test
    void postgresqlMergesThroughCopyAndOtherDatabasesThroughBatches() throws Exception {
        boolean postgres;
        try (var c = dataSource.getConnection()) {
            postgres = c.getMetaData().getURL().startsWith("jdbc:postgresql:");
        }
        String kind = new TransactionTemplate(transactions).execute(status -> {
            ScanImports.ImportSession session = scans.open(operator,
                    new ScanImports.Target(org.id(), Set.of(), "NESSUS", 1, true,
                            ScanImports.Target.Coverage.none()));
            session.abort();
            return session.getClass().getSimpleName();
        });
        assertThat(kind).isEqualTo(postgres ? "PostgresImportSession" : "BatchImportSession");
    }

    @Test
    void aVerifiedFindingThatTheScanShowsAgainIsReopenedWithItsHistory() {
        merge(List.of(item("k1", "Log4Shell", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H")));
        long id = jdbc.sql("SELECT id FROM finding WHERE organisation_id = :o AND dedup_key = 'k1'")
                .param("o", org.id()).query(Long.class).single();
        Finding f = findings.fix(operator, id, findings.get(operator, id).version(), "patched");
        findings.verify(operator, id, f.version(), "checked");

        ScanImports.Counts again = merge(List.of(item("k1", "Log4Shell", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H")));
        assertThat(again.unchanged()).isEqualTo(1);
        assertThat(again.reopened()).isEqualTo(1);
        assertThat(findings.get(operator, id).status()).isEqualTo(FindingStatus.REOPENED);
        assertThat(queries.history(operator, id)).extracting(FindingHistoryEntry::action)
                .contains("opened", "fixed", "verified", "reopened");
    }

    @Test
    void aClosedFindingTheScanShowsAgainIsReopenedAsTheLifecycleReopensOneByOne() {
        merge(List.of(item("k4", "Struts", null)));
        long id = jdbc.sql("SELECT id FROM finding WHERE organisation_id = :o AND dedup_key = 'k4'")
                .param("o", org.id()).query(Long.class).single();
        Finding f = findings.fix(operator, id, findings.get(operator, id).version(), "patched");
        f = findings.verify(operator, id, f.version(), "checked");
        f = findings.close(operator, id, f.version(), null);
        assertThat(f.closedAt()).isNotNull();

        merge(List.of(item("k4", "Struts", null)));
        Finding reopened = findings.get(operator, id);
        assertThat(reopened.status()).isEqualTo(FindingStatus.REOPENED);
        assertThat(reopened.reopenReason()).isEqualTo("import " + importId);
        assertThat(reopened.closedAt()).isNull();
        assertThat(reopened.version()).isEqualTo(f.version() + 1);
        FindingHistoryEntry last = queries.history(operator, id).get(queries.history(operator, id).size() - 1);
        assertThat(last.action()).isEqualTo("reopened");
        assertThat(last.from()).isEqualTo(FindingStatus.CLOSED);
        assertThat(last.to()).isEqualTo(FindingStatus.REOPENED);
        assertThat(last.note()).isEqualTo("import " + importId);
    }

    @Test
    void anUnparsedVectorIsKeptWithoutScoreInvalidReferencesAreDroppedAndARepeatedKeyCountsOnce() {
        ScanImports.Counts c = merge(List.of(item("k2", "Old vector", "CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"),
                item("k2", "Repeated", null), item("k3", "Scored", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H")));
        assertThat(c.created()).isEqualTo(2);
        assertThat(c.repeated()).isEqualTo(1);
        Finding old = queries.list(operator, new FindingQuery(null, null, null, null, unit, null, null, "Old vector"),
                new PageRequest(0, 5, "title", true)).items().get(0);
        assertThat(old.cvssVector()).startsWith("CVSS:3.0/");
        assertThat(old.cvssScore()).isNull();
        assertThat(old.references()).containsExactly("CVE-2021-44228");
        assertThat(old.source()).isEqualTo(FindingSource.IMPORT);
        assertThat(old.lastSeenAt()).isNotNull();
        Finding scored = queries.list(operator, new FindingQuery(null, null, null, null, unit, null, null, "Scored"),
                new PageRequest(0, 5, "title", true)).items().get(0);
        assertThat(scored.cvssScore()).isEqualByComparingTo("9.8");
    }
}
