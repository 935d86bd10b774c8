package org.inspectorate.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;

import org.inspectorate.finding.ScanImports;
import org.junit.jupiter.api.Test;

class ImportWarmUpTest {

    @Test
    void theWarmUpReportIsAValidNessusReportOfRatedAndInformationalItemsWithEveryCvssVersion() {
        List<ScannedFinding> read = new ArrayList<>();
        new ReportParsers().parse(ReportFormat.NESSUS, new ByteArrayInputStream(ImportWarmUp.report(200)),
                read::add);

        assertThat(read).hasSize(200);
        assertThat(read).filteredOn(ScannedFinding::informational).hasSize(120);
        List<ScanImports.Item> rated = read.stream().filter(f -> !f.informational())
                .map(f -> ScanMapping.item(1L, f)).toList();
        assertThat(rated).extracting(ScanImports.Item::cvssVector)
                .anyMatch(v -> v.startsWith("CVSS:3.0/")).anyMatch(v -> v.startsWith("CVSS:3.1/"))
                .anyMatch(v -> v.startsWith("CVSS2#"));
    }
}
