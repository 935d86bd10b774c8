package org.inspectorate.draw;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Draws as metrics: {@code inspectorate.draws} counted per act after commit (prepared, approved, infeasible round,
 * re-draw approved, published, verified), so a monitor sees an unusual rate of infeasible rounds or re-draws.
 */
@Component
class DrawMetrics {

    private final MeterRegistry registry;

    DrawMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(DrawPrepared e) {
        count("prepared");
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(DrawApproved e) {
        count("approved");
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(DrawRoundInfeasible e) {
        count("infeasible");
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(RedrawApproved e) {
        count("redraw-approved");
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(DrawPublished e) {
        count("published");
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(DrawVerified e) {
        count(e.matches() ? "verified" : "verification-failed");
    }

    private void count(String act) {
        registry.counter("inspectorate.draws", "act", act).increment();
    }
}
