package org.inspectorate.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.inspectorate.finding.Severity;
import org.junit.jupiter.api.Test;

/**
 * Nessus, OpenVAS/GVM and Nmap reports read as their formats define them: CVSS vectors of every version,
 * the hosts a report scanned, open ports and services, vulners lists, texts and references kept whole.
 */
class ScannerReportsTest {

    private static Recorded nessus(String hosts) {
        return Recorded.parse(ReportFormat.NESSUS, """
                <?xml version="1.0" ?>
                <NessusClientData_v2><Report name="t" xmlns:cm="http://www.nessus.org/cm">
                %s
                </Report></NessusClientData_v2>
                """.formatted(hosts));
    }

    private static String nessusItem(String pluginId, String severity, String body) {
        return """
                <ReportItem port="443" svc_name="www" protocol="tcp" severity="%s" pluginID="%s" pluginName="Item %s"
                 pluginFamily="General"><description>d</description>%s</ReportItem>
                """.formatted(severity, pluginId, pluginId, body);
    }

    private static Recorded nessusItems(String... items) {
        return nessus("<ReportHost name=\"10.0.0.5\"><HostProperties><tag name=\"host-ip\">10.0.0.5</tag>"
                + "</HostProperties>" + String.join("", items) + "</ReportHost>");
    }

    @Test
    void nessusKeepsTheNewestCvssVectorAsWrittenWithThatVersionsScore() {
        Recorded recorded = nessusItems(
                nessusItem("2", "2", """
                        <cvss_base_score>7.5</cvss_base_score><cvss_vector>CVSS2#AV:N/AC:L/Au:N/C:P/I:P/A:P</cvss_vector>"""),
                nessusItem("30", "3", """
                        <cvss_base_score>7.5</cvss_base_score><cvss_vector>CVSS2#AV:N/AC:L/Au:N/C:P/I:P/A:P</cvss_vector>
                        <cvss3_base_score>9.8</cvss3_base_score>
                        <cvss3_vector>CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H</cvss3_vector>"""),
                nessusItem("31", "2", """
                        <cvss3_vector>CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:U/C:L/I:L/A:N</cvss3_vector>
                        <cvss3_base_score>5.4</cvss3_base_score>"""),
                nessusItem("40", "4", """
                        <cvss_base_score>10.0</cvss_base_score><cvss_vector>CVSS2#AV:N/AC:L/Au:N/C:C/I:C/A:C</cvss_vector>
                        <cvss3_base_score>9.8</cvss3_base_score>
                        <cvss3_vector>CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H</cvss3_vector>
                        <cvss4_base_score>9.3</cvss4_base_score>
                        <cvss4_vector>CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N</cvss4_vector>"""),
                nessusItem("50", "2", "<cvss3_base_score>6.1</cvss3_base_score><cvss_base_score>5.0</cvss_base_score>"));

        assertThat(recorded.rule("2").cvssVector()).isEqualTo("CVSS2#AV:N/AC:L/Au:N/C:P/I:P/A:P");
        assertThat(recorded.rule("2").scannerScore()).isEqualTo(7.5);
        assertThat(recorded.rule("30").cvssVector()).isEqualTo("CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H");
        assertThat(recorded.rule("30").scannerScore()).isEqualTo(9.8);
        assertThat(recorded.rule("31").cvssVector()).isEqualTo("CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:U/C:L/I:L/A:N");
        assertThat(recorded.rule("31").scannerScore()).isEqualTo(5.4);
        assertThat(recorded.rule("40").cvssVector())
                .isEqualTo("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N");
        assertThat(recorded.rule("40").scannerScore()).isEqualTo(9.3);
        assertThat(recorded.rule("50").cvssVector()).isNull();
        assertThat(recorded.rule("50").scannerScore()).isEqualTo(6.1);
    }

    @Test
    void nessusSeverityOutsideZeroToFourIsRefusedNamingTheValue() {
        for (String value : List.of("7", "-1", "high")) {
            assertThatThrownBy(() -> nessusItems(nessusItem("1", value, "")))
                    .isInstanceOfSatisfying(ReportParseException.class, e -> {
                        assertThat(e.messageKey()).isEqualTo("ingest.parse.nessus-severity-invalid");
                        assertThat(e.problem().args()).containsExactly(value);
                        assertThat(e.problem().args()[0]).isInstanceOf(String.class);
                        assertThat(e.line()).isPositive();
                    });
        }
    }

    @Test
    void nessusInformationalItemOnAPortCarriesItsServiceAndAGeneralOneNone() {
        Recorded recorded = nessus("""
                <ReportHost name="10.0.0.5"><HostProperties><tag name="host-ip">10.0.0.5</tag></HostProperties>
                <ReportItem port="8443" svc_name="www" protocol="tcp" severity="0" pluginID="22964"
                 pluginName="Service Detection" pluginFamily="Service detection"><plugin_output>A web server is running on this port.</plugin_output></ReportItem>
                <ReportItem port="0" svc_name="general" protocol="tcp" severity="0" pluginID="19506"
                 pluginName="Nessus Scan Information" pluginFamily="Settings"/>
                <ReportItem port="22" svc_name="ssh" protocol="tcp" severity="2" pluginID="70658"
                 pluginName="SSH Server CBC Mode Ciphers Enabled" pluginFamily="Misc."/>
                </ReportHost>""");

        ScannedFinding web = recorded.rule("22964");
        assertThat(web.informational()).isTrue();
        assertThat(web.port()).isEqualTo(8443);
        assertThat(web.protocol()).isEqualTo("tcp");
        assertThat(web.service()).isEqualTo(new ScannedFinding.ObservedService("www", null, null));
        assertThat(recorded.rule("19506").service()).isNull();
        assertThat(recorded.rule("70658").service()).isNull();
    }

    @Test
    void nessusReportsEveryHostAsScannedIncludingOneWithoutItemsNamedAsItsItemsWouldBe() {
        Recorded recorded = nessus("""
                <ReportHost name="web01"><HostProperties><tag name="host-ip">10.0.0.5</tag></HostProperties>
                %s</ReportHost>
                <ReportHost name="10.0.0.6"><HostProperties><tag name="HOST_END">x</tag></HostProperties></ReportHost>
                <ReportHost name="db.example.cn"><HostProperties><tag name="host-ip">2001:DB8:0:0:0:0:0:1</tag></HostProperties></ReportHost>
                <ReportHost name="bad name"><HostProperties/></ReportHost>
                """.formatted(nessusItem("1", "1", "")));

        assertThat(recorded.only().host()).isEqualTo("10.0.0.5");
        assertThat(recorded.hosts()).containsExactly("10.0.0.5", "10.0.0.6", "2001:db8::1");
    }

    @Test
    void anItemWithAHundredCvesKeepsThemAll() {
        StringBuilder cves = new StringBuilder();
        for (int i = 0; i < 100; i++) {
            cves.append("<cve>CVE-2023-").append(20_000 + i).append("</cve>");
        }
        ScannedFinding finding = nessusItems(nessusItem("9", "3", cves.toString())).only();

        assertThat(finding.cves()).hasSize(100).startsWith("CVE-2023-20000").endsWith("CVE-2023-20099");
    }

    @Test
    void nessusKeepsTheWeaknessTypesOfItsCweElementsAndXrefsOnceEach() {
        ScannedFinding finding = nessusItems(nessusItem("9", "3",
                "<cwe>79</cwe><xref>CWE:89</xref><xref>CWE:79</xref><xref>IAVA:2020-A-0001</xref>")).only();

        assertThat(finding.cweIds()).containsExactly("CWE-79", "CWE-89");
    }

    @Test
    void openvasKeepsCweReferencesWrittenWithOrWithoutTheirPrefix() {
        ScannedFinding finding = openvas("""
                <refs><ref type="cve" id="CVE-2021-44228"/><ref type="cwe" id="CWE-502"/><ref type="cwe" id="20"/>
                <ref type="url" id="https://example.org/CWE-1"/></refs>""", "<severity>9.8</severity>", "").only();

        assertThat(finding.cves()).containsExactly("CVE-2021-44228");
        assertThat(finding.cweIds()).containsExactly("CWE-502", "CWE-20");
    }

    @Test
    void referencesBeyondTheThousandKeptPerKindFlagTheItemRatherThanVanish() {
        StringBuilder cves = new StringBuilder();
        for (int i = 0; i <= FindingBuilder.MAX_IDS; i++) {
            cves.append("<cve>CVE-2022-").append(30_000 + i).append("</cve>");
        }
        ScannedFinding many = nessusItems(nessusItem("9", "3", cves.toString())).only();
        ScannedFinding eightDigits = nessusItems(nessusItem("9", "3", "<cve>CVE-2024-12345678</cve>")).only();

        assertThat(many.cves()).hasSize(FindingBuilder.MAX_IDS);
        assertThat(many.flags()).contains(FindingFlag.TEXT_TRUNCATED);
        assertThat(eightDigits.cves()).containsExactly("CVE-2024-12345678");
        assertThat(eightDigits.flags()).doesNotContain(FindingFlag.TEXT_TRUNCATED);
    }

    @Test
    void aTitleOfSixHundredCharactersIsKeptAtFiveHundredAndFlagged() {
        String title = "A".repeat(600);
        ScannedFinding finding = nessusItems("""
                <ReportItem port="80" protocol="tcp" severity="2" pluginID="7" pluginName="">
                <plugin_name>%s</plugin_name></ReportItem>""".formatted(title)).only();

        assertThat(finding.title()).hasSize(ScannedFinding.MAX_TITLE).startsWith("AAAA");
        assertThat(finding.flags()).contains(FindingFlag.TEXT_TRUNCATED);
    }

    @Test
    void aLongDescriptionThatIsCutIsFlaggedEvenWhenItsIndentationHidesTheCut() {
        String description = " ".repeat(50) + "x".repeat(ScannedFinding.MAX_TEXT);
        ScannedFinding finding = nessusItems(nessusItem("8", "1", "")
                .replace("<description>d</description>", "<description>" + description + "</description>")).only();

        assertThat(finding.description()).hasSizeLessThanOrEqualTo(ScannedFinding.MAX_TEXT);
        assertThat(finding.flags()).contains(FindingFlag.TEXT_TRUNCATED);
        assertThat(nessusItems(nessusItem("8", "1", "")).only().flags()).doesNotContain(FindingFlag.TEXT_TRUNCATED);
    }

    private static Recorded openvas(String nvtExtra, String resultExtra, String hostList) {
        return Recorded.parse(ReportFormat.OPENVAS, """
                <report id="r1"><report id="r1">
                <results start="1" max="-1">
                <result id="a"><name>Result</name><host>10.0.1.2<asset asset_id=""/><hostname>h</hostname></host>
                <port>443/tcp</port>
                <nvt oid="1.3.6.1.4.1.25623.1.0.1"><name>Some NVT</name><family>General</family>%s</nvt>
                %s<description>out</description></result>
                </results>
                %s
                </report></report>
                """.formatted(nvtExtra, resultExtra, hostList));
    }

    private static String severities(String type, String score, String vector) {
        return "<severity type=\"" + type + "\"><origin/><date>2023-01-01T00:00:00Z</date><score>" + score
                + "</score><value>" + vector + "</value></severity>";
    }

    @Test
    void openvasKeepsTheNewestSeverityVectorWithItsScore() {
        String v2 = severities("cvss_base_v2", "7.5", "AV:N/AC:L/Au:N/C:P/I:P/A:P");
        String v3 = severities("cvss_base_v3", "9.8", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H");
        String v4 = severities("cvss_base_v4", "9.3", "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N");

        ScannedFinding onlyV2 = openvas("<severities score=\"7.5\">" + v2 + "</severities>",
                "<severity>7.5</severity>", "").only();
        ScannedFinding v3AndV2 = openvas("<severities score=\"9.8\">" + v2 + v3 + "</severities>",
                "<severity>9.8</severity>", "").only();
        ScannedFinding all = openvas("<severities score=\"9.3\">" + v3 + v4 + v2 + "</severities>",
                "<severity>9.3</severity>", "").only();

        assertThat(onlyV2.cvssVector()).isEqualTo("AV:N/AC:L/Au:N/C:P/I:P/A:P");
        assertThat(onlyV2.scannerScore()).isEqualTo(7.5);
        assertThat(v3AndV2.cvssVector()).isEqualTo("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H");
        assertThat(v3AndV2.scannerScore()).isEqualTo(9.8);
        assertThat(all.cvssVector()).startsWith("CVSS:4.0/AV:N/AC:L/AT:N");
        assertThat(all.scannerScore()).isEqualTo(9.3);
        assertThat(all.severity()).isEqualTo(Severity.HIGH);
    }

    @Test
    void openvasOlderNvtGivesItsV2VectorInTheTagsAndItsCvssBaseScore() {
        ScannedFinding finding = openvas("""
                <cvss_base>5.0</cvss_base><tags>cvss_base_vector=AV:N/AC:L/Au:N/C:P/I:N/A:N|summary=Leaks.</tags>""",
                "<severity>5.0</severity>", "").only();
        ScannedFinding scoreOnly = openvas("", "<severity>6.4</severity>", "").only();

        assertThat(finding.cvssVector()).isEqualTo("AV:N/AC:L/Au:N/C:P/I:N/A:N");
        assertThat(finding.scannerScore()).isEqualTo(5.0);
        assertThat(finding.description()).isEqualTo("Leaks.");
        assertThat(scoreOnly.cvssVector()).isNull();
        assertThat(scoreOnly.scannerScore()).isEqualTo(6.4);
    }

    @Test
    void openvasReportsEveryHostOfItsHostListAndEachResultsHostAsScanned() {
        Recorded recorded = openvas("", "<severity>5.0</severity>", """
                <host><ip>10.0.1.2</ip><asset asset_id=""/><start>2023-09-26T10:50:34Z</start>
                  <detail><name>best_os_cpe</name><value>cpe:/o:linux</value></detail></host>
                <host><ip>10.0.1.3</ip><start>2023-09-26T10:50:34Z</start><end>x</end></host>
                <host>10.0.1.4</host>
                <ports><port>443/tcp<host>10.0.1.9</host><severity>5.0</severity></port></ports>
                """);

        assertThat(recorded.findings()).hasSize(1);
        assertThat(recorded.hosts()).containsExactly("10.0.1.2", "10.0.1.3", "10.0.1.4");
    }

    private static Recorded nmap(String hosts) {
        return Recorded.parse(ReportFormat.NMAP, """
                <?xml version="1.0" encoding="UTF-8"?>
                <!DOCTYPE nmaprun>
                <nmaprun scanner="nmap" args="nmap -sV" version="7.94" xmloutputversion="1.05">
                %s
                <runstats><finished time="1" exit="success"/></runstats>
                </nmaprun>
                """.formatted(hosts));
    }

    @Test
    void nmapOpenPortsAreInformationalItemsWithTheServiceSeen() {
        Recorded recorded = nmap("""
                <host><status state="up" reason="syn-ack"/><address addr="192.0.2.10" addrtype="ipv4"/>
                <ports>
                <port protocol="tcp" portid="443"><state state="open" reason="syn-ack"/>
                  <service name="https" product="nginx" version="1.24.0" extrainfo="Ubuntu" method="probed" conf="10"/></port>
                <port protocol="tcp" portid="8080"><state state="open|filtered"/><service name="http-proxy"/></port>
                <port protocol="tcp" portid="25"><state state="closed"/><service name="smtp"/></port>
                <port protocol="udp" portid="161"><state state="open|filtered" reason="no-response"/><service name="snmp" method="table" conf="3"/></port>
                <port protocol="udp" portid="53"><state state="open"/></port>
                </ports></host>""");

        assertThat(recorded.findings()).hasSize(3).allMatch(ScannedFinding::informational)
                .allMatch(f -> f.ruleId().equals("open-port"));
        assertThat(recorded.findings()).extracting(ScannedFinding::port).containsExactly(443, 161, 53);
        assertThat(recorded.findings()).extracting(ScannedFinding::protocol).containsExactly("tcp", "udp", "udp");
        assertThat(recorded.findings()).extracting(ScannedFinding::service).containsExactly(
                new ScannedFinding.ObservedService("https", "nginx", "1.24.0"),
                new ScannedFinding.ObservedService("snmp", null, null),
                new ScannedFinding.ObservedService(null, null, null));
        assertThat(recorded.findings().get(0).evidence()).isEqualTo("nginx 1.24.0 Ubuntu");
    }

    @Test
    void nmapVulnersScriptIsOneVulnerabilityWithEveryCveAndTheHighestScore() {
        ScannedFinding vulners = nmap("""
                <host><status state="up"/><address addr="192.0.2.10" addrtype="ipv4"/><ports>
                <port protocol="tcp" portid="22"><state state="open"/><service name="ssh" product="OpenSSH" version="8.9p1"/>
                <script id="vulners" output="&#xa;  cpe:/a:openbsd:openssh:8.9p1: &#xa;    &#x9;CVE-2023-38408&#x9;9.8&#x9;https://vulners.com/cve/CVE-2023-38408&#xa;    &#x9;CVE-2023-28531&#x9;9.8&#x9;https://vulners.com/cve/CVE-2023-28531&#xa;    &#x9;CVE-2021-41617&#x9;7.0&#x9;https://vulners.com/cve/CVE-2021-41617">
                <table key="cpe:/a:openbsd:openssh:8.9p1">
                <table><elem key="is_exploit">false</elem><elem key="cvss">9.8</elem><elem key="id">CVE-2023-38408</elem><elem key="type">cve</elem></table>
                <table><elem key="is_exploit">false</elem><elem key="cvss">9.8</elem><elem key="id">CVE-2023-28531</elem><elem key="type">cve</elem></table>
                <table><elem key="is_exploit">false</elem><elem key="cvss">7.0</elem><elem key="id">CVE-2021-41617</elem><elem key="type">cve</elem></table>
                </table></script></port></ports></host>""").rule("vulners");

        assertThat(vulners.category()).isEqualTo(FindingCategory.VULNERABILITY);
        assertThat(vulners.informational()).isFalse();
        assertThat(vulners.severity()).isEqualTo(Severity.HIGH);
        assertThat(vulners.scannerScore()).isEqualTo(9.8);
        assertThat(vulners.cves()).containsExactly("CVE-2023-38408", "CVE-2023-28531", "CVE-2021-41617");
        assertThat(vulners.port()).isEqualTo(22);
    }

    @Test
    void aScriptListingScoredCvesOnlyAsTextIsAVulnerabilityToo() {
        ScannedFinding listed = nmap("""
                <host><status state="up"/><address addr="192.0.2.10" addrtype="ipv4"/><ports>
                <port protocol="tcp" portid="80"><state state="open"/><service name="http" product="Apache httpd" version="2.4.49"/>
                <script id="vulscan" output="&#xa;  CVE-2021-41773  7.5  https://example.test/CVE-2021-41773&#xa;  CVE-2021-42013  9.8&#xa;  SOME-EXPLOIT-1  5.0  https://example.test/x *EXPLOIT*"/>
                </port></ports></host>""").rule("vulscan");

        assertThat(listed.category()).isEqualTo(FindingCategory.VULNERABILITY);
        assertThat(listed.scannerScore()).isEqualTo(9.8);
        assertThat(listed.severity()).isEqualTo(Severity.HIGH);
        assertThat(listed.cves()).containsExactly("CVE-2021-41773", "CVE-2021-42013");
    }

    @Test
    void nmapScriptOutputStaysInformationalAndStartsWithoutBlankLinesKeepingItsLayout() {
        Recorded recorded = nmap("""
                <host><status state="up"/><address addr="192.0.2.10" addrtype="ipv4"/><ports>
                <port protocol="tcp" portid="443"><state state="open"/><service name="https"/>
                <script id="ssl-cert" output="&#xa;&#xa;    Subject: commonName=www.example.cn&#xa;    Issuer: commonName=Example CA&#xa;      Not valid after:  2027-01-01"/>
                </port></ports>
                <hostscript><script id="smb-os-discovery" output="&#xa;  OS: Windows Server 2019&#xa;  Computer name: WEB01"/></hostscript>
                </host>""");

        ScannedFinding cert = recorded.rule("ssl-cert");
        assertThat(cert.informational()).isTrue();
        assertThat(cert.description()).isEqualTo(
                "Subject: commonName=www.example.cn\nIssuer: commonName=Example CA\n  Not valid after:  2027-01-01");
        ScannedFinding os = recorded.rule("smb-os-discovery");
        assertThat(os.port()).isNull();
        assertThat(os.informational()).isTrue();
        assertThat(os.description()).isEqualTo("OS: Windows Server 2019\nComputer name: WEB01");
    }

    @Test
    void nmapReportsEveryHostThatIsUpAsScannedWithOrWithoutOpenPorts() {
        Recorded recorded = nmap("""
                <host><status state="up"/><address addr="192.0.2.10" addrtype="ipv4"/>
                  <ports><port protocol="tcp" portid="22"><state state="open"/></port></ports></host>
                <host><status state="up" reason="echo-reply"/><address addr="192.0.2.11" addrtype="ipv4"/>
                  <address addr="00:11:22:33:44:55" addrtype="mac"/>
                  <ports><extraports state="closed" count="1000"/></ports></host>
                <host><status state="up"/><hostnames><hostname name="WWW.Example.CN" type="user"/></hostnames></host>
                <host><status state="down" reason="no-response"/><address addr="192.0.2.12" addrtype="ipv4"/></host>
                """);

        assertThat(recorded.only().host()).isEqualTo("192.0.2.10");
        assertThat(recorded.hosts()).containsExactly("192.0.2.10", "192.0.2.11", "www.example.cn");
    }
}
