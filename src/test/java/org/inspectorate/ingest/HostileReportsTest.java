package org.inspectorate.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reports crafted to attack or confuse the importer fail with a clear error and leak nothing. */
class HostileReportsTest {

    private static final String SECRET = "inspectorate-secret-" + System.nanoTime();

    @TempDir
    Path dir;

    @Test
    void externalEntityPayloadDoesNotLeakTheFileAndFailsClearly() throws Exception {
        Path secret = Files.writeString(dir.resolve("passwd"), SECRET);
        String xxe = """
                <?xml version="1.0"?>
                <!DOCTYPE NessusClientData_v2 [ <!ENTITY xxe SYSTEM "%s"> ]>
                <NessusClientData_v2><Report name="x"><ReportHost name="10.0.0.1">
                <ReportItem port="22" protocol="tcp" severity="3" pluginID="1" pluginName="&xxe;">
                <description>&xxe;</description></ReportItem></ReportHost></Report></NessusClientData_v2>
                """.formatted(secret.toUri());
        List<ScannedFinding> findings = new ArrayList<>();

        assertThatThrownBy(() -> Samples.parseText(ReportFormat.NESSUS, xxe))
                .isInstanceOfSatisfying(ReportParseException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("ingest.parse.doctype-forbidden");
                    assertThat(e.line()).isEqualTo(2);
                    assertThat(e.getMessage()).doesNotContain(SECRET);
                });
        assertThat(findings).isEmpty();
    }

    @Test
    void etcPasswdEntityIsRefusedBeforeAnyFinding() {
        String xxe = """
                <?xml version="1.0"?>
                <!DOCTYPE report [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
                <report><report><results><result><name>&xxe;</name><host>10.0.0.1</host>
                <port>80/tcp</port><nvt oid="1"><name>&xxe;</name></nvt><severity>5.0</severity></result></results>
                </report></report>
                """;
        List<ScannedFinding> findings = new ArrayList<>();

        assertThatThrownBy(() -> new ReportParsers().parse(ReportFormat.OPENVAS,
                new ByteArrayInputStream(xxe.getBytes(StandardCharsets.UTF_8)), findings::add))
                .isInstanceOfSatisfying(ReportParseException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("ingest.parse.doctype-forbidden");
                    assertThat(e.getMessage()).doesNotContain("root:");
                });
        assertThat(findings).isEmpty();
    }

    @Test
    void secureFactoryItselfNeverResolvesAnExternalEntity() throws Exception {
        // Defence in depth: even without the DOCTYPE check, the reader must not read the file.
        Path secret = Files.writeString(dir.resolve("secret.txt"), SECRET);
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]><r>&xxe;</r>";
        StringBuilder seen = new StringBuilder();
        try {
            XMLStreamReader reader = SecureXml.open(new ByteArrayInputStream(xxe.getBytes(StandardCharsets.UTF_8)));
            while (reader.hasNext()) {
                int event = reader.next();
                if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.ENTITY_REFERENCE) {
                    seen.append(reader.getText());
                }
            }
        } catch (XMLStreamException e) {
            seen.append(e.getMessage());
        }

        assertThat(seen.toString()).doesNotContain(SECRET);
    }

    @Test
    void billionLaughsBombFailsFastWithAClearError() {
        StringBuilder bomb = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE nmaprun [\n<!ENTITY lol \"lol\">\n");
        for (int i = 1; i <= 9; i++) {
            bomb.append("<!ENTITY lol").append(i).append(" \"");
            for (int j = 0; j < 10; j++) {
                bomb.append("&lol").append(i == 1 ? "" : String.valueOf(i - 1)).append(';');
            }
            bomb.append("\">\n");
        }
        bomb.append("]>\n<nmaprun><host><address addr=\"10.0.0.1\" addrtype=\"ipv4\"/><ports>")
                .append("<port protocol=\"tcp\" portid=\"80\"><state state=\"open\"/><service name=\"&lol9;\"/></port>")
                .append("</ports></host></nmaprun>");
        long start = System.nanoTime();

        assertThatThrownBy(() -> Samples.parseText(ReportFormat.NMAP, bomb.toString()))
                .isInstanceOfSatisfying(ReportParseException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("ingest.parse.doctype-forbidden"));
        assertThat((System.nanoTime() - start) / 1_000_000).as("milliseconds").isLessThan(5_000);
    }

    @Test
    void bombInsideTheSecureFactoryAloneIsStoppedToo() {
        String bomb = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;\">"
                + "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;\"><!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;\">]><r>&d;&d;&d;&d;</r>";
        StringBuilder text = new StringBuilder();
        try {
            XMLStreamReader reader = SecureXml.open(new ByteArrayInputStream(bomb.getBytes(StandardCharsets.UTF_8)));
            while (reader.hasNext()) {
                if (reader.next() == XMLStreamConstants.CHARACTERS) {
                    text.append(reader.getText());
                }
            }
        } catch (XMLStreamException e) {
            // refusing is as good as not expanding
        }

        // expanded, &d; four times would be 4 × 8 × 8 × 8 × 10 = 20,480 characters
        assertThat(text.length()).isLessThan(100);
    }

    @Test
    void nmapsBareDoctypeIsAccepted() {
        String nmap = "<?xml version=\"1.0\"?>\n<!DOCTYPE nmaprun>\n<nmaprun><host><status state=\"up\"/>"
                + "<address addr=\"10.0.0.1\" addrtype=\"ipv4\"/><ports><port protocol=\"tcp\" portid=\"22\">"
                + "<state state=\"open\"/><service name=\"ssh\"/></port></ports></host></nmaprun>";

        assertThat(Samples.parseText(ReportFormat.NMAP, nmap)).extracting(ScannedFinding::title)
                .containsExactly("22/tcp open ssh");
    }

    @Test
    void truncatedNessusFileFailsWithThePositionWhereItEnds() {
        byte[] whole = Samples.bytes("nessus/nessus_with_cvssv3.nessus");
        String truncated = new String(Arrays.copyOf(whole, whole.length - 3_000), StandardCharsets.UTF_8);
        List<ScannedFinding> findings = new ArrayList<>();

        assertThatThrownBy(() -> new ReportParsers().parse(ReportFormat.NESSUS,
                new ByteArrayInputStream(truncated.getBytes(StandardCharsets.UTF_8)), findings::add))
                .isInstanceOfSatisfying(ReportParseException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("ingest.parse.malformed-xml");
                    assertThat(e.line()).isGreaterThan(7_000);
                    assertThat(e.column()).isPositive();
                });
        // what was read before the cut reached the sink: the caller's transaction must discard it
        assertThat(findings).hasSizeLessThan(49);
    }

    @Test
    void malformedXmlNamesLineAndColumn() {
        String broken = "<?xml version=\"1.0\"?>\n<nmaprun>\n<host><address addr=\"10.0.0.1\" addrtype=ipv4/></host>\n</nmaprun>";

        assertThatThrownBy(() -> Samples.parseText(ReportFormat.NMAP, broken))
                .isInstanceOfSatisfying(ReportParseException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("ingest.parse.malformed-xml");
                    assertThat(e.line()).isEqualTo(3);
                    assertThat(e.column()).isGreaterThan(20);
                });
    }

    @Test
    void truncatedSarifFailsWithThePositionWhereItEnds() {
        byte[] whole = Samples.bytes("sarif/spotbugs.sarif");
        String truncated = new String(Arrays.copyOf(whole, whole.length - 200), StandardCharsets.UTF_8);

        assertThatThrownBy(() -> Samples.parseText(ReportFormat.SARIF, truncated))
                .isInstanceOfSatisfying(ReportParseException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("ingest.parse.malformed-json");
                    assertThat(e.line()).isGreaterThan(100);
                });
    }

    @Test
    void malformedJsonNamesLineAndColumn() {
        String broken = "{\n  \"version\": \"2.1.0\",\n  \"runs\": [ { \"results\": [ { \"ruleId\": \"x\" \"level\": \"error\" } ] } ]\n}";

        assertThatThrownBy(() -> Samples.parseText(ReportFormat.SARIF, broken))
                .isInstanceOfSatisfying(ReportParseException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("ingest.parse.malformed-json");
                    assertThat(e.line()).isEqualTo(3);
                    assertThat(e.column()).isGreaterThan(30);
                });
    }

    @Test
    void unsupportedSarifVersionIsNamed() {
        assertThatThrownBy(() -> Samples.parseText(ReportFormat.SARIF, "{\"version\":\"1.0.0\",\"runs\":[]}"))
                .isInstanceOfSatisfying(ReportParseException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("ingest.parse.sarif-version");
                    assertThat(e.problem().args()).containsExactly("1.0.0");
                });
    }

    @Test
    void reportOfAnotherFormatThanChosenIsRefusedNamingBoth() {
        byte[] sarif = Samples.bytes("sarif/appendix_k.sarif");
        List<ScannedFinding> findings = new ArrayList<>();

        assertThatThrownBy(() -> new ReportParsers().parse(ReportFormat.NESSUS, new ByteArrayInputStream(sarif),
                findings::add)).isInstanceOfSatisfying(ReportParseException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("ingest.parse.wrong-format");
                    assertThat(e.problem().args()).containsExactly(ReportFormat.NESSUS, ReportFormat.SARIF);
                });
        assertThat(findings).isEmpty();
    }

    @Test
    void parserHandedAnotherXmlReportRefusesItByItsRootElement() {
        // the parser's own check, independent of the format detector
        assertThatThrownBy(() -> new NessusParser(new WeakCredentialPolicy()).parse(Samples.open("nmap/nmap_1port.xml"),
                f -> { })).isInstanceOfSatisfying(ReportParseException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("ingest.parse.wrong-format");
                    assertThat(e.problem().args()).containsExactly(ReportFormat.NESSUS, "<nmaprun>");
                });
    }

    @Test
    void jsonThatIsNotAnObjectIsNotSarif() {
        assertThatThrownBy(() -> new SarifParser(new WeakCredentialPolicy()).parse(
                new ByteArrayInputStream("[1,2]".getBytes(StandardCharsets.UTF_8)), f -> { }))
                .isInstanceOfSatisfying(ReportParseException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("ingest.parse.wrong-format"));
    }

    @Test
    void unknownContentIsRefused() {
        assertThatThrownBy(() -> new ReportParsers().detect(new BufferedInputStream(
                new ByteArrayInputStream("%PDF-1.7 not a report".getBytes(StandardCharsets.UTF_8)))))
                .isInstanceOfSatisfying(ReportParseException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("ingest.parse.unknown-format"));
    }

    @Test
    void emptyFileIsRefused() {
        assertThatThrownBy(() -> Samples.parseText(ReportFormat.CSV, "  \n"))
                .isInstanceOfSatisfying(ReportParseException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("ingest.parse.empty"));
    }

    @Test
    void portOutOfRangeIsRefusedNamingTheValue() {
        String nessus = "<NessusClientData_v2><Report><ReportHost name=\"10.0.0.1\">\n"
                + "<ReportItem port=\"70000\" protocol=\"tcp\" severity=\"2\" pluginID=\"1\" pluginName=\"x\"/>"
                + "</ReportHost></Report></NessusClientData_v2>";

        assertThatThrownBy(() -> Samples.parseText(ReportFormat.NESSUS, nessus))
                .isInstanceOfSatisfying(ReportParseException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("ingest.parse.port-invalid");
                    assertThat(e.problem().args()).containsExactly("70000");
                    assertThat(e.line()).isEqualTo(2);
                });
    }

    @Test
    void negativeNmapPortIsRefused() {
        String nmap = "<nmaprun><host><address addr=\"10.0.0.1\" addrtype=\"ipv4\"/><ports>"
                + "<port protocol=\"tcp\" portid=\"-1\"><state state=\"open\"/></port></ports></host></nmaprun>";

        assertThatThrownBy(() -> Samples.parseText(ReportFormat.NMAP, nmap))
                .isInstanceOfSatisfying(ReportParseException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("ingest.parse.port-invalid");
                    assertThat(e.problem().args()).containsExactly("-1");
                });
    }

    @Test
    void hostAddressOutOfRangeIsRefusedNamingTheValue() {
        String nessus = "<NessusClientData_v2><Report><ReportHost name=\"x\"><HostProperties>"
                + "<tag name=\"host-ip\">10.0.0.256</tag></HostProperties>"
                + "<ReportItem port=\"80\" protocol=\"tcp\" severity=\"2\" pluginID=\"1\" pluginName=\"x\"/>"
                + "</ReportHost></Report></NessusClientData_v2>";

        assertThatThrownBy(() -> Samples.parseText(ReportFormat.NESSUS, nessus))
                .isInstanceOfSatisfying(ReportParseException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("ingest.parse.host-invalid");
                    assertThat(e.problem().args()).containsExactly("10.0.0.256");
                });
    }

    @Test
    void hostNameWithForbiddenCharactersIsRefused() {
        String openvas = "<report><report><results><result><host>evil host;rm -rf</host><port>80/tcp</port>"
                + "<nvt oid=\"1\"><name>x</name></nvt><severity>5.0</severity></result></results></report></report>";

        assertThatThrownBy(() -> Samples.parseText(ReportFormat.OPENVAS, openvas))
                .isInstanceOfSatisfying(ReportParseException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("ingest.parse.host-invalid");
                    assertThat(e.problem().args()).containsExactly("evil host;rm -rf");
                });
    }

    @Test
    void oversizedTextsAreCutAndFlagged() {
        String huge = "A".repeat(ScannedFinding.MAX_TEXT * 3);
        String nessus = "<NessusClientData_v2><Report><ReportHost name=\"10.0.0.1\">"
                + "<ReportItem port=\"80\" protocol=\"tcp\" severity=\"2\" pluginID=\"1\" pluginName=\"x\">"
                + "<description>" + huge + "</description><plugin_output>" + huge + "</plugin_output></ReportItem>"
                + "</ReportHost></Report></NessusClientData_v2>";

        ScannedFinding finding = Samples.parseText(ReportFormat.NESSUS, nessus).get(0);

        assertThat(finding.description()).hasSize(ScannedFinding.MAX_TEXT);
        assertThat(finding.evidence()).hasSize(ScannedFinding.MAX_EVIDENCE);
        assertThat(finding.flags()).contains(FindingFlag.TEXT_TRUNCATED);
    }
}
