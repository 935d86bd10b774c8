package org.inspectorate.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.inspectorate.ingest.ImportFixtures.item;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.inspectorate.filing.AssetInput;
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
import org.inspectorate.system.ConflictException;
import org.inspectorate.system.Jdbc;
import org.inspectorate.system.NotFoundException;
import org.inspectorate.system.PageRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import com.jayway.jsonpath.JsonPath;

@DatabaseTest
class ImportJobsIntegrationTest {

    @Autowired
    ImportJobs jobs;
    @Autowired
    Organisations organisations;
    @Autowired
    NetworkUnits units;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MockMvc mvc;
    @Autowired
    ImportExpiry expiry;
    @Autowired
    ImportRunner runner;
    @Autowired
    Clock clock;

    Organisation org;
    Actor operator;
    long portal;
    long office;

    @BeforeEach
    void setUp() {
        org = OrganisationFixtures.organisation(organisations, OrganisationType.INTERNET_ENTERPRISE, Province.ZHEJIANG,
                null);
        operator = OrganisationFixtures.actor(org, Role.OPERATOR_ADMIN);
        portal = unit(operator, "门户", List.of(new AssetInput("IP_ADDRESS", "203.0.113.5", null),
                new AssetInput("CIDR", "198.51.100.0/24", null), new AssetInput("DOMAIN", "example.cn", null),
                new AssetInput("CIDR", "2001:db8::/32", null)));
        office = unit(operator, "办公网", List.of(new AssetInput("URL", "https://app.example.org/login", null),
                new AssetInput("CIDR", "198.51.100.128/25", null), new AssetInput("IP_ADDRESS", "192.0.2.10", null)));
    }

    private long unit(Actor actor, String name, List<AssetInput> assets) {
        return units.create(actor, NetworkUnitFixtures.unitInput(name, "PORTAL", "3.1", assets)).id();
    }

    private ImportJob run(Actor actor, byte[] report, List<Long> scope) throws Exception {
        Path file = Files.createTempFile("import-test", ".nessus");
        Files.write(file, report);
        ImportJob queued = jobs.submit(actor, new ImportJobs.Submission(null, scope, null, "scan.nessus", file));
        return await(actor, queued.id());
    }

    private ImportJob await(Actor actor, long id) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 60_000;
        ImportJob job = jobs.get(actor, id);
        while (job.state().active() && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
            job = jobs.get(actor, id);
        }
        assertThat(job.state().active()).as("import %d still %s", id, job.state()).isFalse();
        return job;
    }

    private long findings(String where) {
        return jdbc.sql("SELECT COUNT(*) FROM finding WHERE organisation_id = :org AND " + where)
                .param("org", org.id()).query(Long.class).single();
    }

    private List<UnmatchedHost> unmatched(ImportJob job) {
        return jobs.unmatched(operator, job.id(), PageRequest.first(50)).items();
    }

    private static String counts(ImportJob j) {
        return j.created() + "/" + j.updated() + "/" + j.unchanged() + "/" + j.notSeen() + "/" + j.unmatchedHosts();
    }

    @Test
    void threeSuccessiveImportsCountNewUpdatedUnchangedAndNotSeenExactly() throws Exception {
        ImportJob first = run(operator, ImportFixtures.nessus(List.of(item("203.0.113.5", 443, 1001, "Alpha"),
                item("203.0.113.5", 22, 1002, "Bravo"), item("192.0.2.10", 80, 1003, "Charlie"))), List.of());
        assertThat(first.state()).isEqualTo(ImportState.SUCCEEDED);
        assertThat(counts(first)).isEqualTo("3/0/0/0/0");
        assertThat(findings("source = 'IMPORT'")).isEqualTo(3);

        // Alpha changes its title, Bravo is the same, Charlie is gone from its host, which shows Echo instead
        ImportJob second = run(operator, ImportFixtures.nessus(List.of(item("203.0.113.5", 443, 1001, "Alpha v2"),
                item("203.0.113.5", 22, 1002, "Bravo"), item("192.0.2.10", 8080, 1005, "Echo"))), List.of());
        assertThat(counts(second)).isEqualTo("1/1/1/1/0");
        assertThat(findings("not_seen = TRUE")).isEqualTo(1);
        assertThat(findings("not_seen = TRUE AND title = 'Charlie'")).isEqualTo(1);
        assertThat(findings("status = 'OPEN'")).as("never closed silently").isEqualTo(4);

        // Charlie is back, Delta is new, Bravo unchanged, Alpha unchanged (v2 again), Echo gone from its host
        ImportJob third = run(operator, ImportFixtures.nessus(List.of(item("203.0.113.5", 443, 1001, "Alpha v2"),
                item("203.0.113.5", 22, 1002, "Bravo"), item("192.0.2.10", 80, 1003, "Charlie"),
                item("192.0.2.10", 443, 1004, "Delta"))), List.of());
        assertThat(counts(third)).isEqualTo("1/0/3/1/0");
        assertThat(findings("not_seen = TRUE")).isEqualTo(1);
        assertThat(findings("not_seen = TRUE AND title = 'Echo'")).isEqualTo(1);
        assertThat(findings("source = 'IMPORT'")).isEqualTo(5);
        assertThat(jdbc.sql("""
                SELECT COUNT(*) FROM finding_event e JOIN finding f ON f.id = e.finding_id
                WHERE f.organisation_id = :org AND e.action = 'refreshed'""").param("org", org.id())
                .query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE action LIKE 'import.%' AND subject = :s")
                .param("s", "import:" + third.id()).query(Long.class).list().get(0)).isEqualTo(3);
    }

    @Test
    void hostsMatchByIpCidrLongestPrefixDomainSuffixUrlHostAndIpv6() throws Exception {
        ImportJob job = run(operator, ImportFixtures.nessus(List.of(item("203.0.113.5", 80, 2001, "Exact IP"),
                item("198.51.100.7", 80, 2002, "Short prefix"), item("198.51.100.200", 80, 2003, "Long prefix"),
                item("www.example.cn", 80, 2004, "Domain suffix"), item("app.example.org", 443, 2005, "URL host"),
                item("2001:db8:0:0:0:0:0:17", 80, 2006, "IPv6"), item("192.0.2.10", 80, 2007, "Other exact"))),
                List.of());
        assertThat(job.created()).isEqualTo(7);
        Map<String, Long> byTitle = new HashMap<>();
        jdbc.sql("SELECT title, network_unit_id FROM finding WHERE organisation_id = :org").param("org", org.id())
                .query((rs, n) -> byTitle.put(rs.getString(1), rs.getLong(2))).list();
        assertThat(byTitle).containsEntry("Exact IP", portal).containsEntry("Short prefix", portal)
                .containsEntry("Long prefix", office).containsEntry("Domain suffix", portal)
                .containsEntry("URL host", office).containsEntry("IPv6", portal).containsEntry("Other exact", office);
    }

    @Test
    void unmatchedHostsAreListedThenAssignedAndRememberedByLaterImports() throws Exception {
        byte[] report = ImportFixtures.nessus(List.of(item("203.0.113.5", 80, 3001, "Known"),
                item("10.9.9.9", 80, 3002, "Stray one"), item("10.9.9.9", 22, 3003, "Stray two"),
                item("stray.example.net", 80, 3004, "Stray name")));
        ImportJob job = run(operator, report, List.of());
        assertThat(counts(job)).isEqualTo("1/0/0/0/2");
        assertThat(job.unmatchedFindings()).isEqualTo(3);
        assertThat(unmatched(job)).containsExactly(new UnmatchedHost("10.9.9.9", 2),
                new UnmatchedHost("stray.example.net", 1));

        ImportJob assigned = jobs.assign(operator, job.id(), "10.9.9.9", office);
        assertThat(assigned.created()).isEqualTo(3);
        assertThat(assigned.unmatchedHosts()).isEqualTo(1);
        assertThat(unmatched(job)).containsExactly(new UnmatchedHost("stray.example.net", 1));
        assertThat(findings("network_unit_id = " + office + " AND title LIKE 'Stray%'")).isEqualTo(2);

        ImportJob again = run(operator, report, List.of());
        assertThat(counts(again)).as("the assigned host now matches").isEqualTo("0/0/3/0/1");
    }

    @Test
    void theAssignButtonSaysWhatItDidOrWhyItWasRefused() throws Exception {
        ImportJob job = run(operator, ImportFixtures.nessus(List.of(item("10.7.7.7", 80, 3101, "Stray"))), List.of());
        call(operator, post("/imports/" + job.id() + "/assign").with(csrf()).param("host", "10.8.8.8")
                .param("unit", Long.toString(office))).andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/imports/" + job.id()))
                .andExpect(flash().attribute("conflict", containsString("10.8.8.8")));
        call(operator, post("/imports/" + job.id() + "/assign").with(csrf()).param("host", "10.7.7.7")
                .param("unit", Long.toString(office))).andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/imports/" + job.id()))
                .andExpect(flash().attribute("done", "ingest.import.assigned.done"));
        assertThat(findings("network_unit_id = " + office + " AND title = 'Stray'")).isEqualTo(1);
        call(operator, get("/imports/" + job.id()).flashAttr("done", "ingest.import.assigned.done")
                .flashAttr("doneArgs", new Object[] {"10.7.7.7"})).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"flash-done\"")));
    }

    @Test
    void aFailureInTheMiddleOfALargeFileRollsEverythingBack() throws Exception {
        List<ImportFixtures.Item> items = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
            items.add(item(i % 2 == 0 ? "203.0.113.5" : "10.1.1." + (i % 200), 1 + i % 60_000, 50_000 + i, "Item " + i));
        }
        String good = new String(ImportFixtures.nessus(items), StandardCharsets.UTF_8);
        // a port out of range in the last host, after thousands of good items
        String bad = good.replace("</Report>", "<ReportHost name=\"192.0.2.10\"><ReportItem port=\"70000\" "
                + "protocol=\"tcp\" severity=\"2\" pluginID=\"9\" pluginName=\"Bad\"></ReportItem></ReportHost></Report>");
        ImportJob job = run(operator, bad.getBytes(StandardCharsets.UTF_8), List.of());
        assertThat(job.state()).isEqualTo(ImportState.FAILED);
        assertThat(job.errorKey()).isEqualTo("ingest.parse.port-invalid");
        assertThat(job.created()).isNull();
        assertThat(job.findingsParsed()).isGreaterThan(1_000);
        assertThat(findings("1 = 1")).isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM import_staged_finding WHERE import_id = :id").param("id", job.id())
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM import_scope_lock WHERE organisation_id = :o").param("o", org.id())
                .query(Long.class).single()).as("lock released").isZero();
        assertThat(jdbc.sql("SELECT outcome FROM audit_entry WHERE action = 'import.failed' AND subject = :s")
                .param("s", "import:" + job.id()).query(String.class).single()).isEqualTo("FAILURE");

        ImportJob retry = run(operator, good.getBytes(StandardCharsets.UTF_8), List.of());
        assertThat(retry.state()).isEqualTo(ImportState.SUCCEEDED);
        assertThat(retry.created()).isEqualTo(1_500);
    }

    @Test
    void aScopeOfUnitsFlagsOnlyItsOwnFindingsAsNotSeen() throws Exception {
        run(operator, ImportFixtures.nessus(List.of(item("203.0.113.5", 80, 4001, "Portal"),
                item("192.0.2.10", 80, 4002, "Office"))), List.of());
        // 192.0.2.10 is the office's, outside this scope: unmatched here, so its findings are not covered
        ImportJob portalOnly = run(operator, ImportFixtures.nessus(List.of(item("203.0.113.5", 80, 4003, "Other"),
                item("192.0.2.10", 80, 4004, "Office two"))), List.of(portal));
        assertThat(counts(portalOnly)).isEqualTo("1/0/0/1/1");
        assertThat(findings("not_seen = TRUE AND title = 'Portal'")).isEqualTo(1);
        assertThat(findings("not_seen = TRUE AND title = 'Office'")).isZero();
    }

    @Test
    void anEmptyReportFlagsNothingAsNotSeen() throws Exception {
        run(operator, ImportFixtures.nessus(List.of(item("203.0.113.5", 80, 4101, "Portal"),
                item("192.0.2.10", 80, 4102, "Office"))), List.of());
        ImportJob empty = run(operator, ImportFixtures.nessus(List.of()), List.of());
        assertThat(counts(empty)).isEqualTo("0/0/0/0/0");
        assertThat(findings("not_seen = TRUE")).isZero();
    }

    @Test
    void aReportOfOneHostFlagsOnlyThatHostsMissingFindings() throws Exception {
        run(operator, ImportFixtures.nessus(List.of(item("203.0.113.5", 80, 4201, "Portal web"),
                item("203.0.113.5", 22, 4202, "Portal ssh"), item("192.0.2.10", 80, 4203, "Office"))), List.of());
        ImportJob one = run(operator, ImportFixtures.nessus(List.of(item("203.0.113.5", 80, 4201, "Portal web"))),
                List.of());
        assertThat(counts(one)).isEqualTo("0/0/1/1/0");
        assertThat(findings("not_seen = TRUE AND title = 'Portal ssh'")).isEqualTo(1);
        assertThat(findings("not_seen = TRUE AND title = 'Office'")).as("its host was not scanned").isZero();
    }

    @Test
    void aReportWhoseHostsAreAllUnmatchedFlagsNothing() throws Exception {
        run(operator, ImportFixtures.nessus(List.of(item("203.0.113.5", 80, 4301, "Portal"),
                item("192.0.2.10", 80, 4302, "Office"))), List.of());
        ImportJob stray = run(operator, ImportFixtures.nessus(List.of(item("10.4.4.4", 80, 4303, "Stray"),
                item("10.4.4.5", 80, 4304, "Stray too"))), List.of());
        assertThat(counts(stray)).isEqualTo("0/0/0/0/2");
        assertThat(findings("not_seen = TRUE")).isZero();
    }

    @Test
    void aHostTheReportScannedWithoutFindingsHasItsFindingsFlaggedNotSeen() throws Exception {
        run(operator, ImportFixtures.nessus(List.of(item("203.0.113.5", 80, 4501, "Portal"),
                item("192.0.2.10", 80, 4502, "Office"))), List.of());
        String report = new String(ImportFixtures.nessus(List.of(item("203.0.113.5", 80, 4501, "Portal"))),
                StandardCharsets.UTF_8).replace("</Report>",
                "<ReportHost name=\"192.0.2.10\"><HostProperties></HostProperties></ReportHost>\n</Report>");
        ImportJob clean = run(operator, report.getBytes(StandardCharsets.UTF_8), List.of());
        assertThat(counts(clean)).isEqualTo("0/0/1/1/0");
        assertThat(findings("not_seen = TRUE AND title = 'Office'")).isEqualTo(1);
    }

    private static byte[] sarif(String tool, String... rules) {
        StringBuilder results = new StringBuilder();
        for (String rule : rules) {
            results.append(results.length() == 0 ? "" : ",").append("{\"ruleId\":\"").append(rule)
                    .append("\",\"level\":\"error\",\"message\":{\"text\":\"").append(rule)
                    .append("\"},\"locations\":[{\"physicalLocation\":{\"artifactLocation\":{\"uri\":\"src/")
                    .append(rule).append(".java\"},\"region\":{\"startLine\":1}}}]}");
        }
        return ("{\"version\":\"2.1.0\",\"$schema\":\"https://json.schemastore.org/sarif-2.1.0.json\","
                + "\"runs\":[{\"tool\":{\"driver\":{\"name\":\"" + tool + "\"}},\"results\":[" + results
                + "]}]}").getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void oneSarifToolsReportLeavesAnotherToolsFindingsInTheUnitAlone() throws Exception {
        run(operator, sarif("Semgrep", "s1", "s2"), List.of(portal));
        run(operator, sarif("CodeQL", "c1"), List.of(portal));
        assertThat(findings("not_seen = TRUE")).isZero();
        ImportJob semgrep = run(operator, sarif("Semgrep", "s1"), List.of(portal));
        assertThat(semgrep.notSeen()).isEqualTo(1);
        assertThat(findings("not_seen = TRUE AND title LIKE '%s2%'")).isEqualTo(1);
        assertThat(findings("not_seen = TRUE AND scan_tool = 'CodeQL'")).isZero();
    }

    @Test
    void findingsImportedBeforeHostsWereStoredGetTheirHostFromTheKey() throws Exception {
        run(operator, ImportFixtures.nessus(List.of(item("203.0.113.5", 80, 4401, "Old row"))), List.of());
        assertThat(jdbc.sql("SELECT scan_host FROM finding WHERE organisation_id = :o").param("o", org.id())
                .query(String.class).single()).isEqualTo("203.0.113.5");
        // the statement of the migration, on a row as it was stored before
        jdbc.sql("UPDATE finding SET scan_host = NULL WHERE organisation_id = :o").param("o", org.id()).update();
        jdbc.sql("""
                UPDATE finding SET scan_host = SUBSTRING(SUBSTRING(dedup_key FROM POSITION('|' IN dedup_key) + 1)
                        FROM 1 FOR POSITION('|' IN SUBSTRING(dedup_key FROM POSITION('|' IN dedup_key) + 1)) - 1)
                    WHERE source = 'IMPORT' AND scan_format IS NOT NULL AND dedup_key LIKE 'u%|%|%'
                    AND organisation_id = :o""").param("o", org.id()).update();
        assertThat(jdbc.sql("SELECT scan_host FROM finding WHERE organisation_id = :o").param("o", org.id())
                .query(String.class).single()).isEqualTo("203.0.113.5");
    }

    @Test
    void aSecondImportOfTheSameOperatorIsRefusedWhileTheFirstHoldsTheLock() throws Exception {
        jdbc.sql("INSERT INTO import_scope_lock (organisation_id, import_id, heartbeat_at) VALUES (:o, -1, :now)")
                .param("o", org.id()).param("now", Jdbc.ts(clock.instant())).update();
        Path file = Files.createTempFile("import-test", ".nessus");
        Files.write(file, ImportFixtures.nessus(List.of(item("203.0.113.5", 80, 1, "x"))));
        assertThatThrownBy(() -> jobs.submit(operator, new ImportJobs.Submission(null, List.of(), null, "a", file)))
                .isInstanceOf(ConflictException.class);
        assertThat(Files.exists(file)).as("refused upload deleted").isFalse();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM import_job WHERE organisation_id = :o").param("o", org.id())
                .query(Long.class).single()).isZero();

        api(operator, ImportFixtures.nessus(List.of(item("203.0.113.5", 80, 1, "x")))).andExpect(status().isConflict())
                .andExpect(content()
                        .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void aLockLeftByADeadNodeExpiresAndItsJobFails() throws Exception {
        Instant old = clock.instant().minusSeconds(3600);
        long dead = jdbc.sql("""
                INSERT INTO import_job (organisation_id, file_name, state, created_by, created_at, heartbeat_at,
                    node_id, bytes_total, bytes_read, findings_parsed)
                VALUES (:o, 'dead.nessus', 'RUNNING', 'someone', :old, :old, 'gone', 10, 5, 1)""")
                .param("o", org.id()).param("old", Jdbc.ts(old)).update();
        assertThat(dead).isEqualTo(1);
        long deadId = jdbc.sql("SELECT id FROM import_job WHERE organisation_id = :o").param("o", org.id())
                .query(Long.class).single();
        jdbc.sql("INSERT INTO import_scope_lock (organisation_id, import_id, heartbeat_at) VALUES (:o, :id, :old)")
                .param("o", org.id()).param("id", deadId).param("old", Jdbc.ts(old)).update();

        ImportJob job = run(operator, ImportFixtures.nessus(List.of(item("203.0.113.5", 80, 1, "x"))), List.of());
        assertThat(job.state()).isEqualTo(ImportState.SUCCEEDED);
        ImportJob abandoned = jobs.get(operator, deadId);
        assertThat(abandoned.state()).isEqualTo(ImportState.FAILED);
        assertThat(abandoned.errorKey()).isEqualTo("ingest.import.abandoned");
    }

    @Test
    void equivalentIpv6SpellingsOfOneHostAreOneFinding() throws Exception {
        ImportJob first = run(operator, ImportFixtures.nessus(List.of(item("2001:DB8:0:0:0:0:0:1", 443, 5001, "TLS"))),
                List.of());
        assertThat(counts(first)).startsWith("1/0/0/");
        ImportJob second = run(operator, ImportFixtures.nessus(List.of(item("2001:0db8::0001", 443, 5001, "TLS"))),
                List.of());
        assertThat(counts(second)).startsWith("0/0/1/");
        assertThat(findings("asset = '[2001:db8::1]:443/tcp'")).isEqualTo(1);
    }

    @Test
    void aJobExpiredWhileRunningStaysAbandonedWhenItsStalledNodeGivesUp() {
        Instant old = clock.instant().minusSeconds(3600);
        jdbc.sql("""
                INSERT INTO import_job (organisation_id, file_name, state, created_by, created_at, heartbeat_at,
                    node_id, bytes_total, bytes_read, findings_parsed)
                VALUES (:o, 'stalled.nessus', 'RUNNING', 'someone', :old, :old, 'slow', 10, 5, 1)""")
                .param("o", org.id()).param("old", Jdbc.ts(old)).update();
        long id = jdbc.sql("SELECT id FROM import_job WHERE organisation_id = :o").param("o", org.id())
                .query(Long.class).single();
        assertThat(expiry.expire(clock.instant())).containsExactly(id);

        assertThat(runner.recordFailure(operator, id, "ingest.import.failed", "0|0|IllegalStateException")).isFalse();
        ImportJob job = jobs.get(operator, id);
        assertThat(job.state()).isEqualTo(ImportState.FAILED);
        assertThat(job.errorKey()).isEqualTo("ingest.import.abandoned");
        assertThat(job.errorDetail()).isNull();
    }

    @Test
    void anImportIntoAUnitOrOperatorOutsideTheJurisdictionIsNotFound() throws Exception {
        Organisation other = OrganisationFixtures.organisation(organisations, OrganisationType.INTERNET_ENTERPRISE,
                Province.ZHEJIANG, null);
        Actor otherOperator = OrganisationFixtures.actor(other, Role.OPERATOR_ADMIN);
        Path file = Files.createTempFile("import-test", ".nessus");
        Files.write(file, ImportFixtures.nessus(List.of(item("203.0.113.5", 80, 1, "x"))));
        assertThatThrownBy(() -> jobs.submit(otherOperator,
                new ImportJobs.Submission(null, List.of(portal), null, "a", file))).isInstanceOf(NotFoundException.class);
        api(otherOperator, ImportFixtures.nessus(List.of(item("203.0.113.5", 80, 1, "x"))), "units",
                Long.toString(portal)).andExpect(status().isNotFound());
        api(otherOperator, ImportFixtures.nessus(List.of(item("203.0.113.5", 80, 1, "x"))), "organisation",
                Long.toString(org.id())).andExpect(status().isNotFound());

        ImportJob mine = run(operator, ImportFixtures.nessus(List.of(item("203.0.113.5", 80, 1, "x"))), List.of());
        call(otherOperator, get("/api/v1/imports/" + mine.id())).andExpect(status().isNotFound());
        call(otherOperator, get("/imports/" + mine.id())).andExpect(status().isNotFound());
        assertThat(findings("1 = 1")).isEqualTo(1);
    }

    @Test
    void theApiAcceptsAReportAndItsStatusEndpointShowsTheCounts() throws Exception {
        String body = api(operator, ImportFixtures.nessus(List.of(item("203.0.113.5", 80, 1, "x"),
                item("10.2.2.2", 80, 2, "y")))).andExpect(status().isAccepted())
                .andExpect(jsonPath("$.state").exists()).andReturn().getResponse().getContentAsString();
        long id = ((Number) JsonPath.read(body, "$.id")).longValue();
        await(operator, id);
        call(operator, get("/api/v1/imports/" + id)).andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("SUCCEEDED")).andExpect(jsonPath("$.format").value("NESSUS"))
                .andExpect(jsonPath("$.percent").value(100)).andExpect(jsonPath("$.created").value(1)).andExpect(jsonPath("$.unmatchedHosts").value(1));
        call(operator, get("/api/v1/imports/" + id + "/unmatched")).andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].host").value("10.2.2.2"));
        call(operator, post("/api/v1/imports/" + id + "/assignments").contentType(MediaType.APPLICATION_JSON)
                .content("{\"host\":\" \"}")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(containsInAnyOrder("host", "unitId")));
        call(operator, post("/api/v1/imports/" + id + "/assignments").contentType(MediaType.APPLICATION_JSON)
                .content("{\"host\":\"10.2.2.2\",\"unitId\":" + office + "}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.hosts").value(1))
                .andExpect(jsonPath("$.findings").value(1)).andExpect(jsonPath("$.job.created").value(2))
                .andExpect(jsonPath("$.job.unmatchedHosts").value(0));
        call(operator, get("/imports")).andExpect(status().isOk());
        call(operator, get("/imports/" + id)).andExpect(status().isOk());
        call(operator, get("/findings").param("notSeen", "false")).andExpect(status().isOk());
    }

    @Test
    void xxeAndEntityBombsThroughTheImportEndpointImportNothingAndSayWhy() throws Exception {
        String xxe = "<?xml version=\"1.0\"?>\n<!DOCTYPE foo [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n"
                + "<NessusClientData_v2><Report name=\"t\"><ReportHost name=\"203.0.113.5\"><ReportItem port=\"80\" "
                + "protocol=\"tcp\" severity=\"3\" pluginID=\"1\" pluginName=\"&xxe;\"></ReportItem></ReportHost>"
                + "</Report></NessusClientData_v2>";
        StringBuilder bomb = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [<!ENTITY lol \"lol\">");
        for (int i = 1; i < 10; i++) {
            bomb.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i == 1 ? "" : i - 1) + ";").repeat(10))
                    .append("\">");
        }
        bomb.append("]>\n<NessusClientData_v2><Report name=\"&lol9;\"></Report></NessusClientData_v2>");
        for (String payload : List.of(xxe, bomb.toString())) {
            String body = api(operator, payload.getBytes(StandardCharsets.UTF_8)).andExpect(status().isAccepted())
                    .andReturn().getResponse().getContentAsString();
            ImportJob job = await(operator, ((Number) JsonPath.read(body, "$.id")).longValue());
            assertThat(job.state()).isEqualTo(ImportState.FAILED);
            assertThat(job.errorKey()).isEqualTo("ingest.parse.doctype-forbidden");
            call(operator, get("/imports/" + job.id())).andExpect(status().isOk()).andExpect(
                    content().string(
                            containsString("import-error")));
        }
        assertThat(findings("1 = 1")).isZero();
    }

    private ResultActions call(Actor actor, MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(authentication(OrganisationFixtures.authentication(actor))));
    }

    private ResultActions api(Actor actor, byte[] report, String... fields) throws Exception {
        String boundary = "----import" + System.nanoTime();
        return call(actor, post("/api/v1/imports").contentType("multipart/form-data; boundary=" + boundary)
                .content(ImportFixtures.multipart(boundary, "scan.nessus", report, fields)));
    }
}
