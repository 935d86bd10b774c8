package org.inspectorate.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

/** Imports are counted by outcome and format, timed from their start, and their items summed. */
class ImportMetricsTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final ImportMetrics metrics = new ImportMetrics(registry);

    private static ImportResult result(long parsed) {
        return new ImportResult(ReportFormat.NESSUS, 1024, parsed, 3, 0, 0, 0, 0, 0, 0);
    }

    @Test
    void aSuccessfulImportIsCountedTimedAndItsItemsRecorded() {
        metrics.on(new ImportStarted(7, "scan.nessus", "alice"));
        metrics.on(new ImportSucceeded(7, 1, result(120), "alice"));

        assertThat(registry.get("inspectorate.imports").tag("outcome", "succeeded").tag("format", "NESSUS").counter()
                .count()).isEqualTo(1.0);
        assertThat(registry.get("inspectorate.import.items").summary().totalAmount()).isEqualTo(120.0);
        assertThat(registry.get("inspectorate.import.duration").tag("outcome", "succeeded").timer().count())
                .isEqualTo(1);
    }

    @Test
    void anAbandonedJobIsCountedApartAndWithoutADurationWhenAnotherNodeRanIt() {
        metrics.on(new ImportFailed(8, 1, ImportLifecycle.ABANDONED, null, "system"));
        metrics.on(new ImportFailed(9, 1, "ingest.nessus.notXml", null, "alice"));

        assertThat(registry.get("inspectorate.imports").tag("outcome", "abandoned").counter().count()).isEqualTo(1.0);
        assertThat(registry.get("inspectorate.imports").tag("outcome", "failed").counter().count()).isEqualTo(1.0);
        assertThat(registry.find("inspectorate.import.duration").timers()).isEmpty();
    }
}
