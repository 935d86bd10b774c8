package org.inspectorate.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.inspectorate.filing.NetworkUnits;
import org.inspectorate.filing.UnitAssets;
import org.inspectorate.finding.Findings;
import org.inspectorate.finding.ScanImports;
import org.inspectorate.organisation.Actor;
import org.inspectorate.organisation.Organisation;
import org.inspectorate.organisation.Organisations;
import org.inspectorate.system.ConflictException;
import org.inspectorate.system.InvalidInputException;
import org.inspectorate.system.NotFoundException;
import org.inspectorate.system.PageRequest;
import org.inspectorate.system.PageResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import jakarta.annotation.PreDestroy;
import tools.jackson.databind.json.JsonMapper;

/**
 * Scanner report imports (扫描报告导入): the module's public API for the pages and {@code /api/v1/imports}.
 * <ul>
 * <li>{@link #submit} checks the scope against the actor's jurisdiction (outside → 404), takes the
 * operator's import lock in the database (a second import of the same operator → 409, on any node) and
 * queues the job; the job runs on this node's executor.</li>
 * <li>A job reads the report in one transaction: it lands whole or not at all. Progress (bytes read,
 * findings parsed) is written in separate short transactions so that any node can show it; a node that
 * dies stops beating, and after {@code inspectorate.import.expire-after} its job is failed and the lock
 * freed.</li>
 * <li>Findings of hosts that no unit of the scope lists are kept for {@link #assign}ment, never dropped.</li>
 * </ul>
 * Every state change is audited ({@code import.queued|started|succeeded|failed|assigned}).
 */
@Service
public class ImportJobs {

    private static final Logger LOG = LoggerFactory.getLogger(ImportJobs.class);
    static final JsonMapper JSON = JsonMapper.builder().build();

    private final ImportJobRepository repository;
    private final NetworkUnits units;
    private final Organisations organisations;
    private final Findings findings;
    private final ScanImports scans;
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

    ImportJobs(ImportJobRepository repository, NetworkUnits units, Organisations organisations, Findings findings,
            ScanImports scans, ApplicationEventPublisher events, Clock clock, ImportSettings settings,
            PlatformTransactionManager transactions) {
        this.repository = repository;
        this.units = units;
        this.organisations = organisations;
        this.findings = findings;
        this.scans = scans;
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

    /** The most bytes one report may have ({@code inspectorate.import.max-size}). */
    public long maxSize() {
        return settings.maxSize;
    }

    /** Where uploads are copied while they wait for their job. */
    public Path tempDir() {
        return settings.tempDir;
    }

    /**
     * What the user asked for.
     *
     * @param organisationId the operator; {@code null} for an operator's own organisation
     * @param unitIds        units of that operator; empty for all of them
     * @param format         the report format, {@code null} to detect it from the content
     * @param file           the uploaded report, already on disk; the job deletes it when done
     */
    public record Submission(Long organisationId, List<Long> unitIds, ReportFormat format, String fileName,
            Path file) {

        public Submission {
            unitIds = unitIds == null ? List.of() : List.copyOf(new LinkedHashSet<>(unitIds));
        }
    }

    /**
     * Whether the actor names the operator of each import: a regulator's officer, who imports for the
     * operators of their jurisdiction, unlike an operator, whose imports are their own organisation's.
     */
    public boolean choosesOperator(Actor actor) {
        return findings.opens(actor) && !actor.organisationType().isOperator();
    }

    /** The operators the actor may choose, by name, at most {@code limit} of them (with the total). */
    public PageResult<Organisation> operators(Actor actor, String text, int limit) {
        if (!choosesOperator(actor)) {
            return new PageResult<>(List.of(), 0, limit, 0);
        }
        return organisations.operatorsInJurisdiction(actor, text, new PageRequest(0, limit, "name", true));
    }

    /** The operator the actor may import for; 404 for one outside the jurisdiction. */
    public Organisation operator(Actor actor, long organisationId) {
        return organisations.operatorInJurisdiction(actor, organisationId);
    }

    /** The units an import for this operator may be limited to; 404 for an operator outside the jurisdiction. */
    public List<UnitAssets> unitsOf(Actor actor, long organisationId) {
        return units.assetsOf(actor, operator(actor, organisationId).id());
    }

    /** Queues an import; the file is deleted when the job ends, or now if it is refused. */
    public ImportJob submit(Actor actor, Submission s) {
        try {
            ImportJob job = transaction.execute(status -> queue(actor, s));
            owned.add(job.id());
            executor.submit(() -> run(actor, job.id(), s.file()));
            return job;
        } catch (RuntimeException e) {
            delete(s.file());
            throw e;
        }
    }

    private ImportJob queue(Actor actor, Submission s) {
        if (!findings.opens(actor)) {
            throw new AccessDeniedException("only operators and regulators import reports");
        }
        if (s.organisationId() == null && choosesOperator(actor)) {
            throw new InvalidInputException("organisation", "ingest.import.operatorRequired");
        }
        long organisationId = s.organisationId() != null ? s.organisationId() : actor.organisationId();
        if (!organisations.get(actor, organisationId).type().isOperator()) {
            throw new InvalidInputException("organisation", "ingest.import.notOperator");
        }
        List<UnitAssets> visible = units.assetsOf(actor, organisationId);
        Set<Long> known = new java.util.HashSet<>();
        visible.forEach(u -> known.add(u.unitId()));
        for (Long unit : s.unitIds()) {
            if (!known.contains(unit)) {
                throw new NotFoundException("network unit", unit);
            }
        }
        String name = s.fileName() == null || s.fileName().isBlank() ? "report" : s.fileName().strip();
        if (name.length() > 255) {
            name = name.substring(0, 255);
        }
        long size;
        try {
            size = Files.size(s.file());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (size == 0) {
            throw new InvalidInputException("file", "ingest.import.empty");
        }
        Instant now = clock.instant();
        expire(now);
        long id = repository.insert(organisationId, s.unitIds(), s.format(), name, actor.username(), size, node, now);
        if (!repository.lock(organisationId, id, now)) {
            throw new ConflictException("ingest.import.busy");
        }
        events.publishEvent(ImportStateChanged.of("import.queued", id, actor.username(),
                "organisation:" + organisationId + " " + name + " " + size + " bytes"));
        return repository.find(id, actor.jurisdiction().organisationScope("j.organisation_id")).orElseThrow();
    }

    private void expire(Instant now) {
        for (Long stale : repository.expire(now.minus(settings.expireAfter), now)) {
            events.publishEvent(ImportStateChanged.failed(stale, "system", "abandoned: the node stopped reporting"));
        }
    }

    /** The import, if the actor's jurisdiction covers its operator; otherwise 404. */
    public ImportJob get(Actor actor, long id) {
        return repository.find(id, actor.jurisdiction().organisationScope("j.organisation_id"))
                .orElseThrow(() -> new NotFoundException("import", id));
    }

    /** The imports of the actor's jurisdiction, newest first. */
    public PageResult<ImportJob> list(Actor actor, PageRequest page) {
        if (!findings.opens(actor)) {
            return new PageResult<>(List.of(), page.page(), page.size(), 0);
        }
        separate.executeWithoutResult(status -> expire(clock.instant()));
        return repository.search(actor.jurisdiction().organisationScope("j.organisation_id"), page);
    }

    /** The import as its page or the API shows it (the actor's jurisdiction, else 404); the view is audited. */
    public ImportJob view(Actor actor, long id) {
        ImportJob job = get(actor, id);
        events.publishEvent(ImportViewed.of(job));
        return job;
    }

    /** The hosts of the import that no unit matched, with their waiting findings; the view is audited. */
    public List<UnmatchedHost> unmatched(Actor actor, long id) {
        get(actor, id);
        List<UnmatchedHost> hosts = repository.unmatched(id);
        events.publishEvent(ImportViewed.unmatched(id, hosts.size()));
        return hosts;
    }

    /** The units the import's hosts may be assigned to (the scope's). */
    public List<UnitAssets> scopeUnits(Actor actor, ImportJob job) {
        List<UnitAssets> all = units.assetsOf(actor, job.organisationId());
        return job.unitIds().isEmpty() ? all : all.stream().filter(u -> job.unitIds().contains(u.unitId())).toList();
    }

    /**
     * Assigns an unmatched host to a unit of the import's scope: its waiting findings are imported into
     * that unit now (new / updated / unchanged added to the import's counts), and later imports of the
     * operator match the host without asking again. Needs the operator's import lock (409 while another
     * import runs).
     */
    public ImportJob assign(Actor actor, long id, String host, long unitId) {
        ImportJob job = get(actor, id);
        if (job.state() != ImportState.SUCCEEDED) {
            throw new ConflictException("ingest.import.notFinished", job.state());
        }
        if (scopeUnits(actor, job).stream().noneMatch(u -> u.unitId() == unitId)) {
            throw new NotFoundException("network unit", unitId);
        }
        transaction.executeWithoutResult(status -> {
            Instant now = clock.instant();
            expire(now);
            List<String> payloads = repository.staged(id, host);
            if (payloads.isEmpty()) {
                throw new InvalidInputException("host", "ingest.import.hostUnknown", host);
            }
            if (!repository.lock(job.organisationId(), id, now)) {
                throw new ConflictException("ingest.import.busy");
            }
            ScanImports.ImportSession session = scans.open(actor, new ScanImports.Target(job.organisationId(),
                    Set.of(unitId), job.format().name(), id, false));
            Map<String, Boolean> vectors = new HashMap<>();
            for (String payload : payloads) {
                ScannedFinding f = JSON.readValue(payload, ScannedFinding.class);
                session.add(ScanMapping.item(unitId, f, vectors));
            }
            ScanImports.Counts c = session.finish();
            int moved = repository.unstage(id, host);
            if (!UnmatchedHost.CODE.equals(host)) {
                repository.assign(job.organisationId(), host, unitId, actor.username(), now);
            }
            repository.afterAssignment(id, c.created(), c.updated(), c.unchanged(), moved);
            repository.unlock(job.organisationId(), id);
            events.publishEvent(ImportStateChanged.of("import.assigned", id, actor.username(),
                    host + " -> unit:" + unitId + ", " + moved + " findings, " + c.created() + " new"));
        });
        return get(actor, id);
    }

    // --- running ----------------------------------------------------------------------------------

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
        ImportJob job;
        try {
            job = separate.execute(status -> {
                ImportJob j = repository.find(id, new org.inspectorate.organisation.Jurisdiction.SqlScope("1 = 1",
                        Map.of())).orElseThrow();
                if (!repository.start(id, clock.instant())) {
                    return null;
                }
                events.publishEvent(ImportStateChanged.of("import.started", id, actor.username(), j.fileName()));
                return j;
            });
            if (job == null) {
                return;
            }
            ImportRun run = new ImportRun(this, actor, job, file);
            transaction.executeWithoutResult(status -> run.execute());
        } catch (RuntimeException e) {
            failed(actor, id, e);
        } finally {
            owned.remove(id);
            delete(file);
        }
    }

    private void failed(Actor actor, long id, RuntimeException e) {
        String key;
        String detail;
        ReportParseException parse = cause(e, ReportParseException.class);
        if (parse != null) {
            key = parse.messageKey();
            StringBuilder d = new StringBuilder().append(parse.line()).append('|').append(parse.column());
            Object[] args = parse.problem().args();
            if (args != null) {
                for (Object a : args) {
                    d.append('|').append(String.valueOf(a).replace('|', '/'));
                }
            }
            detail = d.toString();
        } else {
            key = "ingest.import.failed";
            detail = "0|0|" + e.getClass().getSimpleName();
            LOG.warn("import {} failed", id, e);
        }
        String k = key;
        String d = detail;
        try {
            separate.executeWithoutResult(status -> {
                ImportJob job = repository.find(id, new org.inspectorate.organisation.Jurisdiction.SqlScope("1 = 1",
                        Map.of())).orElseThrow();
                boolean failedNow = repository.fail(id, k, d, clock.instant());
                repository.unlock(job.organisationId(), id);
                if (failedNow) {
                    events.publishEvent(ImportStateChanged.failed(id, actor.username(), k + (d == null ? "" : " " + d)));
                }
            });
        } catch (RuntimeException again) {
            LOG.error("import {} failed and its state could not be recorded", id, again);
        }
    }

    private static <T extends Throwable> T cause(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    static void delete(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                LOG.warn("could not delete {}", file);
            }
        }
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

    Clock clock() {
        return clock;
    }

    ApplicationEventPublisher events() {
        return events;
    }

    void progress(long id, ReportFormat format, long bytes, long parsed) {
        separate.executeWithoutResult(status -> repository.progress(id, format, bytes, parsed, clock.instant()));
    }
}
