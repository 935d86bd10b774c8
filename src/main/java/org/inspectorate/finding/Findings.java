package org.inspectorate.finding;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

import org.inspectorate.organisation.Actor;
import org.inspectorate.system.AuditableEvent;
import org.inspectorate.system.ConflictException;
import org.inspectorate.system.InvalidInputException;
import org.inspectorate.system.InvalidInputException.FieldProblem;
import org.inspectorate.system.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Changing the findings register (问题台账): the module's public API for opening findings (pages, the REST
 * API, self-inspection), importing them by a stable key, and their lifecycle.
 * <ul>
 * <li>Operators and regulators open findings ({@link #open}); imports upsert them by a stable key
 * ({@link #upsert}, {@link #upsertAll}); scanner reports go through {@link ScanImports}.</li>
 * <li>Operators fix or mitigate and keep the accountability record; the operator's administrator (its
 * reviewer) or a regulator verifies, closes and reopens ({@link FindingAccess}).</li>
 * <li>Each change reads: load (404 outside the jurisdiction) → check access → step of the
 * {@link FindingLifecycle} aggregate (which checks the input, {@link InvalidInputException}, and the status,
 * {@link ConflictException}) → save through
 * {@link FindingRegister} under the optimistic-lock version (a stale one is a {@link ConflictException}) with its
 * history line → publish the step's typed event for the audit trail.</li>
 * </ul>
 * Reads are {@link FindingQueries}'; evidence files {@link FindingEvidence}'.
 */
@Service
public class Findings {

    /** The most findings one bulk import takes. */
    public static final int MAX_BULK = 10_000;

    private static final String RECTIFIERS = "only the operator fixes or mitigates a finding";
    private static final String REVIEWERS = "only the operator's reviewer or a regulator verifies a finding";

    private final FindingQueries queries;
    private final FindingRepository repository;
    private final FindingRegister register;
    private final FindingValidation validation;
    private final FindingAccess access;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Findings(FindingQueries queries, FindingRepository repository, FindingRegister register,
            FindingValidation validation, FindingAccess access, ApplicationEventPublisher events, Clock clock) {
        this.queries = queries;
        this.repository = repository;
        this.register = register;
        this.validation = validation;
        this.access = access;
        this.events = events;
        this.clock = clock;
    }

    /** The finding, if the actor may see it; otherwise {@link NotFoundException}. */
    public Finding get(Actor actor, long id) {
        return queries.get(actor, id);
    }

    /** Whether the actor may open findings (an operator's admin or staff, or a regulator's officer). */
    public boolean opens(Actor actor) {
        return access.mayOpen(actor);
    }

    // --- opening ----------------------------------------------------------------------------

    /**
     * Opens a finding (status OPEN). The network unit must belong to the finding's organisation and be
     * visible to the actor; the asset, if given, must be one of the unit's; the due date defaults to
     * today plus the SLA days of the severity — the published campaign's when {@code campaignCode} is
     * given, the configured defaults otherwise.
     */
    @Transactional
    public Finding open(Actor actor, NewFinding input) {
        requireOpener(actor);
        return get(actor, insert(actor, validation.check(actor, input, false)));
    }

    /**
     * Opens a finding recorded during a spot check (抽查, source {@link FindingSource#SPOT_CHECK}) by an inspector of
     * its team. The spot-check module has checked the team, the inspector's clearance and the method's authorisation;
     * here the input is checked as for {@link #open}, except that the unit is not looked up in the inspector's own
     * jurisdiction (an inspector has none) — it must belong to {@code input.organisationId()}. The finding is the
     * operator's at once: it shows in its register. Its id (the inspector cannot read the register).
     */
    @Transactional
    public long openForSpotCheck(Actor inspector, NewFinding input) {
        if (input.source() != FindingSource.SPOT_CHECK || input.organisationId() == null) {
            throw new IllegalArgumentException("a spot check's finding names its source and organisation");
        }
        return insert(inspector, validation.checkUnscopedUnit(inspector, input));
    }

    /**
     * Idempotent import by a stable key (幂等导入): {@code dedupKey} names the finding within its
     * organisation (e.g. scanner plugin id + host + port). When no finding has the key, it is opened like
     * {@link #open} (source defaults to IMPORT). When one has, its descriptive fields (title, description,
     * category, severity, references, CVSS, asset, source reference) are refreshed if they changed —
     * status, owner, due date, plan and accountability are never touched — and a finding that the import
     * still sees is REOPENED if the lifecycle reopens it (VERIFIED or CLOSED). Sending the same input twice
     * changes nothing the second time and answers {@link UpsertOutcome#UNCHANGED}.
     */
    @Transactional
    public Upserted upsert(Actor actor, NewFinding input) {
        requireOpener(actor);
        FindingRow row = validation.check(actor, input, true);
        Optional<Finding> existing = repository.findByDedupKey(row.organisationId(), row.dedupKey(), today());
        if (existing.isEmpty()) {
            try {
                return new Upserted(get(actor, insert(actor, row)), UpsertOutcome.CREATED);
            } catch (DuplicateKeyException e) {
                throw new ConflictException("finding.conflict.stale");
            }
        }
        Finding f = existing.get();
        UpsertOutcome outcome = refreshOrReopen(actor, f, row, clock.instant());
        return new Upserted(get(actor, f.id()), outcome);
    }

    /** What {@link #upsert} did. */
    public enum UpsertOutcome { CREATED, UPDATED, REOPENED, UNCHANGED }

    /** The finding after {@link #upsert} and what happened to it. */
    public record Upserted(Finding finding, UpsertOutcome outcome) {
    }

    /** How many findings a bulk import created, refreshed, reopened and left unchanged. */
    public record BulkUpserted(int created, int updated, int reopened, int unchanged) {
    }

    /**
     * {@link #upsert} for a whole report at once (up to {@value #MAX_BULK} findings): every item is checked
     * first (problems are named {@code items[i].field}, and a key repeated within the batch is one), then
     * new findings are inserted with JDBC batching and existing ones refreshed or reopened one by one.
     * The audit trail gets one {@code finding.imported} entry per organisation with the counts, plus one
     * per refreshed or reopened finding; each new finding's history starts with its "opened" entry.
     */
    @Transactional
    public BulkUpserted upsertAll(Actor actor, List<NewFinding> inputs) {
        requireOpener(actor);
        if (inputs.size() > MAX_BULK) {
            throw new InvalidInputException("items", "finding.bulk.tooMany", MAX_BULK);
        }
        List<FindingRow> rows = checkAll(actor, inputs);
        Map<Long, List<FindingRow>> byOrganisation = new LinkedHashMap<>();
        rows.forEach(r -> byOrganisation.computeIfAbsent(r.organisationId(), k -> new ArrayList<>()).add(r));
        int created = 0;
        int updated = 0;
        int reopened = 0;
        int unchanged = 0;
        Instant now = clock.instant();
        for (Map.Entry<Long, List<FindingRow>> group : byOrganisation.entrySet()) {
            Map<String, Finding> existing = repository.findByDedupKeys(group.getKey(),
                    group.getValue().stream().map(FindingRow::dedupKey).toList(), today());
            List<FindingRow> fresh = new ArrayList<>();
            for (FindingRow row : group.getValue()) {
                Finding f = existing.get(row.dedupKey());
                if (f == null) {
                    fresh.add(row);
                    continue;
                }
                UpsertOutcome outcome = refreshOrReopen(actor, f, row, now);
                if (outcome == UpsertOutcome.REOPENED) {
                    reopened++;
                } else if (outcome == UpsertOutcome.UPDATED) {
                    updated++;
                } else {
                    unchanged++;
                }
            }
            if (!fresh.isEmpty()) {
                register.openAll(group.getKey(), fresh, actor.username(), now, FindingSource.IMPORT);
                created += fresh.size();
            }
            events.publishEvent(new FindingsImported(group.getKey(), fresh.size(), group.getValue().size()));
        }
        return new BulkUpserted(created, updated, reopened, unchanged);
    }

    private List<FindingRow> checkAll(Actor actor, List<NewFinding> inputs) {
        List<FieldProblem> problems = new ArrayList<>();
        List<FindingRow> rows = new ArrayList<>();
        FindingValidation.Lookups lookups = new FindingValidation.Lookups();
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < inputs.size(); i++) {
            List<FieldProblem> own = new ArrayList<>();
            FindingRow row = validation.check(actor, inputs.get(i), true, own, lookups);
            if (row != null && !keys.add(row.organisationId() + "|" + row.dedupKey())) {
                own.add(new FieldProblem("dedupKey", "finding.bulk.duplicateKey", row.dedupKey()));
            }
            for (FieldProblem p : own) {
                problems.add(new FieldProblem("items[" + i + "]." + p.field(), p.code(), p.args()));
            }
            rows.add(row);
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return rows;
    }

    private UpsertOutcome refreshOrReopen(Actor actor, Finding f, FindingRow row, Instant now) {
        UpsertOutcome outcome = UpsertOutcome.UNCHANGED;
        int version = f.version();
        if (!sameDescription(f, row)) {
            if (!register.refresh(f.id(), version, row, actor.username(), now)) {
                throw new ConflictException("finding.conflict.stale");
            }
            version++;
            events.publishEvent(new FindingRefreshed(f.id(), row.dedupKey()));
            outcome = UpsertOutcome.UPDATED;
        }
        FindingLifecycle lifecycle = FindingLifecycle.restore(f);
        if (lifecycle.reopenable()) {
            FindingReopened reopened = lifecycle.reopen("import "
                    + (row.sourceRef() == null ? row.dedupKey() : row.sourceRef()));
            save(actor, lifecycle, version, now, reopened);
            outcome = UpsertOutcome.REOPENED;
        }
        return outcome;
    }

    private long insert(Actor actor, FindingRow row) {
        long id = register.open(row, actor.username(), clock.instant());
        events.publishEvent(new FindingRecorded(id, row.severity(), row.category(), row.networkUnitId(), row.dueOn()));
        return id;
    }

    private static boolean sameDescription(Finding f, FindingRow r) {
        String vector = r.cvss() == null ? null : r.cvss().vector();
        return Objects.equals(f.title(), r.title()) && Objects.equals(f.description(), r.description())
                && f.category() == r.category() && f.severity() == r.severity()
                && f.references().equals(r.references()) && Objects.equals(f.cvssVector(), vector)
                && Objects.equals(f.asset(), r.asset()) && Objects.equals(f.sourceRef(), r.sourceRef());
    }

    // --- lifecycle --------------------------------------------------------------------------

    /** Fixed at once (已修复): {@code note} says what was done. OPEN or REOPENED only. */
    @Transactional
    public Finding fix(Actor actor, long id, int expectedVersion, String note) {
        return step(actor, id, expectedVersion, access::mayRectify, RECTIFIERS, (f, now) -> f.fix(note));
    }

    /**
     * Mitigated (已采取措施): the measures taken and a rectification plan with its owner and due date
     * (ISO); each missing one is a field error ({@code measures}, {@code plan}, {@code planOwner},
     * {@code planDueOn}). OPEN or REOPENED only.
     */
    @Transactional
    public Finding mitigate(Actor actor, long id, int expectedVersion, String measures, String plan,
            String planOwner, String planDueOn) {
        return step(actor, id, expectedVersion, access::mayRectify, RECTIFIERS,
                (f, now) -> f.mitigate(measures, plan, planOwner, planDueOn, today()));
    }

    /** Verified (已复核) by the operator's reviewer or a regulator. FIXED or MITIGATED only. */
    @Transactional
    public Finding verify(Actor actor, long id, int expectedVersion, String note) {
        return step(actor, id, expectedVersion, access::mayReview, REVIEWERS,
                (f, now) -> f.verify(note, actor.username(), now));
    }

    /** Closed (已销号). VERIFIED only. */
    @Transactional
    public Finding close(Actor actor, long id, int expectedVersion, String note) {
        return step(actor, id, expectedVersion, access::mayReview, REVIEWERS, (f, now) -> f.close(note, now));
    }

    /** Reopened (重新打开) when a re-check still sees the problem; the reason is required. VERIFIED or CLOSED only. */
    @Transactional
    public Finding reopen(Actor actor, long id, int expectedVersion, String reason) {
        return step(actor, id, expectedVersion, access::mayReview, REVIEWERS, (f, now) -> f.reopen(reason));
    }

    /** Records who was responsible and what was done about it (问责), by the operator, at any status. */
    @Transactional
    public Finding recordAccountability(Actor actor, long id, int expectedVersion, String responsible, String action,
            String decidedOn) {
        return step(actor, id, expectedVersion, access::mayRectify, RECTIFIERS,
                (f, now) -> f.recordAccountability(responsible, action, decidedOn));
    }

    /** One step of the aggregate on a loaded finding, at an instant. */
    private interface Step {
        AuditableEvent take(FindingLifecycle finding, Instant now);
    }

    /**
     * Load (within the jurisdiction, else 404) → check access → transition → save under the expected version →
     * publish the step's event.
     */
    private Finding step(Actor actor, long id, int expectedVersion, Predicate<Actor> allowed,
            String refusal, Step step) {
        Finding f = get(actor, id);
        if (!allowed.test(actor)) {
            throw new AccessDeniedException(refusal);
        }
        Instant now = clock.instant();
        FindingLifecycle lifecycle = FindingLifecycle.restore(f);
        AuditableEvent event = step.take(lifecycle, now);
        save(actor, lifecycle, expectedVersion, now, event);
        return get(actor, id);
    }

    private void save(Actor actor, FindingLifecycle lifecycle, int expectedVersion, Instant now,
            AuditableEvent event) {
        if (!register.save(lifecycle, expectedVersion, actor.username(), now)) {
            throw new ConflictException("finding.conflict.stale");
        }
        events.publishEvent(event);
    }

    private void requireOpener(Actor actor) {
        if (!access.mayOpen(actor)) {
            throw new AccessDeniedException("only operators and regulators open findings");
        }
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
