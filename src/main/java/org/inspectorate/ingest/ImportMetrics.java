package org.inspectorate.ingest;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Imports as metrics (docs/operations.md, "Monitoring"): {@code inspectorate.imports} counted by outcome and format,
 * {@code inspectorate.import.duration} from start to end on the node that ran it, and
 * {@code inspectorate.import.items} read per successful import. Counted after commit (an import whose transaction
 * rolled back did not succeed); wall time, not the business clock.
 */
@Component
class ImportMetrics {

    private final MeterRegistry registry;
    private final Map<Long, Long> startedNanos = new ConcurrentHashMap<>();

    ImportMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(ImportStarted started) {
        startedNanos.put(started.importId(), System.nanoTime());
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(ImportSucceeded succeeded) {
        String format = succeeded.result().format().name();
        registry.counter("inspectorate.imports", "outcome", "succeeded", "format", format).increment();
        DistributionSummary.builder("inspectorate.import.items").baseUnit("items").tag("format", format)
                .register(registry).record(succeeded.result().parsed());
        timeSinceStart(succeeded.importId(), "succeeded");
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(ImportFailed failed) {
        String outcome = ImportLifecycle.ABANDONED.equals(failed.errorKey()) ? "abandoned" : "failed";
        registry.counter("inspectorate.imports", "outcome", outcome, "format", "unknown").increment();
        timeSinceStart(failed.importId(), outcome);
    }

    private void timeSinceStart(long importId, String outcome) {
        Long started = startedNanos.remove(importId);
        if (started != null) { // started on another node (abandoned and failed here): no duration known
            Timer.builder("inspectorate.import.duration").tag("outcome", outcome).register(registry)
                    .record(Duration.ofNanos(System.nanoTime() - started));
        }
    }
}
