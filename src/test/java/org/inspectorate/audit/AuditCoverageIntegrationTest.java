package org.inspectorate.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import jakarta.servlet.http.HttpServletResponse;

import org.inspectorate.campaign.Campaigns;
import org.inspectorate.filing.NetworkUnitFixtures;
import org.inspectorate.filing.NetworkUnits;
import org.inspectorate.finding.FindingEvidence;
import org.inspectorate.finding.FindingSource;
import org.inspectorate.finding.Findings;
import org.inspectorate.finding.NewFinding;
import org.inspectorate.ingest.ImportJobs;
import org.inspectorate.organisation.Actor;
import org.inspectorate.organisation.Organisation;
import org.inspectorate.organisation.OrganisationFixtures;
import org.inspectorate.organisation.OrganisationType;
import org.inspectorate.organisation.Organisations;
import org.inspectorate.organisation.Province;
import org.inspectorate.organisation.Role;
import org.inspectorate.selfinspection.SelfInspectionFixtures;
import org.inspectorate.support.DatabaseTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.io.Resource;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * Keeps the rule "every view or export of results is in the audit trail" true (see docs/audit-coverage.md):
 * representative views and exports of every kind of result leave an entry with their action, and no file
 * download can be added without saying here what it is audited as.
 */
@DatabaseTest
class AuditCoverageIntegrationTest {

    /**
     * Every GET endpoint that answers with a file, and the action it is audited as; {@code null} for a file that
     * holds no result (a blank template). A new download fails {@link #everyFileDownloadIsListedWithItsAuditAction}
     * until it is listed here.
     */
    static final Map<String, String> FILE_ENDPOINTS = Map.ofEntries(
            Map.entry("/audit/export.{format}", "audit.exported"),
            Map.entry("/api/v1/draws/{id}/published", "draw.result.exported"),
            Map.entry("/draws/{id}/published", "draw.result.exported"),
            Map.entry("/findings/export.{format}", "finding.report.exported"),
            Map.entry("/findings/summary.xlsx", "finding.report.exported"),
            Map.entry("/findings/overdue.xlsx", "finding.report.exported"),
            Map.entry("/findings/{id}/evidence/{evidenceId}", "evidence.downloaded"),
            Map.entry("/api/v1/findings/{id}/evidence/{evidenceId}", "evidence.downloaded"),
            Map.entry("/filings/coverage.xlsx", "filing.exported"),
            Map.entry("/filings/overdue.xlsx", "filing.exported"),
            Map.entry("/filings/review-queue.{format}", "filing.exported"),
            Map.entry("/network-units/export.{format}", "filing.exported"),
            Map.entry("/obligations.xlsx", "filing.exported"),
            Map.entry("/network-units/{id}/attachments/{attachmentId}", "filing.attachment.downloaded"),
            Map.entry("/api/v1/network-units/{id}/attachments/{attachmentId}", "filing.attachment.downloaded"),
            Map.entry("/obligations/records/{recordId}/report", "obligation.report.downloaded"),
            Map.entry("/api/v1/evaluations/{recordId}/report", "obligation.report.downloaded"),
            Map.entry("/self-inspections/status.{format}", "selfinspection.status.exported"),
            Map.entry("/self-inspections/reports/{id}/report.docx", "selfinspection.report.exported"),
            Map.entry("/self-inspections/reports/{id}/report.pdf", "selfinspection.report.exported"),
            Map.entry("/api/v1/self-inspections/{id}/report.docx", "selfinspection.report.exported"),
            Map.entry("/api/v1/self-inspections/{id}/report.pdf", "selfinspection.report.exported"),
            Map.entry("/self-inspections/reports/{id}/items/{itemId}/evidence/{evidenceId}", "evidence.downloaded"),
            Map.entry("/api/v1/self-inspections/{id}/items/{itemId}/evidence/{evidenceId}", "evidence.downloaded"),
            Map.entry("/commitments/{id}/file", "agency.commitment.downloaded"),
            Map.entry("/spot-checks/{id}/authorisations/{authorisationId}/letter", "spotcheck.letter.downloaded"),
            Map.entry("/api/v1/spot-checks/{id}/authorisations/{authorisationId}/letter", "spotcheck.letter.downloaded"),
            Map.entry("/rectification-notices/export.{format}", "rectification.notices.exported"),
            Map.entry("/rectification-notices/{id}/document.{format}", "rectification.notice.exported"),
            Map.entry("/api/v1/rectification-notices/{id}/document.{format}", "rectification.notice.exported"),
            Map.entry("/spot-checks/{id}/report.{format}", "spotcheck.report.exported"),
            Map.entry("/api/v1/spot-checks/{id}/report.{format}", "spotcheck.report.exported"),
            Map.entry("/spot-checks/progress.xlsx", "spotcheck.progress.exported"),
            Map.entry("/api/v1/spot-checks/progress.xlsx", "spotcheck.progress.exported"),
            Map.entry("/imports/export.{format}", "import.list.exported"),
            Map.entry("/rankings/assessment.xlsx", "scoring.assessment.exported"),
            Map.entry("/api/v1/rankings/assessment.xlsx", "scoring.assessment.exported"),
            Map.entry("/data-requests/{id}/package.xlsx", "sharing.data.exported"),
            Map.entry("/api/v1/data-requests/{id}/package.xlsx", "sharing.data.exported"),
            // The blank filing template: no result in it, so nothing to audit.
            Map.entry("/network-units/template.xlsx", "-"),
            Map.entry("/api/v1/network-units/template.xlsx", "-"));

    @Autowired
    Clock clock;
    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Organisations organisations;
    @Autowired
    NetworkUnits units;
    @Autowired
    Findings findings;
    @Autowired
    FindingEvidence findingEvidence;
    @Autowired
    Campaigns campaigns;
    @Autowired
    ImportJobs imports;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    Map<String, Actor> actors;
    Map<String, String> ids;

    @BeforeEach
    void setUp() throws Exception {
        Organisation org = OrganisationFixtures.organisation(organisations, OrganisationType.INTERNET_ENTERPRISE,
                Province.HUBEI, null);
        Actor operator = OrganisationFixtures.actor(org, Role.OPERATOR_STAFF);
        Actor officer = OrganisationFixtures.actor(OrganisationFixtures.organisation(organisations,
                OrganisationType.PROVINCIAL_ADMINISTRATION, Province.HUBEI, null), Role.PROVINCIAL_OFFICER);
        Actor auditor = OrganisationFixtures.actor(OrganisationFixtures.organisation(organisations,
                OrganisationType.MINISTRY_BUREAU, null, null), Role.AUDIT_ADMIN);
        Actor ministry = OrganisationFixtures.actor(OrganisationFixtures.organisation(organisations,
                OrganisationType.MINISTRY_BUREAU, null, null), Role.MINISTRY_OFFICER);
        actors = Map.of("operator", operator, "officer", officer, "auditor", auditor, "ministry", ministry);
        long unit = units.create(operator, NetworkUnitFixtures.unitInput("审计覆盖系统", "USER_DATA_SYSTEM", "2",
                List.of(NetworkUnitFixtures.ipAddress("198.51.100.9")))).id();
        long finding = findings.open(operator, new NewFinding(null, unit, null, "弱口令", null, "WEAK_PASSWORD", "LOW",
                null, null, "李四", null, null, null, null, FindingSource.MANUAL, null, null)).id();
        long evidence = findingEvidence.attach(operator, finding, "note.txt",
                "口令已修改".getBytes(StandardCharsets.UTF_8)).id();
        String campaign = SelfInspectionFixtures.campaign(campaigns, ministry, LocalDate.now(clock).plusDays(10));
        long imported = importOf(operator, unit);
        ids = Map.of("unit", Long.toString(unit), "finding", Long.toString(finding), "evidence",
                Long.toString(evidence), "campaign", campaign, "import", Long.toString(imported));
    }

    /** A scanner report of one host queued for import into the unit (its state does not matter here). */
    private long importOf(Actor operator, long unit) throws IOException {
        Path file = Files.createTempFile("audit-coverage", ".nessus");
        Files.writeString(file, """
                <?xml version="1.0" ?>
                <NessusClientData_v2><Report name="t"><ReportHost name="198.51.100.9"><HostProperties>
                <tag name="host-ip">198.51.100.9</tag></HostProperties>
                <ReportItem port="80" svc_name="www" protocol="tcp" severity="3" pluginID="10001" pluginName="Weak"
                 pluginFamily="General"><description>Weak.</description><risk_factor>High</risk_factor>
                <solution>Upgrade.</solution><synopsis>Weak.</synopsis></ReportItem></ReportHost></Report>
                </NessusClientData_v2>
                """);
        return imports.submit(operator, new ImportJobs.Submission(null, List.of(unit), null, "scan.nessus", file)).id();
    }

    /** Who calls, what, and the action the trail must gain. One line per endpoint. */
    static Stream<Arguments> viewsAndExports() {
        return Stream.of(
                Arguments.of("operator", "/findings", "finding.report.viewed"),
                Arguments.of("operator", "/api/v1/findings", "finding.report.viewed"),
                Arguments.of("operator", "/findings/{finding}", "finding.viewed"),
                Arguments.of("operator", "/api/v1/findings/{finding}", "finding.viewed"),
                Arguments.of("operator", "/api/v1/findings/{finding}/history", "finding.history.viewed"),
                Arguments.of("operator", "/api/v1/findings/{finding}/evidence", "finding.evidence.viewed"),
                Arguments.of("operator", "/findings/{finding}/evidence/{evidence}", "evidence.downloaded"),
                Arguments.of("operator", "/api/v1/findings/{finding}/evidence/{evidence}", "evidence.downloaded"),
                Arguments.of("operator", "/findings/export.xlsx", "finding.report.exported"),
                Arguments.of("officer", "/findings/export.csv?severity=LOW", "finding.report.exported"),
                Arguments.of("officer", "/findings/summary", "finding.report.viewed"),
                Arguments.of("officer", "/api/v1/findings/summary", "finding.report.viewed"),
                Arguments.of("officer", "/findings/overdue", "finding.report.viewed"),
                Arguments.of("officer", "/findings/summary.xlsx", "finding.report.exported"),
                Arguments.of("officer", "/findings/overdue.xlsx", "finding.report.exported"),
                Arguments.of("operator", "/network-units/{unit}", "filing.viewed"),
                Arguments.of("operator", "/api/v1/network-units/{unit}", "filing.viewed"),
                Arguments.of("operator", "/api/v1/network-units/{unit}/versions", "filing.versions.viewed"),
                Arguments.of("operator", "/network-units/{unit}/compare?from=1&to=1", "filing.compared"),
                Arguments.of("operator", "/network-units/{unit}/obligations", "obligation.records.viewed"),
                Arguments.of("operator", "/api/v1/network-units/{unit}/evaluations", "obligation.records.viewed"),
                Arguments.of("officer", "/filings/coverage", "filing.report.viewed"),
                Arguments.of("officer", "/api/v1/filings/coverage", "filing.report.viewed"),
                Arguments.of("officer", "/filings/overdue", "filing.report.viewed"),
                Arguments.of("officer", "/api/v1/filings/overdue", "filing.report.viewed"),
                Arguments.of("officer", "/filings/coverage.xlsx", "filing.exported"),
                Arguments.of("officer", "/filings/overdue.xlsx", "filing.exported"),
                Arguments.of("officer", "/filings/review-queue.xlsx", "filing.exported"),
                Arguments.of("officer", "/obligations.xlsx", "filing.exported"),
                Arguments.of("ministry", "/self-inspections/status?campaign={campaign}",
                        "selfinspection.status.viewed"),
                Arguments.of("ministry", "/api/v1/self-inspections/status?campaign={campaign}",
                        "selfinspection.status.viewed"),
                Arguments.of("ministry", "/self-inspections/status.xlsx?campaign={campaign}",
                        "selfinspection.status.exported"),
                Arguments.of("operator", "/imports/{import}", "import.viewed"),
                Arguments.of("operator", "/api/v1/imports/{import}", "import.viewed"),
                Arguments.of("operator", "/api/v1/imports/{import}/unmatched", "import.unmatched.viewed"),
                Arguments.of("ministry", "/rankings?year=2026&operatorType=VALUE_ADDED_TELECOM", "scoring.ranking.viewed"),
                Arguments.of("ministry", "/api/v1/rankings?year=2026&operatorType=VALUE_ADDED_TELECOM",
                        "scoring.ranking.viewed"),
                Arguments.of("ministry", "/rankings/assessment.xlsx?year=2026", "scoring.assessment.exported"),
                Arguments.of("ministry", "/api/v1/rankings/assessment.xlsx?year=2026", "scoring.assessment.exported"),
                Arguments.of("auditor", "/audit", "audit.viewed"),
                Arguments.of("auditor", "/audit/export.csv", "audit.exported"),
                Arguments.of("auditor", "/audit/export.xlsx", "audit.exported"));
    }

    @ParameterizedTest(name = "{0} GET {1} is audited as {2}")
    @MethodSource("viewsAndExports")
    void eachViewAndExportOfResultsLeavesAnAuditEntry(String who, String path, String action) throws Exception {
        Actor actor = actors.get(who);
        String url = path;
        for (Map.Entry<String, String> id : ids.entrySet()) {
            url = url.replace("{" + id.getKey() + "}", id.getValue());
        }

        MvcResult result = mvc.perform(get(url).with(authentication(OrganisationFixtures.authentication(actor)))
                .param("lang", "en")).andExpect(status().isOk()).andReturn();

        assertThat(actionsOf(actor)).contains(action);
        Object pattern = result.getRequest().getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        if (FILE_ENDPOINTS.containsKey(pattern)) {
            assertThat(FILE_ENDPOINTS.get(pattern)).as("FILE_ENDPOINTS lists %s with its action", pattern)
                    .isEqualTo(action);
        }
    }

    @Test
    void everyFileDownloadIsListedWithItsAuditAction() {
        Set<String> files = new TreeSet<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> m : mappings.getHandlerMethods().entrySet()) {
            Set<RequestMethod> methods = m.getKey().getMethodsCondition().getMethods();
            boolean ours = m.getValue().getBeanType().getPackageName().startsWith("org.inspectorate");
            if (ours && (methods.isEmpty() || methods.contains(RequestMethod.GET)) && answersWithAFile(m.getValue())) {
                files.addAll(m.getKey().getPatternValues());
            }
        }

        assertThat(files).as("file downloads (list each in FILE_ENDPOINTS with the action it is audited as)")
                .containsExactlyInAnyOrderElementsOf(FILE_ENDPOINTS.keySet());
    }

    private List<String> actionsOf(Actor actor) {
        return jdbc.sql("SELECT action FROM audit_entry WHERE actor = :actor ORDER BY seq")
                .param("actor", actor.username()).query(String.class).list();
    }

    /** A body of bytes, a stream or a resource, or a handler that writes the response itself. */
    private static boolean answersWithAFile(HandlerMethod handler) {
        Type type = handler.getMethod().getGenericReturnType();
        if (type instanceof ParameterizedType p && p.getRawType() == ResponseEntity.class) {
            type = p.getActualTypeArguments()[0];
        }
        return type == byte[].class || type == StreamingResponseBody.class
                || (type instanceof Class<?> c && Resource.class.isAssignableFrom(c))
                || (handler.getMethod().getReturnType() == void.class && Arrays.stream(handler.getMethodParameters())
                        .anyMatch(p -> p.getParameterType() == HttpServletResponse.class));
    }
}
