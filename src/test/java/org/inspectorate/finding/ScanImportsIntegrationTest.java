package org.inspectorate.finding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import java.util.ArrayList;

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
    void postgresqlStagesThroughCopyMariaDbThroughLoadDataFromMemoryAndH2MergesInBatches() throws Exception {
        String url;
        try (var c = dataSource.getConnection()) {
            url = c.getMetaData().getURL();
        }
        boolean maria = url.startsWith("jdbc:mariadb:");
        String[] seen = new String[2];
        long[] loads = new long[2];
        ScanImports.Counts counts = new TransactionTemplate(transactions).execute(status -> {
            ScanImports.ImportSession session = scans.open(operator, new ScanImports.Target(org.id(), Set.of(),
                    "NESSUS", ++importId, true, ScanImports.Target.Coverage.none()));
            seen[0] = session.getClass().getSimpleName();
            seen[1] = session instanceof StagedImportSession staged ? staged.stage().getClass().getSimpleName() : "-";
            // the server's own count of LOAD DATA statements on this connection (the transaction's)
            loads[0] = maria ? loadStatements() : 0;
            List.of(item("p1", "one", null), item("p2", "two", null)).forEach(session::add);
            ScanImports.Counts c = session.finish();
            loads[1] = maria ? loadStatements() : 0;
            if (maria) {
                // nothing of the stage outlives the import on the pooled connection
                assertThatThrownBy(() -> jdbc.sql("SELECT COUNT(*) FROM finding_import_stage").query().listOfRows())
                        .isInstanceOf(BadSqlGrammarException.class);
            }
            return c;
        });
        assertThat(counts.created()).isEqualTo(2);
        if (url.startsWith("jdbc:postgresql:")) {
            assertThat(seen).containsExactly("StagedImportSession", "CopyStage");
        } else if (maria) {
            assertThat(seen).containsExactly("StagedImportSession", "LocalInfileStage");
            assertThat(loads[1] - loads[0]).as("LOAD DATA statements of the import").isEqualTo(1);
        } else {
            assertThat(seen[0]).isEqualTo("BatchImportSession");
        }
        assertThat(jdbc.sql("""
                SELECT COUNT(*) FROM finding_event e JOIN finding f ON f.id = e.finding_id
                WHERE f.organisation_id = :o AND e.action = 'opened'""").param("o", org.id())
                .query(Integer.class).single()).isEqualTo(2);
        assertThat(jdbc.sql("""
                SELECT COUNT(*) FROM finding_reference r JOIN finding f ON f.id = r.finding_id
                WHERE f.organisation_id = :o AND r.ref = 'CVE-2021-44228'""").param("o", org.id())
                .query(Integer.class).single()).isEqualTo(2);
    }

    @Test
    void aRowTheStageCannotHoldFailsTheWholeImportAndSavesNothing() {
        // 250 characters of key where the register keeps 200: COPY refuses it, LOAD DATA warns (refused), H2 refuses
        String tooLong = "k".repeat(250);
        assertThatThrownBy(() -> merge(List.of(item("fine", "one", null), item(tooLong, "two", null))))
                .isInstanceOf(RuntimeException.class);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM finding WHERE organisation_id = :o").param("o", org.id())
                .query(Integer.class).single()).isZero();
        // the next import on the same pool works
        assertThat(merge(List.of(item("fine", "one", null))).created()).isEqualTo(1);
    }

    private long loadStatements() {
        return jdbc.sql("SHOW SESSION STATUS LIKE 'Com_load'").query((rs, n) -> rs.getLong(2)).single();
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
        // the set-based reopen publishes the same typed event as one reviewer's reopen (a notice covering it listens)
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE subject = :s AND action = 'finding.reopened'")
                .param("s", "finding:" + id).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void anUnparsedVectorIsKeptWithoutScoreAndFlaggedInvalidReferencesAreDroppedAndARepeatedKeyCountsOnce() {
        ScanImports.Counts c = merge(List.of(item("k2", "Old vector", "CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H"),
                item("k2", "Repeated", null), item("k3", "Scored", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H")));
        assertThat(c.created()).isEqualTo(2);
        assertThat(c.repeated()).isEqualTo(1);
        Finding old = one("Old vector");
        assertThat(old.cvssVector()).startsWith("CVSS:3.0/");
        assertThat(old.cvssScore()).isNull();
        assertThat(old.cvssVersion()).isNull();
        assertThat(old.flags()).containsExactly(ImportFlag.CVSS_NOT_PARSED);
        assertThat(old.description()).isEqualTo("text");
        assertThat(old.references()).containsExactly("CVE-2021-44228");
        assertThat(old.source()).isEqualTo(FindingSource.IMPORT);
        assertThat(old.lastSeenAt()).isNotNull();
        Finding scored = one("Scored");
        assertThat(scored.cvssScore()).isEqualByComparingTo("9.8");
        assertThat(scored.cvssVersion()).isEqualTo("3.1");
        assertThat(scored.flags()).isEmpty();
    }

    private Finding one(String title) {
        Finding listed = queries.list(operator, new FindingQuery(null, null, null, null, unit, null, null, title),
                new PageRequest(0, 5, "title", true)).items().get(0);
        return findings.get(operator, listed.id());
    }

    private long idOf(String key) {
        return jdbc.sql("SELECT id FROM finding WHERE organisation_id = :o AND dedup_key = :k")
                .param("o", org.id()).param("k", key).query(Long.class).single();
    }

    private static ScanImports.Item full(long unit, String key, String title, String vector, Double score,
            List<String> refs, Set<ImportFlag> flags, boolean suppressed, String note) {
        return new ScanImports.Item(unit, "[2001:db8::1]:443/tcp", key, title, "什么有问题", Category.VULNERABILITY,
                Severity.HIGH, refs, vector, "SARIF r1", "升级到 2.17.1", "plugin output: 2.14.0", flags, score,
                suppressed, note, null, null);
    }

    @Test
    void everyCvssVersionIsScoredWithItsVersionAndTheScannersScoreCountsWhereNoVectorIsGiven() {
        merge(List.of(
                full(unit, "v2", "v2", "CVSS2#AV:N/AC:L/Au:N/C:P/I:P/A:P", null, List.of(), Set.of(), false, null),
                full(unit, "v30", "v30", "CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", null, List.of(), Set.of(),
                        false, null),
                full(unit, "v40", "v40", "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N", 5.0,
                        List.of(), Set.of(), false, null),
                full(unit, "none", "none", null, 6.5, List.of(), Set.of(), false, null)));
        assertThat(findings.get(operator, idOf("v2"))).satisfies(f -> {
            assertThat(f.cvssVersion()).isEqualTo("2.0");
            assertThat(f.cvssScore()).isEqualByComparingTo("7.5");
        });
        assertThat(findings.get(operator, idOf("v30")).cvssVersion()).isEqualTo("3.0");
        assertThat(findings.get(operator, idOf("v40"))).satisfies(f -> {
            assertThat(f.cvssVersion()).isEqualTo("4.0");
            assertThat(f.cvssScore()).isEqualByComparingTo("9.3");
        });
        assertThat(findings.get(operator, idOf("none"))).satisfies(f -> {
            assertThat(f.cvssVector()).isNull();
            assertThat(f.cvssScore()).isEqualByComparingTo("6.5");
        });
    }

    @Test
    void textsAreKeptToTheDocumentedLimitsEveryCutIsFlaggedAndAHundredCvesAreKeptAndFoundByExactId() {
        List<String> cves = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            cves.add("CVE-2023-" + (10_000 + i));
        }
        String title = "T".repeat(600);
        ScanImports.Item longOne = new ScanImports.Item(unit, "10.0.0.1:443/tcp", "long", title, "d".repeat(40_000),
                Category.VULNERABILITY, Severity.HIGH, cves, null, "OPENVAS 1");
        ScanImports.Item exact = new ScanImports.Item(unit, "10.0.0.1:443/tcp", "exact", "T".repeat(500),
                "d".repeat(32_000), Category.VULNERABILITY, Severity.HIGH, List.of(), null, "OPENVAS 2");
        merge(List.of(longOne, exact));

        Finding cut = findings.get(operator, idOf("long"));
        assertThat(cut.title()).hasSize(500).endsWith("…");
        assertThat(cut.description()).hasSize(32_000);
        assertThat(cut.flags()).containsExactly(ImportFlag.TEXT_TRUNCATED);
        assertThat(cut.references()).hasSize(100).containsAll(cves);
        Finding whole = findings.get(operator, idOf("exact"));
        assertThat(whole.title()).hasSize(500).doesNotContain("…");
        assertThat(whole.description()).hasSize(32_000);
        assertThat(whole.flags()).isEmpty();

        // the 93rd id is past what the 1,000-character summary holds: found through finding_reference
        for (String id : List.of("CVE-2023-10000", "CVE-2023-10092", "cve-2023-10099")) {
            assertThat(queries.list(operator, new FindingQuery(null, null, null, null, unit, null, null, id),
                    new PageRequest(0, 5, "title", true)).items()).as(id).extracting(Finding::id)
                    .containsExactly(cut.id());
        }
        assertThat(queries.list(operator, new FindingQuery(null, null, null, null, unit, null, null, "CVE-2023-10100"),
                new PageRequest(0, 5, "title", true)).items()).isEmpty();

        // a report citing fewer ids replaces them
        merge(List.of(new ScanImports.Item(unit, "10.0.0.1:443/tcp", "long", title, "d", Category.VULNERABILITY,
                Severity.HIGH, cves.subList(0, 3), null, "OPENVAS 1")));
        assertThat(findings.get(operator, idOf("long")).references()).containsExactlyElementsOf(cves.subList(0, 3));
    }

    @Test
    void solutionEvidenceAndFlagsAreStoredApartAndAChangeOfFlagsIsAnUpdate() {
        merge(List.of(full(unit, "s1", "Log4Shell", null, null, List.of("CWE-502", "CVE-2021-44228"),
                Set.of(ImportFlag.FORMULA_LIKE_TEXT), false, null)));
        Finding f = findings.get(operator, idOf("s1"));
        assertThat(f.description()).isEqualTo("什么有问题");
        assertThat(f.solution()).isEqualTo("升级到 2.17.1");
        assertThat(f.evidence()).isEqualTo("plugin output: 2.14.0");
        assertThat(f.flags()).containsExactly(ImportFlag.FORMULA_LIKE_TEXT);
        assertThat(f.asset()).isEqualTo("[2001:db8::1]:443/tcp");
        assertThat(f.references()).containsExactly("CVE-2021-44228", "CWE-502");

        ScanImports.Counts same = merge(List.of(full(unit, "s1", "Log4Shell", null, null,
                List.of("CWE-502", "CVE-2021-44228"), Set.of(ImportFlag.FORMULA_LIKE_TEXT), false, null)));
        assertThat(same.unchanged()).isEqualTo(1);
        ScanImports.Counts changed = merge(List.of(full(unit, "s1", "Log4Shell", null, null,
                List.of("CWE-502", "CVE-2021-44228"), Set.of(), false, null)));
        assertThat(changed.updated()).isEqualTo(1);
        assertThat(findings.get(operator, idOf("s1")).flags()).isEmpty();
    }

    @Test
    void aSuppressedItemIsRecordedSuppressedWithItsJustificationAndAnUnsuppressedReportReopensIt() {
        merge(List.of(full(unit, "new", "new", null, null, List.of(), Set.of(), true, "误报：测试环境"),
                full(unit, "open", "open", null, null, List.of(), Set.of(), false, null)));
        Finding created = findings.get(operator, idOf("new"));
        assertThat(created.status()).isEqualTo(FindingStatus.SUPPRESSED);
        assertThat(created.status().unresolved()).isFalse();
        assertThat(created.suppressionNote()).isEqualTo("误报：测试环境");
        assertThat(queries.history(operator, created.id())).last().satisfies(e -> {
            assertThat(e.action()).isEqualTo("suppressed");
            assertThat(e.to()).isEqualTo(FindingStatus.SUPPRESSED);
            assertThat(e.note()).isEqualTo("误报：测试环境");
        });
        assertThat(queries.list(operator, new FindingQuery(null, null, null, null, unit, null, null, null, null,
                null, null, true, null, null), new PageRequest(0, 5, "title", true)).items())
                .extracting(Finding::title).containsExactly("open");

        // an open finding the next report marks suppressed is suppressed; shown unsuppressed again, it is reopened
        merge(List.of(full(unit, "new", "new", null, null, List.of(), Set.of(), true, "误报：测试环境"),
                full(unit, "open", "open", null, null, List.of(), Set.of(), true, "risk accepted")));
        assertThat(findings.get(operator, idOf("open")).status()).isEqualTo(FindingStatus.SUPPRESSED);
        merge(List.of(full(unit, "new", "new", null, null, List.of(), Set.of(), false, null),
                full(unit, "open", "open", null, null, List.of(), Set.of(), true, "risk accepted")));
        assertThat(findings.get(operator, idOf("new")).status()).isEqualTo(FindingStatus.REOPENED);
        assertThat(findings.get(operator, idOf("new")).suppressionNote()).isNull();
        assertThat(findings.get(operator, idOf("open")).status()).isEqualTo(FindingStatus.SUPPRESSED);
    }

    @Test
    void anImportThatReopensAClosedFindingClearsTheOldCyclesFixNoteAndVerifierKeepingThemInItsHistory() {
        merge(List.of(item("k5", "Heartbleed", null)));
        long id = idOf("k5");
        Finding f = findings.fix(operator, id, findings.get(operator, id).version(), "patched openssl");
        f = findings.verify(operator, id, f.version(), "checked");
        findings.close(operator, id, f.version(), null);

        merge(List.of(item("k5", "Heartbleed", null)));
        Finding reopened = findings.get(operator, id);
        assertThat(reopened.status()).isEqualTo(FindingStatus.REOPENED);
        assertThat(reopened.fixNote()).isNull();
        assertThat(reopened.verifiedBy()).isNull();
        assertThat(reopened.verifiedAt()).isNull();
        assertThat(reopened.closedAt()).isNull();
        assertThat(queries.history(operator, id)).extracting(FindingHistoryEntry::note)
                .contains("patched openssl", "checked");
    }
}
