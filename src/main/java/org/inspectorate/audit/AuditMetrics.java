package org.inspectorate.audit;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The audit chain's length ({@code inspectorate.audit.chain.length}), read from the one-row head at each scrape:
 * a monitor alerts when it stops growing while users work, or moves backwards (a restore, or a cut tail).
 */
@Component
class AuditMetrics {

    private static final Logger LOG = LoggerFactory.getLogger(AuditMetrics.class);

    AuditMetrics(MeterRegistry registry, AuditRepository repository) {
        Gauge.builder("inspectorate.audit.chain.length", repository, AuditMetrics::length)
                .description("entries in the audit chain (the head's sequence number)")
                .register(registry);
    }

    private static double length(AuditRepository repository) {
        try {
            return repository.head().lastSeq();
        } catch (RuntimeException e) { // a scrape while the database is away: no value, not an error page
            LOG.debug("audit chain length not read: {}", e.toString());
            return Double.NaN;
        }
    }
}
