package org.inspectorate.ingest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Fails the imports whose node stopped beating ({@code inspectorate.import.expire-after}) and frees their
 * operators' locks, so that a crashed node never blocks an operator for ever. Whichever node next queues,
 * lists or assigns does it, inside its caller's transaction.
 */
@Component
class ImportExpiry {

    private final ImportJobRepository repository;
    private final ApplicationEventPublisher events;
    private final ImportSettings settings;

    ImportExpiry(ImportJobRepository repository, ApplicationEventPublisher events, ImportSettings settings) {
        this.repository = repository;
        this.events = events;
        this.settings = settings;
    }

    /** Fails each abandoned job as of {@code now}; returns the ids failed. */
    List<Long> expire(Instant now) {
        Instant staleBefore = now.minus(settings.expireAfter);
        List<Long> failed = new ArrayList<>();
        for (ImportLifecycle job : repository.beatingBefore(staleBefore)) {
            if (job.stale(staleBefore)) {
                ImportFailed abandoned = job.abandon(now);
                if (repository.save(job)) {
                    events.publishEvent(abandoned);
                    failed.add(job.id());
                }
            }
        }
        repository.releaseLocksBeatingBefore(staleBefore);
        return failed;
    }
}
