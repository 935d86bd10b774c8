package org.inspectorate.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.inspectorate.finding.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Large generated reports: every item arrives, and the parser streams rather than collects. */
class GeneratedReportsTest {

    @TempDir
    Path dir;

    @Test
    void generatedNessusReportWithThousandsOfItemsYieldsEveryItem() throws IOException {
        Path file = dir.resolve("synthetic.nessus");
        SyntheticReports.Summary written = SyntheticReports.writeNessus(file, 60, 50, 42);
        List<ScannedFinding> findings = new ArrayList<>();

        try (InputStream in = Files.newInputStream(file)) {
            new ReportParsers().parse(ReportFormat.NESSUS, in, findings::add);
        }

        assertThat(findings).hasSize(3_000);
        assertThat(findings.stream().map(ScannedFinding::host).distinct()).hasSize(60);
        assertThat(findings).filteredOn(ScannedFinding::isWeakPassword).hasSize((int) written.weakPasswords());
        assertThat(written.weakPasswords()).isPositive();
        assertThat(findings).filteredOn(f -> f.cvssVector() != null).isNotEmpty()
                .allMatch(f -> !f.cves().isEmpty());
        assertThat(findings).anyMatch(f -> !f.cnvdIds().isEmpty() && f.cnvdIds().get(0).matches("CNVD-20\\d\\d-\\d+"));
        assertThat(findings).allMatch(f -> f.description().length() >= 120);
    }

    @Test
    void sameSeedWritesTheSameReport() throws IOException {
        Path first = dir.resolve("a.nessus");
        Path second = dir.resolve("b.nessus");
        SyntheticReports.writeNessus(first, 3, 10, 7);
        SyntheticReports.writeNessus(second, 3, 10, 7);

        assertThat(Files.mismatch(first, second)).isEqualTo(-1L);
    }

    @Test
    void generatedSarifReportWithThousandsOfResultsYieldsEveryResult() throws IOException {
        Path file = dir.resolve("synthetic.sarif");
        SyntheticReports.writeSarif(file, 50, 100, 42);
        List<ScannedFinding> findings = new ArrayList<>();

        try (InputStream in = Files.newInputStream(file)) {
            new ReportParsers().parse(in, findings::add);
        }

        assertThat(findings).hasSize(5_000).allMatch(f -> f.category() == FindingCategory.CODE_DEFECT)
                .allMatch(f -> f.location().matches("src/module\\d+/File\\d+\\.java:\\d+"));
        assertThat(findings).extracting(ScannedFinding::severity).contains(Severity.HIGH, Severity.MEDIUM, Severity.LOW);
    }

    @Test
    void thirtyMegabyteReportStreamsThroughACountingConsumer() throws IOException {
        // Not a timing or heap assertion (those are flaky): the consumer keeps nothing, so if the parser
        // collected findings the heap would show it in the benchmark run with -Xmx512m (docs/BENCHMARKS.md).
        // Here: every finding of a ~30 MB file arrives, one at a time, and the parser holds no list.
        Path file = dir.resolve("thirty.nessus");
        SyntheticReports.Summary written = SyntheticReports.writeNessus(file, 1_250, 20, 3); // about 30 MB
        AtomicLong count = new AtomicLong();
        AtomicLong weak = new AtomicLong();

        long parsed;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            parsed = new ReportParsers().parse(ReportFormat.NESSUS, in, f -> {
                count.incrementAndGet();
                if (f.isWeakPassword()) {
                    weak.incrementAndGet();
                }
            });
        }

        assertThat(written.bytes()).isGreaterThan(25L * 1024 * 1024);
        assertThat(parsed).isEqualTo(25_000).isEqualTo(count.get());
        assertThat(weak.get()).isEqualTo(written.weakPasswords());
        assertThat(ReportParsers.class.getDeclaredFields()).noneMatch(f -> List.class.isAssignableFrom(f.getType()));
    }
}
