package org.inspectorate.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import org.inspectorate.finding.Severity;
import org.junit.jupiter.api.Test;

/** Which scanner results count as weak passwords (弱口令). */
class WeakCredentialPolicyTest {

    private final WeakCredentialPolicy policy = new WeakCredentialPolicy();

    @Test
    void nessusDefaultCredentialPluginsAreWeakPasswords() {
        assertThat(policy.showsWeakCredentials(ReportFormat.NESSUS, "10081", "FTP Supports Cleartext Authentication",
                "FTP", null)).isFalse();
        assertThat(policy.showsWeakCredentials(ReportFormat.NESSUS, "11255", "Default Password (root) for 'root' Account",
                "Default Unix Accounts", null)).isTrue();
        assertThat(policy.showsWeakCredentials(ReportFormat.NESSUS, "34220", "Apache Tomcat Default Credentials",
                "Web Servers", null)).isTrue();
        assertThat(policy.showsWeakCredentials(ReportFormat.NESSUS, "10264", "SNMP Agent Default Community Name (public)",
                "SNMP", null)).isTrue();
        assertThat(policy.showsWeakCredentials(ReportFormat.NESSUS, "10481", "MySQL Unpassworded Account Check",
                "Databases", null)).isTrue();
        assertThat(policy.showsWeakCredentials(ReportFormat.NESSUS, "10079", "Anonymous FTP Enabled", "FTP", null))
                .isTrue();
    }

    @Test
    void cleartextCredentialsAreNotWeakCredentials() {
        assertThat(policy.showsWeakCredentials(ReportFormat.NESSUS, "26194", "Web Server Transmits Cleartext Credentials",
                "Web Servers", null)).isFalse();
    }

    @Test
    void openvasDefaultAccountsAndBruteForceFamiliesAreWeakPasswords() {
        assertThat(policy.showsWeakCredentials(ReportFormat.OPENVAS, "1.3.6.1.4.1.25623.1.0.103552",
                "PostgreSQL Default Credentials (PostgreSQL Protocol)", "Default Accounts", null)).isTrue();
        assertThat(policy.showsWeakCredentials(ReportFormat.OPENVAS, "1.3.6.1.4.1.25623.1.0.106056",
                "VNC Brute Force Login", "Brute force attacks", null)).isTrue();
        assertThat(policy.showsWeakCredentials(ReportFormat.OPENVAS, "1.3.6.1.4.1.25623.1.0.1", "Router weak password",
                "General", null)).isTrue();
        assertThat(policy.showsWeakCredentials(ReportFormat.OPENVAS, "1.3.6.1.4.1.25623.1.0.100111",
                "The rexec service is running", "Useless services", null)).isFalse();
    }

    @Test
    void nmapBruteScriptCountsOnlyWithValidCredentials() {
        assertThat(policy.showsWeakCredentials(ReportFormat.NMAP, "ssh-brute", "ssh-brute", null,
                "\n  Accounts:\n    root:toor - Valid credentials\n  Statistics: Performed 120 guesses")).isTrue();
        assertThat(policy.showsWeakCredentials(ReportFormat.NMAP, "ssh-brute", "ssh-brute", null,
                "\n  Accounts: No valid accounts found\n  Statistics: Performed 120 guesses")).isFalse();
    }

    @Test
    void nmapDefaultAccountsAnonymousFtpAndEmptyPasswordScriptsAreWeakPasswords() {
        assertThat(policy.showsWeakCredentials(ReportFormat.NMAP, "http-default-accounts", null, null,
                "\n  [Apache Tomcat] at /manager/html/\n    tomcat:tomcat")).isTrue();
        assertThat(policy.showsWeakCredentials(ReportFormat.NMAP, "ftp-anon", null, null,
                "Anonymous FTP login allowed (FTP code 230)")).isTrue();
        assertThat(policy.showsWeakCredentials(ReportFormat.NMAP, "mysql-empty-password", null, null,
                "\n  root account has empty password")).isTrue();
        assertThat(policy.showsWeakCredentials(ReportFormat.NMAP, "vulners", null, null,
                "cpe:/a:openbsd:openssh:7.4: CVE-2018-15919 5.0")).isFalse();
        assertThat(policy.showsWeakCredentials(ReportFormat.NMAP, "ftp-anon", null, null, "")).isFalse();
    }

    @Test
    void nmapWeakPasswordScriptInAReportBecomesAHighWeakPasswordFinding() {
        String nmap = "<nmaprun><host><status state=\"up\"/><address addr=\"192.0.2.7\" addrtype=\"ipv4\"/><ports>"
                + "<port protocol=\"tcp\" portid=\"21\"><state state=\"open\"/><service name=\"ftp\"/>"
                + "<script id=\"ftp-anon\" output=\"Anonymous FTP login allowed (FTP code 230)\"/></port>"
                + "<port protocol=\"tcp\" portid=\"22\"><state state=\"open\"/><service name=\"ssh\"/>"
                + "<script id=\"ssh-brute\" output=\"&#xa;  Accounts:&#xa;    admin:admin - Valid credentials\"/></port>"
                + "<port protocol=\"tcp\" portid=\"23\"><state state=\"closed\"/></port>"
                + "</ports></host></nmaprun>";

        assertThat(Samples.parseText(ReportFormat.NMAP, nmap)).filteredOn(ScannedFinding::isWeakPassword)
                .extracting(ScannedFinding::ruleId, ScannedFinding::port, ScannedFinding::severity)
                .containsExactly(tuple("ftp-anon", 21, Severity.HIGH), tuple("ssh-brute", 22, Severity.HIGH));
    }

    @Test
    void sarifHardCodedSecretIsACodeDefectNotAWeakPassword() {
        assertThat(policy.showsWeakCredentials(ReportFormat.SARIF, "AWS Access Key", "AWS Access Key secret detected",
                null, "AWS Access Key secret detected")).isFalse();
        assertThat(policy.showsWeakCredentials(ReportFormat.SARIF, "java/hardcoded-default-password",
                "Hard-coded default password", null, null)).isTrue();
    }
}
