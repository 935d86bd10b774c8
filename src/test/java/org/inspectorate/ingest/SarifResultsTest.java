package org.inspectorate.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.inspectorate.finding.Severity;
import org.junit.jupiter.api.Test;

/** SARIF 2.1.0 results mean what the spec says: kind, level, suppressions, baseline state and the tool. */
class SarifResultsTest {

    /** One run of a tool named {@code Semgrep OSS} with rules R1 (default level error) and R2 (scored 9.1). */
    private static Recorded run(String... results) {
        return Recorded.parse(ReportFormat.SARIF, """
                {"version": "2.1.0", "runs": [{
                  "tool": {"driver": {"name": "Semgrep OSS", "rules": [
                    {"id": "R1", "shortDescription": {"text": "Rule one"}, "defaultConfiguration": {"level": "error"}},
                    {"id": "R2", "shortDescription": {"text": "Rule two"}, "properties": {"security-severity": "9.1"}}
                  ]}},
                  "results": [%s]
                }]}
                """.formatted(String.join(",\n", results)));
    }

    private static String result(String ruleId, String members) {
        return """
                {"ruleId": "%s", "message": {"text": "found it"}, %s
                 "locations": [{"physicalLocation": {"artifactLocation": {"uri": "src/a.py"}, "region": {"startLine": 3}}}]}
                """.formatted(ruleId, members.isEmpty() ? "" : members + ",");
    }

    @Test
    void aResultWithoutKindIsAFailureAtItsRulesDefaultLevel() {
        ScannedFinding finding = run(result("R1", "")).only();

        assertThat(finding.severity()).isEqualTo(Severity.HIGH);
        assertThat(finding.informational()).isFalse();
        assertThat(finding.category()).isEqualTo(FindingCategory.CODE_DEFECT);
        assertThat(finding.flags()).doesNotContain(FindingFlag.NEEDS_REVIEW);
    }

    @Test
    void aFailureWithoutAnyLevelIsAWarning() {
        assertThat(run(result("OTHER", "\"kind\": \"fail\"")).only().severity()).isEqualTo(Severity.MEDIUM);
    }

    @Test
    void aFailureOfLevelNoneIsInformational() {
        ScannedFinding finding = run(result("R1", "\"kind\": \"fail\", \"level\": \"none\"")).only();

        assertThat(finding.informational()).isTrue();
        assertThat(finding.severity()).isNull();
    }

    @Test
    void passAndNotApplicableResultsAreNoItems() {
        Recorded recorded = run(result("R1", "\"kind\": \"pass\""), result("R2", "\"kind\": \"notApplicable\""),
                result("R1", "\"kind\": \"pass\", \"level\": \"none\""));

        assertThat(recorded.findings()).isEmpty();
    }

    @Test
    void anInformationalResultIsAnInformationalItemNotAProblem() {
        ScannedFinding finding = run(result("R1", "\"kind\": \"informational\"")).only();

        assertThat(finding.informational()).isTrue();
        assertThat(finding.severity()).isEqualTo(FindingBuilder.INFORMATIONAL);
        assertThat(finding.category()).isEqualTo(FindingCategory.INFORMATIONAL);
    }

    @Test
    void reviewAndOpenResultsAreFindingsThatNeedAPersonToLook() {
        List<ScannedFinding> findings = run(result("OTHER", "\"kind\": \"review\""),
                result("R2", "\"kind\": \"open\""), result("OTHER", "\"kind\": \"review\", \"level\": \"error\""),
                result("R1", "\"kind\": \"open\", \"level\": \"none\"")).findings();

        assertThat(findings).hasSize(4).allMatch(f -> f.flags().contains(FindingFlag.NEEDS_REVIEW))
                .noneMatch(ScannedFinding::informational);
        assertThat(findings).extracting(ScannedFinding::severity)
                .containsExactly(Severity.LOW, Severity.HIGH, Severity.HIGH, Severity.LOW);
        assertThat(findings.get(1).scannerScore()).isEqualTo(9.1);
    }

    @Test
    void theSecuritySeverityScoreIsKeptAsTheScannersScore() {
        ScannedFinding finding = run(result("R2", "")).only();

        assertThat(finding.severity()).isEqualTo(Severity.HIGH);
        assertThat(finding.scannerScore()).isEqualTo(9.1);
    }

    @Test
    void aSuppressionAcceptedOrWithoutStatusSuppressesTheResultWithItsKindAndJustifications() {
        List<ScannedFinding> findings = run(
                result("R1", """
                        "suppressions": [{"kind": "inSource", "status": "accepted", "justification": "test fixture"}]"""),
                result("R1", """
                        "suppressions": [{"kind": "external"}]"""),
                result("R1", """
                        "suppressions": [{"kind": "external", "status": "accepted", "justification": "false positive"},
                                         {"kind": "inSource", "justification": "  checked by hand  "}]""")).findings();

        assertThat(findings).extracting(ScannedFinding::suppression).containsExactly(
                new ScannedFinding.Suppression("inSource", "test fixture"),
                new ScannedFinding.Suppression("external", null),
                new ScannedFinding.Suppression("external", "false positive\nchecked by hand"));
        assertThat(findings).allMatch(f -> f.severity() == Severity.HIGH);
    }

    @Test
    void suppressionsOnlyUnderReviewOrRejectedLeaveAnOrdinaryResult() {
        List<ScannedFinding> findings = run(
                result("R1", """
                        "suppressions": [{"kind": "inSource", "status": "underReview", "justification": "asking"}]"""),
                result("R1", """
                        "suppressions": [{"kind": "external", "status": "rejected"},
                                         {"kind": "inSource", "status": "underReview"}]"""),
                result("R1", "\"suppressions\": []"), result("R1", "")).findings();

        assertThat(findings).hasSize(4).allMatch(f -> f.suppression() == null);
    }

    @Test
    void aResultAbsentSinceTheBaselineIsNoItemWhileNewUnchangedAndUpdatedAreOrdinary() {
        List<ScannedFinding> findings = run(result("R1", "\"baselineState\": \"absent\""),
                result("R1", "\"baselineState\": \"new\""), result("R1", "\"baselineState\": \"unchanged\""),
                result("R1", "\"baselineState\": \"updated\"")).findings();

        assertThat(findings).hasSize(3).allMatch(f -> f.severity() == Severity.HIGH);
    }

    @Test
    void everyItemNamesTheRunsToolAsWritten() {
        Recorded recorded = Recorded.parse(ReportFormat.SARIF, """
                {"version": "2.1.0", "runs": [
                  {"tool": {"driver": {"name": "Semgrep OSS"}}, "results": [%s]},
                  {"tool": {"driver": {"name": "CodeQL", "version": "2.15"}}, "results": [%s, %s]},
                  {"tool": {"driver": {"rules": []}}, "results": [%s]}
                ]}
                """.formatted(result("A", ""), result("B", ""), result("C", ""), result("D", "")));

        assertThat(recorded.findings()).extracting(ScannedFinding::tool)
                .containsExactly("Semgrep OSS", "CodeQL", "CodeQL", null);
        assertThat(recorded.hosts()).isEmpty();
    }

    @Test
    void aResultWithAHundredCvesKeepsThemAll() {
        StringBuilder cves = new StringBuilder();
        for (int i = 0; i < 100; i++) {
            cves.append(i == 0 ? "" : ", ").append("CVE-2024-").append(10_000 + i);
        }
        Recorded recorded = Recorded.parse(ReportFormat.SARIF, """
                {"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "dep-scan", "rules": [
                  {"id": "DEP-1", "properties": {"cve": "%s"}}]}},
                  "results": [%s]}]}
                """.formatted(cves, result("DEP-1", "")));

        assertThat(recorded.only().cves()).hasSize(100).startsWith("CVE-2024-10000").endsWith("CVE-2024-10099");
    }

    @Test
    void aResultKeepsTheCweIdsOfItsRulesTagsRelationshipsAndItsOwnTaxa() {
        Recorded recorded = Recorded.parse(ReportFormat.SARIF, """
                {"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "CodeQL", "rules": [
                  {"id": "py/sql-injection", "properties": {"tags": ["security", "external/cwe/cwe-089"]},
                   "relationships": [{"target": {"id": "564", "toolComponent": {"name": "CWE"}}},
                                     {"target": {"id": "A03", "toolComponent": {"name": "OWASP"}}}]}]}},
                  "results": [%s]}]}
                """.formatted(result("py/sql-injection", """
                "taxa": [{"id": "CWE-943", "toolComponent": {"name": "CWE"}}]""")));

        assertThat(recorded.only().cweIds()).containsExactly("CWE-89", "CWE-943", "CWE-564");
    }
}
