package org.inspectorate.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.inspectorate.finding.Category;
import org.inspectorate.finding.ScanImports;
import org.inspectorate.finding.Severity;
import org.junit.jupiter.api.Test;

class ScanMappingTest {

    private static final String NMAP = "<nmaprun><host><status state=\"up\"/><address addr=\"192.0.2.7\" "
            + "addrtype=\"ipv4\"/><ports><port protocol=\"tcp\" portid=\"5432\"><state state=\"open\"/>"
            + "<service name=\"postgresql\"/></port></ports></host></nmaprun>";

    @Test
    void anInformationalItemIsNeverMadeARegisterEntry() {
        ScannedFinding openPort = Samples.parseText(ReportFormat.NMAP, NMAP).get(0);
        assertThat(openPort.informational()).isTrue();
        assertThat(openPort.severity()).isNull();

        assertThatThrownBy(() -> ScanMapping.item(9, openPort)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("observed service");
        assertThatThrownBy(() -> ScanMapping.severity(openPort)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aRatedItemKeepsTheSeverityTheScannerGave() {
        Map<Integer, Severity> bySeverity = Map.of(3, Severity.HIGH, 2, Severity.MEDIUM, 1, Severity.LOW);
        bySeverity.forEach((nessus, expected) -> {
            ScannedFinding f = Samples.parseText(ReportFormat.NESSUS, new String(ImportFixtures.nessus(
                    List.of(new ImportFixtures.Item("203.0.113.5", 80, 1, "x", nessus))))).get(0);
            assertThat(f.informational()).isFalse();
            assertThat(ScanMapping.severity(f)).as("nessus " + nessus).isEqualTo(expected);
        });
    }

    @Test
    void aRegisterItemCitesEveryKindOfReferenceTheScannerGaveCweIdsIncluded() {
        ScannedFinding f = Samples.parseText(ReportFormat.NESSUS, new String(ImportFixtures.nessus(
                List.of(new ImportFixtures.Item("203.0.113.5", 80, 1, "x", 3))))
                .replace("</ReportItem>", "<cve>CVE-2021-44228</cve><cwe>502</cwe><xref>CNVD:2021-95914</xref></ReportItem>"))
                .get(0);

        assertThat(ScanMapping.item(9, f).references()).containsExactly("CVE-2021-44228", "CNVD-2021-95914", "CWE-502");
    }

    @Test
    void anItemStagedBeforeCweIdsWereReadReadsBackWithNone() {
        ScannedFinding openPort = Samples.parseText(ReportFormat.NMAP, NMAP).get(0);
        String staged = StagedFindings.write(openPort).replace("\"cweIds\":[],", "");

        assertThat(staged).doesNotContain("cweIds");
        assertThat(StagedFindings.read(staged).cweIds()).isEmpty();
    }

    @Test
    void aStagedFindingReadsBackAsItWasWrittenAndOneStagedAsInfoReadsAsInformational() {
        ScannedFinding openPort = Samples.parseText(ReportFormat.NMAP, NMAP).get(0);
        assertThat(StagedFindings.read(StagedFindings.write(openPort))).isEqualTo(openPort);

        String before = StagedFindings.write(openPort).replace("\"severity\":null,\"informational\":true",
                "\"severity\":\"INFO\"");
        assertThat(before).contains("\"severity\":\"INFO\"").doesNotContain("informational\":");
        assertThat(StagedFindings.read(before)).isEqualTo(openPort);

        ScannedFinding high = Samples.parseText(ReportFormat.NESSUS, new String(ImportFixtures.nessus(
                List.of(ImportFixtures.item("203.0.113.5", 80, 1, "x"))))).get(0);
        String highBefore = StagedFindings.write(high).replace(",\"informational\":false", "");
        assertThat(highBefore).doesNotContain("informational\":");
        assertThat(StagedFindings.read(highBefore)).isEqualTo(high);
    }
}
