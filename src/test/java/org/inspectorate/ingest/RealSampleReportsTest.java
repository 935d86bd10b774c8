package org.inspectorate.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.inspectorate.finding.Severity;
import org.junit.jupiter.api.Test;

/** Every parser against the real scanner reports, with values checked by reading the files. */
class RealSampleReportsTest {

    @Test
    void nessusReportWithCvss3YieldsEveryReportItemWithMappedSeverities() {
        List<ScannedFinding> findings = Samples.parse(ReportFormat.NESSUS, "nessus/nessus_with_cvssv3.nessus");

        assertThat(findings).hasSize(49).allMatch(f -> f.host().equals("44.228.249.3"));
        assertThat(findings).filteredOn(f -> f.severity() == Severity.HIGH).hasSize(12); // 10 high + 2 critical
        assertThat(findings).filteredOn(f -> f.severity() == Severity.MEDIUM).hasSize(13);
        assertThat(findings).filteredOn(f -> f.severity() == Severity.LOW).hasSize(1);
        assertThat(findings).filteredOn(ScannedFinding::informational).hasSize(23)
                .allMatch(f -> f.category() == FindingCategory.INFORMATIONAL);
        // 9 items carry a CVSS 3.0 vector (kept over their v2 one), 18 more only a v2 vector, kept as written
        assertThat(findings).filteredOn(f -> f.cvssVector() != null && f.cvssVector().startsWith("CVSS:3.0/"))
                .hasSize(9);
        assertThat(findings).filteredOn(f -> f.cvssVector() != null && f.cvssVector().startsWith("CVSS2#AV:"))
                .hasSize(18);
        assertThat(findings).filteredOn(f -> f.cvssVector() != null).hasSize(27);
    }

    @Test
    void nessusItemKeepsPluginIdCvesVectorAndOutput() {
        ScannedFinding php = Samples.parse(ReportFormat.NESSUS, "nessus/nessus_with_cvssv3.nessus").stream()
                .filter(f -> "17797".equals(f.ruleId())).findFirst().orElseThrow();

        assertThat(php.title()).isEqualTo("PHP 5.x < 5.2.2 Multiple vulnerabilities");
        assertThat(php.port()).isEqualTo(80);
        assertThat(php.protocol()).isEqualTo("tcp");
        assertThat(php.severity()).isEqualTo(Severity.HIGH);
        assertThat(php.category()).isEqualTo(FindingCategory.VULNERABILITY);
        assertThat(php.cvssVector()).isEqualTo("CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N");
        assertThat(php.cves()).hasSize(5).contains("CVE-2007-1001", "CVE-2007-1583", "CVE-2007-1649");
        assertThat(php.solution()).isNotBlank();
        assertThat(php.description()).isNotBlank();
    }

    @Test
    void nessusGeneralPortZeroBecomesNoPort() {
        ScannedFinding icmp = Samples.parse(ReportFormat.NESSUS, "nessus/nessus_with_cvssv3.nessus").stream()
                .filter(f -> "10114".equals(f.ruleId())).findFirst().orElseThrow();

        assertThat(icmp.port()).isNull();
        assertThat(icmp.protocol()).isEqualTo("icmp");
        assertThat(icmp.cves()).containsExactly("CVE-1999-0524");
    }

    @Test
    void olderNessusReportUsesTheHostIpTagAndRiskFactorNone() {
        List<ScannedFinding> findings = Samples.parse(ReportFormat.NESSUS, "nessus/nessus_many_vuln.xml");

        assertThat(findings).hasSize(7).allMatch(f -> f.host().equals("12.233.108.201"))
                .allMatch(ScannedFinding::informational);
        assertThat(findings.get(0).ruleId()).isEqualTo("19506");
        assertThat(findings.get(0).title()).isEqualTo("Nessus Scan Information");
        assertThat(findings.get(0).evidence()).startsWith("Information about this scan :").contains("Nessus version : 5.2.1");
    }

    @Test
    void openvasSingleResultKeepsNvtOidCvesAndScore() {
        List<ScannedFinding> findings = Samples.parse(ReportFormat.OPENVAS, "openvas/one_vuln.xml");

        assertThat(findings).hasSize(1);
        ScannedFinding firefox = findings.get(0);
        assertThat(firefox.host()).isEqualTo("10.0.101.2");
        assertThat(firefox.port()).isNull();
        assertThat(firefox.protocol()).isEqualTo("tcp");
        assertThat(firefox.ruleId()).isEqualTo("1.3.6.1.4.1.25623.1.0.832260");
        assertThat(firefox.title()).isEqualTo("Mozilla Firefox Security Update (mfsa_2023-32_2023-36) - Windows");
        assertThat(firefox.severity()).isEqualTo(Severity.HIGH);
        assertThat(firefox.cves()).hasSize(12).startsWith("CVE-2023-4573").contains("CVE-2023-4585");
        assertThat(firefox.solution()).startsWith("Upgrade to version 117 or later");
        assertThat(firefox.description()).startsWith("Mozilla Firefox is prone to multiple vulnerabilities.");
        assertThat(firefox.evidence()).startsWith("Installed version: 116.0.3");
    }

    @Test
    void openvasReportWithoutResultsYieldsNothing() {
        assertThat(Samples.parse(ReportFormat.OPENVAS, "openvas/no_vuln.xml")).isEmpty();
    }

    @Test
    void openvasReportWithAnImpossibleHostAddressIsRejectedNamingTheAddress() {
        // The sample's anonymised address 192.168.1.1001 is no IPv4 address: nothing of it may be imported.
        assertThatThrownBy(() -> Samples.parse(ReportFormat.OPENVAS, "openvas/many_vuln.xml"))
                .isInstanceOfSatisfying(ReportParseException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("ingest.parse.host-invalid");
                    assertThat(e.problem().args()).containsExactly("192.168.1.1001");
                    assertThat(e.line()).isEqualTo(158);
                });
    }

    @Test
    void openvasReportWithManyResultsClassifiesDefaultAccountsAndBruteForceAsWeakPasswords() {
        List<ScannedFinding> findings = Samples.parse(ReportFormat.OPENVAS, "openvas/many_vuln_valid_host.xml");

        assertThat(findings).hasSize(44).allMatch(f -> f.host().equals("192.168.1.101"));
        assertThat(findings).filteredOn(f -> f.severity() == Severity.HIGH).hasSize(19);
        assertThat(findings).filteredOn(f -> f.severity() == Severity.MEDIUM).hasSize(25);
        assertThat(findings).filteredOn(ScannedFinding::isWeakPassword).extracting(ScannedFinding::title)
                .containsExactlyInAnyOrder("VNC Brute Force Login", "PostgreSQL Default Credentials (PostgreSQL Protocol)",
                        "FTP Brute Force Logins Reporting", "FTP Brute Force Logins Reporting",
                        "Riello NetMan 204 Default Credentials (SSH)", "Anonymous FTP Login Reporting");
        ScannedFinding postgres = findings.stream().filter(f -> f.ruleId().equals("1.3.6.1.4.1.25623.1.0.103552"))
                .findFirst().orElseThrow();
        assertThat(postgres.port()).isEqualTo(5432);
        assertThat(postgres.evidence()).contains("login as user postgres with password \"postgres\"");
        ScannedFinding rexec = findings.get(0);
        assertThat(rexec.title()).isEqualTo("The rexec service is running");
        assertThat(rexec.port()).isEqualTo(512);
        assertThat(rexec.cves()).containsExactly("CVE-1999-0618");
    }

    @Test
    void openvasTitleWrappedOverLinesBecomesOneLine() {
        assertThat(Samples.parse(ReportFormat.OPENVAS, "openvas/many_vuln_valid_host.xml"))
                .extracting(ScannedFinding::title)
                .contains("Distributed Ruby (dRuby/DRb) Multiple Remote Code Execution Vulnerabilities")
                .noneMatch(t -> t.contains("\n") || t.contains("  "));
    }

    @Test
    void nmapSinglePortBecomesOneInformationalFinding() {
        List<ScannedFinding> findings = Samples.parse(ReportFormat.NMAP, "nmap/nmap_1port.xml");

        assertThat(findings).hasSize(1);
        ScannedFinding postgres = findings.get(0);
        assertThat(postgres.host()).isEqualTo("127.0.0.1");
        assertThat(postgres.port()).isEqualTo(5432);
        assertThat(postgres.protocol()).isEqualTo("tcp");
        assertThat(postgres.title()).isEqualTo("5432/tcp open postgresql");
        assertThat(postgres.ruleId()).isEqualTo("open-port");
        assertThat(postgres.informational()).isTrue();
        assertThat(postgres.category()).isEqualTo(FindingCategory.INFORMATIONAL);
    }

    @Test
    void nmapMultiplePortsAreEachAFinding() {
        List<ScannedFinding> findings = Samples.parse(ReportFormat.NMAP, "nmap/nmap_multiple_port.xml");

        assertThat(findings).hasSize(13).allMatch(f -> f.host().equals("198.38.82.159"));
        assertThat(findings).extracting(ScannedFinding::port)
                .containsExactly(21, 25, 53, 80, 110, 143, 443, 465, 587, 993, 995, 2525, 3306);
        assertThat(findings).extracting(ScannedFinding::title).contains("3306/tcp open mysql");
    }

    @Test
    void nmapVulnersScriptKeepsItsCvesAndTheServiceVersion() {
        List<ScannedFinding> findings = Samples.parse(ReportFormat.NMAP, "nmap/nmap_script_vulners.xml");

        assertThat(findings).hasSize(2);
        ScannedFinding vulners = findings.stream().filter(f -> "vulners".equals(f.ruleId())).findFirst().orElseThrow();
        assertThat(vulners.cves()).containsExactly("CVE-2018-15919", "CVE-2017-15906");
        assertThat(vulners.port()).isEqualTo(5022);
        assertThat(vulners.isWeakPassword()).isFalse();
        ScannedFinding ssh = findings.stream().filter(f -> "open-port".equals(f.ruleId())).findFirst().orElseThrow();
        assertThat(ssh.title()).isEqualTo("5022/tcp open ssh");
        assertThat(ssh.evidence()).isEqualTo("OpenSSH 7.4 protocol 2.0");
    }

    @Test
    void sarifAppendixExampleFillsTheMessageTemplateAndLocation() {
        List<ScannedFinding> findings = Samples.parse(ReportFormat.SARIF, "sarif/appendix_k.sarif");

        assertThat(findings).hasSize(1);
        ScannedFinding c2001 = findings.get(0);
        assertThat(c2001.ruleId()).isEqualTo("C2001");
        assertThat(c2001.host()).isNull();
        assertThat(c2001.location()).isEqualTo("collections/list.h:15");
        assertThat(c2001.severity()).isEqualTo(Severity.HIGH);
        assertThat(c2001.category()).isEqualTo(FindingCategory.CODE_DEFECT);
        assertThat(c2001.description()).startsWith("Variable \"ptr\" was used without being initialized.");
        assertThat(c2001.evidence()).startsWith("add_core(ptr, offset, val);");
    }

    @Test
    void codeqlSarifUsesTheRulesSecuritySeverityAndDefaultLevels() {
        List<ScannedFinding> findings = Samples.parse(ReportFormat.SARIF, "sarif/codeQL-output.sarif");

        assertThat(findings).hasSize(72);
        assertThat(findings).filteredOn(f -> f.severity() == Severity.HIGH).hasSize(11);
        assertThat(findings).filteredOn(f -> f.severity() == Severity.MEDIUM).hasSize(4);
        assertThat(findings).filteredOn(f -> f.severity() == Severity.LOW).hasSize(57);
        assertThat(findings).anySatisfy(f -> {
            assertThat(f.ruleId()).isEqualTo("py/call/wrong-named-argument");
            assertThat(f.title()).isEqualTo("Wrong name for an argument in a call");
            assertThat(f.location()).isEqualTo("good/mod_user.py:33");
        });
    }

    @Test
    void spotbugsSarifTakesTheRuleByIndexAndItsMessageStrings() {
        List<ScannedFinding> findings = Samples.parse(ReportFormat.SARIF, "sarif/spotbugs.sarif");

        assertThat(findings).hasSize(56).allMatch(f -> f.severity() == Severity.LOW);
        ScannedFinding first = findings.get(0);
        assertThat(first.ruleId()).isEqualTo("DMI_HARDCODED_ABSOLUTE_FILENAME");
        assertThat(first.title()).isEqualTo("Code contains a hard coded reference to an absolute pathname.");
        assertThat(first.description()).isEqualTo("Hard coded reference to an absolute pathname in Boot.main(String[]).");
        assertThat(first.location()).isEqualTo("Boot.java:23");
    }

    @Test
    void gitleaksSarifWithoutRuleIdsTakesTheMessageAsTitle() {
        List<ScannedFinding> findings = Samples.parse(ReportFormat.SARIF, "sarif/gitleaks_7.5.0.sarif");

        assertThat(findings).hasSize(8).allMatch(f -> f.severity() == Severity.MEDIUM);
        assertThat(findings.get(0).title()).isEqualTo("AWS Access Key secret detected");
        assertThat(findings.get(0).location()).endsWith("gitlab_secret_detection_report_1_vuln.json:13");
    }

    @Test
    void sarifWithoutRunsYieldsNothing() {
        assertThat(Samples.parse(ReportFormat.SARIF, "sarif/no_runs.sarif")).isEmpty();
    }
}
