package org.inspectorate.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.inspectorate.filing.CidrRange;
import org.inspectorate.filing.NetworkUnits;
import org.inspectorate.filing.UnitAssets;
import org.inspectorate.organisation.Actor;
import org.inspectorate.organisation.Organisation;
import org.inspectorate.organisation.Organisations;
import org.inspectorate.system.ConflictException;
import org.inspectorate.system.InvalidInputException;
import org.inspectorate.system.NotFoundException;
import org.inspectorate.system.PageRequest;
import org.inspectorate.system.PageResult;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Scanner report imports (扫描报告导入): the module's public API for the pages and {@code /api/v1/imports}.
 * <ul>
 * <li>{@link #submit} checks the scope against the actor's jurisdiction (outside → 404), takes the
 * operator's import lock in the database (a second import of the same operator → 409, on any node) and
 * queues the job; the {@link ImportRunner} runs it on this node's executor, in one transaction: it lands
 * whole or not at all. A node that dies stops beating, and after {@code inspectorate.import.expire-after}
 * its job is failed and the lock freed ({@link ImportExpiry}).</li>
 * <li>Findings of hosts that no unit of the scope lists are kept for {@link #assign}ment, never dropped.</li>
 * </ul>
 * The job's states and moves are {@link ImportLifecycle}'s; each move is audited by its event
 * ({@link ImportQueued}, {@link ImportStarted}, {@link ImportSucceeded}, {@link ImportFailed},
 * {@link UnmatchedHostAssigned}), and so is each view of a result ({@link ImportViewed},
 * {@link UnmatchedHostsViewed}).
 */
@Service
public class ImportJobs {

    /** The longest file name kept. */
    private static final int MAX_NAME = 255;

    /** The most hosts one assignment names one by one (a range or a domain takes any number). */
    static final int MAX_HOSTS = 1_000;

    private final ImportJobRepository repository;
    private final NetworkUnits units;
    private final Organisations organisations;
    private final IngestAccess access;
    private final ImportRunner runner;
    private final ImportExpiry expiry;
    private final HostAssignments assignments;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final ImportSettings settings;
    private final TransactionTemplate transaction;
    private final TransactionTemplate separate;

    ImportJobs(ImportJobRepository repository, NetworkUnits units, Organisations organisations, IngestAccess access,
            ImportRunner runner, ImportExpiry expiry, HostAssignments assignments, ApplicationEventPublisher events,
            Clock clock, ImportSettings settings, PlatformTransactionManager transactions) {
        this.repository = repository;
        this.units = units;
        this.organisations = organisations;
        this.access = access;
        this.runner = runner;
        this.expiry = expiry;
        this.assignments = assignments;
        this.events = events;
        this.clock = clock;
        this.settings = settings;
        this.transaction = new TransactionTemplate(transactions);
        this.separate = new TransactionTemplate(transactions);
        this.separate.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
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
        return access.choosesOperator(actor);
    }

    /** The operators the actor may choose, by name, at most {@code limit} of them (with the total). */
    public PageResult<Organisation> operators(Actor actor, String text, int limit) {
        requireImporter(actor);
        if (!access.choosesOperator(actor)) {
            return new PageResult<>(List.of(), 0, limit, 0);
        }
        return organisations.operatorsInJurisdiction(actor, text, new PageRequest(0, limit, "name", true));
    }

    /** The operator the actor may import for; 404 for one outside the jurisdiction. */
    public Organisation operator(Actor actor, long organisationId) {
        return organisations.operatorInJurisdiction(actor, organisationId);
    }

    /**
     * The units an import for this operator may be limited to, none while no operator is chosen; 404 for an operator
     * outside the jurisdiction and for a role that does not import.
     */
    public List<UnitAssets> unitsOf(Actor actor, Long organisationId) {
        requireImporter(actor);
        if (organisationId == null) {
            return List.of();
        }
        return units.assetsOf(actor, operator(actor, organisationId).id());
    }

    /** Queues an import; the file is deleted when the job ends, or now if it is refused. */
    public ImportJob submit(Actor actor, Submission s) {
        try {
            ImportJob job = transaction.execute(status -> queue(actor, s));
            runner.launch(actor, job.id(), s.file());
            return job;
        } catch (RuntimeException e) {
            TempFiles.delete(s.file());
            throw e;
        }
    }

    private ImportJob queue(Actor actor, Submission s) {
        if (!access.mayImport(actor)) {
            throw new AccessDeniedException("only operators and regulators import reports");
        }
        if (s.organisationId() == null && access.choosesOperator(actor)) {
            throw new InvalidInputException("organisation", "ingest.import.operatorRequired");
        }
        long organisationId = s.organisationId() != null ? s.organisationId() : actor.organisationId();
        if (!organisations.get(actor, organisationId).type().isOperator()) {
            throw new InvalidInputException("organisation", "ingest.import.notOperator");
        }
        Set<Long> known = new HashSet<>();
        units.assetsOf(actor, organisationId).forEach(u -> known.add(u.unitId()));
        for (Long unit : s.unitIds()) {
            if (!known.contains(unit)) {
                throw new NotFoundException("network unit", unit);
            }
        }
        String name = s.fileName() == null || s.fileName().isBlank() ? "report" : s.fileName().strip();
        if (name.length() > MAX_NAME) {
            name = name.substring(0, MAX_NAME);
        }
        long size = size(s.file());
        if (size == 0) {
            throw new InvalidInputException("file", "ingest.import.empty");
        }
        Instant now = clock.instant();
        expiry.expire(now);
        long id = repository.insert(organisationId, s.unitIds(), s.format(), name, actor.username(), size,
                runner.node(), now);
        if (!repository.lock(organisationId, id, now)) {
            throw new ConflictException("ingest.import.busy");
        }
        events.publishEvent(new ImportQueued(id, organisationId, name, size, actor.username()));
        return get(actor, id);
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The import, if the actor's jurisdiction covers its operator; otherwise 404. */
    public ImportJob get(Actor actor, long id) {
        return repository.find(id, actor.jurisdiction().organisationScope("j.organisation_id"))
                .orElseThrow(() -> new NotFoundException("import", id));
    }

    /** The imports of the actor's jurisdiction, newest first. */
    public PageResult<ImportJob> list(Actor actor, PageRequest page) {
        return list(actor, ImportListQuery.all(), page);
    }

    /**
     * The imports of the actor's jurisdiction matching the query, newest first, after the page's cursor; the
     * page, the API and the export read them here.
     */
    public PageResult<ImportJob> list(Actor actor, ImportListQuery query, PageRequest page) {
        requireImporter(actor);
        if (!page.seeks() && page.page() == 0) { // once per visit of the list, not per page of an export
            separate.executeWithoutResult(status -> expiry.expire(clock.instant()));
        }
        return repository.search(actor.jurisdiction().organisationScope("j.organisation_id"), query, page);
    }

    /**
     * Only those who import (an operator's team, a regulator's officer with an area) have a list of imports, its
     * operator and unit pickers and its download; anyone else — an inspector, another department, the three
     * administrators — is answered 404 on page, API and download alike, not an empty list (docs/architecture.md,
     * "Request path"). A download asks before it starts writing.
     */
    void requireImporter(Actor actor) {
        if (!access.mayImport(actor)) {
            throw new NotFoundException("imports", actor.username());
        }
    }

    /** The import as its page or the API shows it (the actor's jurisdiction, else 404); the view is audited. */
    public ImportJob view(Actor actor, long id) {
        ImportJob job = get(actor, id);
        events.publishEvent(ImportViewed.of(job));
        return job;
    }

    /**
     * A page of the hosts of the import that no unit matched, with their waiting findings, in natural order
     * (IPv4 numerically, then IPv6, then names, {@code (code)} last); the view is audited.
     */
    public PageResult<UnmatchedHost> unmatched(Actor actor, long id, PageRequest page) {
        get(actor, id);
        PageResult<UnmatchedHost> hosts = repository.unmatched(id, page);
        events.publishEvent(new UnmatchedHostsViewed(id, hosts.items().size()));
        return hosts;
    }

    /** The units the import's hosts may be assigned to (the scope's). */
    public List<UnitAssets> scopeUnits(Actor actor, ImportJob job) {
        List<UnitAssets> all = units.assetsOf(actor, job.organisationId());
        return job.unitIds().isEmpty() ? all : all.stream().filter(u -> job.unitIds().contains(u.unitId())).toList();
    }

    /** Whether the actor may propose the import's hosts as a unit's assets (the page offers the box only then). */
    public boolean mayProposeAssets(Actor actor, ImportJob job) {
        return access.mayProposeAssets(actor, job);
    }

    /** Whether the actor may assign the import's unmatched hosts (the page offers the form only then). */
    public boolean mayAssign(Actor actor, ImportJob job) {
        return access.mayAssign(actor, job);
    }

    /** Assigns one unmatched host to a unit of the import's scope: {@link #assign(Actor, long, HostAssignment)}. */
    public ImportJob assign(Actor actor, long id, String host, Long unitId) {
        return assign(actor, id, HostAssignment.of(host, unitId)).job();
    }

    /**
     * Assigns unmatched hosts — one, a list, or every host of a CIDR range or a domain — to a unit of the
     * import's scope in one step: their waiting findings are imported into that unit now (new / updated /
     * unchanged added to the import's counts), later imports of the operator match the hosts without asking
     * again and, with {@code addToAssets}, the hosts are proposed as the unit's assets in its draft. Needs the
     * operator's import lock (409 while another import runs). Hosts are read as the reports write them (blanks,
     * letter case, an IPv6 address in brackets). Bad input is refused by field before anything is changed: a
     * missing or second selection, a malformed range or domain, a unit outside the scope, a selection that takes
     * no waiting host.
     */
    public AssignmentResult assign(Actor actor, long id, HostAssignment request) {
        List<InvalidInputException.FieldProblem> problems = new ArrayList<>();
        boolean byHost = request.host() != null && !request.host().isBlank();
        int selections = (byHost ? 1 : 0) + (request.hosts().isEmpty() ? 0 : 1) + (blank(request.cidr()) ? 0 : 1)
                + (blank(request.domain()) ? 0 : 1);
        if (selections == 0) {
            problems.add(new InvalidInputException.FieldProblem("host", "ingest.import.field.required"));
        } else if (selections > 1) {
            problems.add(new InvalidInputException.FieldProblem("host", "ingest.import.assign.oneSelection"));
        }
        if (request.unitId() == null) {
            problems.add(new InvalidInputException.FieldProblem("unitId", "ingest.import.field.required"));
        }
        if (request.hosts().size() > MAX_HOSTS) {
            problems.add(new InvalidInputException.FieldProblem("hosts", "ingest.import.assign.tooManyHosts",
                    MAX_HOSTS));
        }
        CidrRange range = null;
        if (!blank(request.cidr())) {
            try {
                range = CidrRange.parse(request.cidr().strip());
            } catch (RuntimeException e) {
                problems.add(new InvalidInputException.FieldProblem("cidr", "ingest.import.assign.cidrInvalid",
                        request.cidr()));
            }
        }
        String domain = blank(request.domain()) ? null : Hosts.lenient(request.domain());
        if (domain != null && (!Hosts.isValid(domain) || !HostSortKey.of(domain).startsWith("3"))) {
            problems.add(new InvalidInputException.FieldProblem("domain", "ingest.import.assign.domainInvalid",
                    request.domain()));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        HostSelection selection;
        String field;
        if (range != null) {
            selection = HostSelection.cidr(range);
            field = "cidr";
        } else if (domain != null) {
            selection = HostSelection.domain(domain);
            field = "domain";
        } else if (byHost) {
            selection = HostSelection.hosts(List.of(Hosts.lenient(request.host())));
            field = "host";
        } else {
            selection = HostSelection.hosts(request.hosts().stream().map(Hosts::lenient).distinct().toList());
            field = "hosts";
        }
        ImportJob job = get(actor, id);
        UnmatchedHostAssigned a = assignments.assign(actor, job, scopeUnits(actor, job), selection, field,
                request.unitId(), request.addToAssets());
        return new AssignmentResult(a.hosts(), a.moved(), a.created(), a.updated(), a.unchanged(), a.addedToAssets(),
                get(actor, id));
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
