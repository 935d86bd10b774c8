package org.inspectorate.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** The format comes from the content, whatever the file is called. */
class FormatDetectorTest {

    @Test
    void everySampleIsRecognisedByItsContent() {
        assertThat(FormatDetector.detect(Samples.bytes("nessus/nessus_many_vuln.xml"))).isEqualTo(ReportFormat.NESSUS);
        assertThat(FormatDetector.detect(Samples.bytes("nessus/nessus_with_cvssv3.nessus"))).isEqualTo(ReportFormat.NESSUS);
        assertThat(FormatDetector.detect(Samples.bytes("openvas/no_vuln.xml"))).isEqualTo(ReportFormat.OPENVAS);
        assertThat(FormatDetector.detect(Samples.bytes("nmap/nmap_script_vulners.xml"))).isEqualTo(ReportFormat.NMAP);
        assertThat(FormatDetector.detect(Samples.bytes("sarif/no_runs.sarif"))).isEqualTo(ReportFormat.SARIF);
        assertThat(FormatDetector.detect(Samples.bytes("sarif/spotbugs.sarif"))).isEqualTo(ReportFormat.SARIF);
    }

    @Test
    void csvTemplateIsRecognisedByItsHeader() {
        assertThat(FormatDetector.detect("\uFEFFhost,title,severity\n1.2.3.4,x,HIGH\n".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(ReportFormat.CSV);
    }

    @Test
    void rootElementIsFoundAfterCommentsAndProcessingInstructions() {
        String xml = "<?xml version=\"1.0\"?>\n<!-- <report> in a comment -->\n<?xml-stylesheet href=\"x\"?>\n<nmaprun/>";
        assertThat(FormatDetector.detect(xml.getBytes(StandardCharsets.UTF_8))).isEqualTo(ReportFormat.NMAP);
    }
}
