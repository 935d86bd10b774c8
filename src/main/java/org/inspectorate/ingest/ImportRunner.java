package org.inspectorate.ingest;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.inspectorate.exposure.ObservedServices;
import org.inspectorate.filing.NetworkUnits;
import org.inspectorate.finding.ScanImports;
import org.inspectorate.ingest.ImportLifecycle.Act;
import org.inspectorate.organisation.Actor;
import org.inspectorate.system.RequestIds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import jakarta.annotation.PreDestroy;

/**
 * Runs queued imports on this node's executor and beats for them. A run starts the job in a short transaction
 * of its own, then reads the whole report in one transaction ({@link ImportRun}): it lands whole or not at all.
 * Progress is written in separate short transactions so that any node can show it; a node that dies stops
 * beating, and {@link ImportExpiry} fails its jobs.
 */
@Component
class ImportRunner {

    private static final Logger LOG = LoggerFactory.getLogger(ImportRunner.class);

    private final ImportJobRepository repository;
    private final NetworkUnits units;
    private final ScanImports scans;
    private final ObservedServices observed;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final ImportSettings settings;
    private final TransactionTemplate transaction;
    private final TransactionTemplate separate;
    private final ReportParsers parsers = new ReportParsers();
    private final String node = UUID.randomUUID().toString();
    private final Set<Long> owned = ConcurrentHashMap.newKeySet();
    private final ExecutorService executor;
    private final ScheduledExecutorService heart;

    ImportRunner(ImportJobRepository repository, NetworkUnits units, ScanImports scans, ObservedServices observed,
            ApplicationEventPublisher events, Clock clock, ImportSettings settings,
            PlatformTransactionManager transactions) {
        this.repository = repository;
        this.units = units;
        this.scans = scans;
        this.observed = observed;
        this.events = events;
        this.clock = clock;
        this.settings = settings;
        this.transaction = new TransactionTemplate(transactions);
        this.separate = new TransactionTemplate(transactions);
        this.separate.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.executor = Executors.newFixedThreadPool(settings.threads, r -> {
            Thread t = new Thread(r, "report-import");
            t.setDaemon(true);
            return t;
        });
        this.heart = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "report-import-heartbeat");
            t.setDaemon(true);
            return t;
        });
        long beat = settings.heartbeat.toMillis();
        heart.scheduleWithFixedDelay(this::beat, beat, beat, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        heart.shutdownNow();
        executor.shutdownNow();
    }

    /** This node, as the jobs it queues name it. */
    String node() {
        return node;
    }

    /** Runs a queued job in the background; this node beats for it until it ends. */
    void launch(Actor actor, long id, Path file) {
        owned.add(id);
        executor.submit(() -> RequestIds.runAs("import-" + id, () -> run(actor, id, file)));
    }

    private void beat() {
        try {
            List<Long> ids = new ArrayList<>(owned);
            if (!ids.isEmpty()) {
                separate.executeWithoutResult(status -> repository.heartbeat(ids, clock.instant()));
            }
        } catch (RuntimeException e) {
            LOG.warn("import heartbeat failed: {}", e.toString());
        }
    }

    /** Runs the job to its end; never throws (the outcome is in its row). */
    void run(Actor actor, long id, Path file) {
        try {
            ImportLifecycle job = separate.execute(status -> start(actor, id));
            if (job == null) {
                return;
            }
            ImportJob scope = repository.find(id).orElseThrow();
            ImportRun run = new ImportRun(this, actor, scope, job, file);
            transaction.executeWithoutResult(status -> run.execute());
        } catch (RuntimeException e) {
            failed(actor, id, e);
        } finally {
            owned.remove(id);
            TempFiles.delete(file);
        }
    }

    /** Starts the job; {@code null} when it was failed as abandoned before its run could begin. */
    private ImportLifecycle start(Actor actor, long id) {
        ImportLifecycle job = repository.lifecycle(id).orElseThrow();
        if (!job.allows(Act.START)) {
            return null;
        }
        ImportStarted started = job.start(actor.username(), clock.instant());
        if (!repository.save(job)) {
            return null;
        }
        events.publishEvent(started);
        return job;
    }

    private void failed(Actor actor, long id, RuntimeException e) {
        String key;
        String detail;
        ReportParseException parse = cause(e, ReportParseException.class);
        if (parse != null) {
            key = parse.messageKey();
            detail = ImportError.encode(parse.line(), parse.column(), parse.problem().args());
        } else {
            key = "ingest.import.failed";
            detail = ImportError.encode(0, 0, e.getClass().getSimpleName());
            LOG.warn("import {} failed", id, e);
        }
        try {
            recordFailure(actor, id, key, detail);
        } catch (RuntimeException again) {
            LOG.error("import {} failed and its state could not be recorded", id, again);
        }
    }

    /**
     * Fails the job in a transaction of its own and frees its lock; false when it had already ended, e.g.
     * expired as abandoned while its node stalled — that state and its message stay, not a "failed
     * unexpectedly" written over them.
     */
    boolean recordFailure(Actor actor, long id, String key, String detail) {
        return Boolean.TRUE.equals(separate.execute(status -> {
            ImportLifecycle job = repository.lifecycle(id).orElseThrow();
            ImportFailed failed = job.allows(Act.FAIL) ? job.fail(key, detail, actor.username(), clock.instant())
                    : null;
            // saving an ended job frees its lock, whether or not this node ended it
            boolean saved = repository.save(job);
            if (failed != null && saved) {
                events.publishEvent(failed);
                return true;
            }
            return false;
        }));
    }

    private static <T extends Throwable> T cause(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    // --- what ImportRun needs -----------------------------------------------------------------------

    ReportParsers parsers() {
        return parsers;
    }

    ImportJobRepository repository() {
        return repository;
    }

    NetworkUnits units() {
        return units;
    }

    ScanImports scans() {
        return scans;
    }

    ObservedServices observed() {
        return observed;
    }

    Clock clock() {
        return clock;
    }

    ApplicationEventPublisher events() {
        return events;
    }

    Path tempDir() {
        return settings.tempDir;
    }

    /** How far the run got, in its own short transaction so that every node can show it. */
    void progress(long id, ReportFormat format, long bytes, long parsed) {
        separate.executeWithoutResult(status -> repository.progress(id, format, bytes, parsed, clock.instant()));
    }
}
