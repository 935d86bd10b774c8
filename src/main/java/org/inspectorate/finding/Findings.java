package org.inspectorate.finding;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

import org.inspectorate.campaign.Campaigns;
import org.inspectorate.campaign.PublishedCampaign;
import org.inspectorate.filing.NetworkUnit;
import org.inspectorate.filing.NetworkUnits;
import org.inspectorate.organisation.Actor;
import org.inspectorate.organisation.Jurisdiction.SqlScope;
import org.inspectorate.organisation.Role;
import org.inspectorate.system.ConflictException;
import org.inspectorate.system.InvalidInputException;
import org.inspectorate.system.InvalidInputException.FieldProblem;
import org.inspectorate.system.NotFoundException;
import org.inspectorate.system.PageRequest;
import org.inspectorate.system.PageResult;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The findings register (问题台账): the module's public API for pages, the REST API and other modules
 * (self-inspection, spot checks, scanner import).
 * <ul>
 * <li>Everybody sees the findings of their jurisdiction: operators their organisation tree, regulators
 * their area; anything else is {@link NotFoundException}.</li>
 * <li>Operators and regulators open findings ({@link #open}); imports upsert them by a stable key
 * ({@link #upsert}).</li>
 * <li>Operators fix or mitigate and keep the accountability record; the operator's administrator (its
 * reviewer) or a regulator verifies, closes and reopens.</li>
 * <li>Every change is checked first ({@link InvalidInputException}), guarded by the lifecycle and the
 * optimistic-lock version ({@link ConflictException}), written to the history and published as an
 * auditable {@link FindingChanged}.</li>
 * </ul>
 */
@Service
public class Findings {

    private final FindingRepository repository;
    private final NetworkUnits units;
    private final Campaigns campaigns;
    private final SlaPolicy sla;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Evidence evidence;

    Findings(FindingRepository repository, NetworkUnits units, Campaigns campaigns, SlaPolicy sla,
            ApplicationEventPublisher events, Clock clock, Evidence evidence) {
        this.evidence = evidence;
        this.repository = repository;
        this.units = units;
        this.campaigns = campaigns;
        this.sla = sla;
        this.events = events;
        this.clock = clock;
    }

    // --- reading ----------------------------------------------------------------------------

    /**
     * The findings of the actor's jurisdiction that match the query; the view of the register is audited
     * ({@code finding.report.viewed}, view {@code register}). Sort keys: title, severity, category, status, dueOn,
     * createdAt, updatedAt, cvssScore.
     */
    @Transactional(readOnly = true)
    public PageResult<Finding> list(Actor actor, FindingQuery query, PageRequest page) {
        PageResult<Finding> result = repository.search(query, scope(actor), page,
                new FindingRepository.Today(today(), clock.getZone()));
        events.publishEvent(new FindingReported("register", "list", result.total(), query.toString()));
        return result;
    }

    /**
     * How many findings of the actor's jurisdiction match the query (one COUNT; for dashboards): e.g.
     * unresolved ones, overdue ones, unresolved HIGH ones.
     */
    @Transactional(readOnly = true)
    public long count(Actor actor, FindingQuery query) {
        return repository.count(query, scope(actor), new FindingRepository.Today(today(), clock.getZone()));
    }

    /** The finding, if the actor may see it; otherwise {@link NotFoundException}. */
    @Transactional(readOnly = true)
    public Finding get(Actor actor, long id) {
        return repository.find(id, scope(actor), today()).orElseThrow(() -> new NotFoundException("finding", id));
    }

    /**
     * The finding shown to the actor (a page or the API): as {@link #get}, and the view is audited
     * ({@code finding.viewed}), since a finding is an inspection result.
     */
    @Transactional(readOnly = true)
    public Finding view(Actor actor, long id) {
        Finding finding = get(actor, id);
        events.publishEvent(new FindingChanged("finding.viewed", id, "status=" + finding.status()));
        return finding;
    }

    /** Every change of the finding, oldest first. */
    @Transactional(readOnly = true)
    public List<FindingHistoryEntry> history(Actor actor, long id) {
        get(actor, id);
        return repository.history(id);
    }

    /** The finding's history shown through the API: as {@link #history}, and the view is audited. */
    @Transactional(readOnly = true)
    public List<FindingHistoryEntry> viewHistory(Actor actor, long id) {
        List<FindingHistoryEntry> entries = history(actor, id);
        events.publishEvent(new FindingChanged("finding.history.viewed", id, "entries=" + entries.size()));
        return entries;
    }

    /** Whether the actor may open findings (an operator's admin or staff, or a regulator's officer). */
    public boolean opens(Actor actor) {
        return operates(actor) || regulates(actor);
    }

    /** Whether the actor fixes and mitigates findings and keeps their accountability record (an operator). */
    public boolean operates(Actor actor) {
        return actor.has(Role.OPERATOR_ADMIN) || actor.has(Role.OPERATOR_STAFF);
    }

    /** Whether the actor verifies, closes and reopens findings: the operator's administrator or a regulator. */
    public boolean reviews(Actor actor) {
        return actor.has(Role.OPERATOR_ADMIN) || regulates(actor);
    }

    /** The lifecycle steps the actor may take on the finding now (for pages: only these are offered). */
    public List<FindingStatus> stepsFor(Actor actor, Finding finding) {
        List<FindingStatus> steps = new ArrayList<>();
        for (FindingStatus to : finding.nextSteps()) {
            boolean operatorStep = to == FindingStatus.FIXED || to == FindingStatus.MITIGATED;
            if (operatorStep ? operates(actor) : reviews(actor)) {
                steps.add(to);
            }
        }
        return steps;
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
        FindingRepository.Row row = validate(actor, input, false);
        return get(actor, insert(actor, row));
    }

    /**
     * Idempotent import by a stable key (幂等导入): {@code dedupKey} names the finding within its
     * organisation (e.g. scanner plugin id + host + port). When no finding has the key, it is opened like
     * {@link #open} (source defaults to IMPORT). When one has, its descriptive fields (title, description,
     * category, severity, references, CVSS, asset, source reference) are refreshed if they changed —
     * status, owner, due date, plan and accountability are never touched — and a VERIFIED or CLOSED
     * finding that the import still sees is REOPENED. Sending the same input twice changes nothing the
     * second time and answers {@link UpsertOutcome#UNCHANGED}.
     */
    @Transactional
    public Upserted upsert(Actor actor, NewFinding input) {
        requireOpener(actor);
        FindingRepository.Row row = validate(actor, input, true);
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
        List<FieldProblem> problems = new ArrayList<>();
        List<FindingRepository.Row> rows = new ArrayList<>();
        Lookups lookups = new Lookups();
        java.util.Set<String> keys = new java.util.HashSet<>();
        for (int i = 0; i < inputs.size(); i++) {
            List<FieldProblem> own = new ArrayList<>();
            FindingRepository.Row row = validate(actor, inputs.get(i), true, own, lookups);
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
        Map<Long, List<FindingRepository.Row>> byOrganisation = new LinkedHashMap<>();
        rows.forEach(r -> byOrganisation.computeIfAbsent(r.organisationId(), k -> new ArrayList<>()).add(r));
        int created = 0;
        int updated = 0;
        int reopened = 0;
        int unchanged = 0;
        Instant now = clock.instant();
        for (Map.Entry<Long, List<FindingRepository.Row>> group : byOrganisation.entrySet()) {
            Map<String, Finding> existing = repository.findByDedupKeys(group.getKey(),
                    group.getValue().stream().map(FindingRepository.Row::dedupKey).toList(), today());
            List<FindingRepository.Row> fresh = new ArrayList<>();
            for (FindingRepository.Row row : group.getValue()) {
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
                Map<String, Long> ids = repository.insertAll(fresh, actor.username(), now);
                repository.insertOpenedEvents(ids.values(), now, actor.username(), FindingSource.IMPORT.name());
                created += fresh.size();
            }
            events.publishEvent(new FindingsImported(group.getKey(), fresh.size(), group.getValue().size()));
        }
        return new BulkUpserted(created, updated, reopened, unchanged);
    }

    /** The most findings one bulk import takes. */
    public static final int MAX_BULK = 10_000;

    private UpsertOutcome refreshOrReopen(Actor actor, Finding f, FindingRepository.Row row, Instant now) {
        UpsertOutcome outcome = UpsertOutcome.UNCHANGED;
        int version = f.version();
        if (!sameDescription(f, row)) {
            if (!repository.refresh(f.id(), version, row, now)) {
                throw new ConflictException("finding.conflict.stale");
            }
            version++;
            repository.insertEvent(f.id(), now, actor.username(), "refreshed", null, null, row.sourceRef());
            events.publishEvent(new FindingChanged("finding.refreshed", f.id(), row.dedupKey()));
            outcome = UpsertOutcome.UPDATED;
        }
        if (f.status() == FindingStatus.VERIFIED || f.status() == FindingStatus.CLOSED) {
            String reason = "import " + (row.sourceRef() == null ? row.dedupKey() : row.sourceRef());
            move(actor, f.id(), version, f.status(), FindingStatus.REOPENED, columns("reopen_reason", reason),
                    "reopened", reason);
            outcome = UpsertOutcome.REOPENED;
        }
        return outcome;
    }

    private long insert(Actor actor, FindingRepository.Row row) {
        Instant now = clock.instant();
        long id = repository.insert(row, actor.username(), now);
        repository.insertEvent(id, now, actor.username(), "opened", null, FindingStatus.OPEN,
                row.source().name() + (row.sourceRef() == null ? "" : " " + row.sourceRef()));
        events.publishEvent(new FindingChanged("finding.opened", id,
                row.severity() + " " + row.category() + " unit " + row.networkUnitId() + " due " + row.dueOn()));
        return id;
    }

    // --- lifecycle --------------------------------------------------------------------------

    /** Fixed at once (已修复): {@code note} says what was done. OPEN or REOPENED only. */
    @Transactional
    public Finding fix(Actor actor, long id, int expectedVersion, String note) {
        Finding f = operated(actor, id);
        String text = FindingLifecycle.fix(f.status(), note);
        return move(actor, id, expectedVersion, f.status(), FindingStatus.FIXED, columns("fix_note", text), "fixed",
                text);
    }

    /**
     * Mitigated (已采取措施): the measures taken and a rectification plan with its owner and due date
     * (ISO); each missing one is a field error ({@code measures}, {@code plan}, {@code planOwner},
     * {@code planDueOn}). OPEN or REOPENED only.
     */
    @Transactional
    public Finding mitigate(Actor actor, long id, int expectedVersion, String measures, String plan,
            String planOwner, String planDueOn) {
        Finding f = operated(actor, id);
        Finding.Rectification r = FindingLifecycle.mitigate(f.status(), measures, plan, planOwner, planDueOn, today());
        Map<String, Object> c = columns("measures", r.measures());
        c.put("plan_text", r.plan());
        c.put("plan_owner", r.owner());
        c.put("plan_due_on", r.dueOn());
        return move(actor, id, expectedVersion, f.status(), FindingStatus.MITIGATED, c, "mitigated",
                r.owner() + " " + r.dueOn());
    }

    /** Verified (已复核) by the operator's reviewer or a regulator. FIXED or MITIGATED only. */
    @Transactional
    public Finding verify(Actor actor, long id, int expectedVersion, String note) {
        Finding f = reviewed(actor, id);
        String text = FindingLifecycle.verify(f.status(), note);
        Map<String, Object> c = columns("verified_by", actor.username());
        c.put("verified_at", clock.instant());
        return move(actor, id, expectedVersion, f.status(), FindingStatus.VERIFIED, c, "verified", text);
    }

    /** Closed (已销号). VERIFIED only. */
    @Transactional
    public Finding close(Actor actor, long id, int expectedVersion, String note) {
        Finding f = reviewed(actor, id);
        String text = FindingLifecycle.close(f.status(), note);
        return move(actor, id, expectedVersion, f.status(), FindingStatus.CLOSED, columns("closed_at", clock.instant()),
                "closed", text);
    }

    /** Reopened (重新打开) when a re-check still sees the problem; the reason is required. VERIFIED or CLOSED only. */
    @Transactional
    public Finding reopen(Actor actor, long id, int expectedVersion, String reason) {
        Finding f = reviewed(actor, id);
        String text = FindingLifecycle.reopen(f.status(), reason);
        Map<String, Object> c = columns("reopen_reason", text);
        c.put("closed_at", null);
        return move(actor, id, expectedVersion, f.status(), FindingStatus.REOPENED, c, "reopened", text);
    }

    /** Records who was responsible and what was done about it (问责), by the operator, at any status. */
    @Transactional
    public Finding recordAccountability(Actor actor, long id, int expectedVersion, String responsible, String action,
            String decidedOn) {
        Finding f = operated(actor, id);
        List<FieldProblem> problems = new ArrayList<>();
        String person = FindingLifecycle.text(responsible);
        String what = FindingLifecycle.text(action);
        if (person == null) {
            problems.add(new FieldProblem("responsible", "finding.field.required"));
        } else if (person.length() > 100) {
            problems.add(new FieldProblem("responsible", "finding.field.tooLong", 100));
        }
        if (what == null) {
            problems.add(new FieldProblem("action", "finding.field.required"));
        } else if (what.length() > FindingLifecycle.MAX_TEXT) {
            problems.add(new FieldProblem("action", "finding.field.tooLong", FindingLifecycle.MAX_TEXT));
        }
        LocalDate on = optionalDate(problems, "decidedOn", decidedOn);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Instant now = clock.instant();
        if (f.version() != expectedVersion
                || !repository.updateAccountability(id, expectedVersion, new Finding.Accountability(person, what, on), now)) {
            throw new ConflictException("finding.conflict.stale");
        }
        repository.insertEvent(id, now, actor.username(), "accountability", null, null, person + ": " + what);
        events.publishEvent(new FindingChanged("finding.accountability.recorded", id, person));
        return get(actor, id);
    }

    private Finding move(Actor actor, long id, int expectedVersion, FindingStatus from, FindingStatus to,
            Map<String, Object> columns, String action, String note) {
        Instant now = clock.instant();
        if (!repository.transition(id, expectedVersion, to, columns, now)) {
            throw new ConflictException("finding.conflict.stale");
        }
        repository.insertEvent(id, now, actor.username(), action, from, to, note);
        events.publishEvent(new FindingChanged("finding." + action, id, from + " -> " + to));
        return get(actor, id);
    }

    private static Map<String, Object> columns(String column, Object value) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put(column, value);
        return c;
    }

    // --- evidence ---------------------------------------------------------------------------

    /** The owner kind under which findings' evidence files are kept. */
    public static final String EVIDENCE_KIND = "finding";

    /** Attaches an evidence file to the finding (operators and regulators who see it), recorded in its history. */
    @Transactional
    public EvidenceFile attachEvidence(Actor actor, long id, String fileName, byte[] content) {
        Finding f = get(actor, id);
        requireOpener(actor);
        EvidenceFile file = evidence.attach(actor, EVIDENCE_KIND, id, f.organisationId(), fileName, content);
        repository.insertEvent(id, clock.instant(), actor.username(), "evidence", null, null,
                file.fileName() + " sha256=" + file.sha256());
        return file;
    }

    /** The finding's evidence files, oldest first. */
    @Transactional(readOnly = true)
    public List<EvidenceFile> evidence(Actor actor, long id) {
        get(actor, id);
        return evidence.list(actor, EVIDENCE_KIND, id);
    }

    /** The finding's evidence files listed through the API: as {@link #evidence}, and the view is audited. */
    @Transactional(readOnly = true)
    public List<EvidenceFile> viewEvidence(Actor actor, long id) {
        List<EvidenceFile> files = evidence(actor, id);
        events.publishEvent(new FindingChanged("finding.evidence.viewed", id, "files=" + files.size()));
        return files;
    }

    /** One of the finding's evidence files with its bytes; the download is audited. */
    @Transactional
    public EvidenceDownload downloadEvidence(Actor actor, long id, long evidenceId) {
        get(actor, id);
        return evidence.download(actor, EVIDENCE_KIND, id, evidenceId);
    }

    // --- checks -----------------------------------------------------------------------------

    private FindingRepository.Row validate(Actor actor, NewFinding in, boolean dedupRequired) {
        List<FieldProblem> problems = new ArrayList<>();
        FindingRepository.Row row = validate(actor, in, dedupRequired, problems, new Lookups());
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return row;
    }

    /** Network units and campaigns already looked up, so that a bulk import asks once per unit and campaign. */
    private final class Lookups {
        final Map<Long, Optional<NetworkUnit>> units = new java.util.HashMap<>();
        final Map<String, Optional<PublishedCampaign>> campaigns = new java.util.HashMap<>();
    }

    private FindingRepository.Row validate(Actor actor, NewFinding in, boolean dedupRequired,
            List<FieldProblem> problems, Lookups lookups) {
        String title = FindingLifecycle.text(in.title());
        if (title == null) {
            problems.add(new FieldProblem("title", "finding.field.required"));
        } else if (title.length() > 300) {
            problems.add(new FieldProblem("title", "finding.field.tooLong", 300));
        }
        String description = FindingLifecycle.text(in.description());
        if (description != null && description.length() > 20000) {
            problems.add(new FieldProblem("description", "finding.field.tooLong", 20000));
        }
        Category category = parseEnum(problems, "category", in.category(), Category.class);
        Severity severity = parseEnum(problems, "severity", in.severity(), Severity.class);
        List<String> refs = VulnerabilityReferences.split(in.references());
        List<String> badRefs = VulnerabilityReferences.invalid(refs);
        if (!badRefs.isEmpty()) {
            problems.add(new FieldProblem("references", "finding.references.invalid", String.join(", ", badRefs)));
        } else if (String.join(" ", refs).length() > VulnerabilityReferences.MAX_LENGTH) {
            problems.add(new FieldProblem("references", "finding.field.tooLong", VulnerabilityReferences.MAX_LENGTH));
        }
        CvssScore cvss = null;
        String vector = FindingLifecycle.text(in.cvssVector());
        if (vector != null) {
            cvss = CvssScore.parse(vector).orElse(null);
            if (cvss == null) {
                problems.add(new FieldProblem("cvssVector", "finding.cvss.invalid",
                        vector.length() > 80 ? vector.substring(0, 80) + "…" : vector));
            }
        }
        String ownerName = FindingLifecycle.text(in.ownerName());
        String ownerContact = FindingLifecycle.text(in.ownerContact());
        if (ownerName == null && in.ownerUserId() == null) {
            problems.add(new FieldProblem("ownerName", "finding.owner.required"));
        }
        if (ownerName != null && ownerName.length() > 100) {
            problems.add(new FieldProblem("ownerName", "finding.field.tooLong", 100));
        }
        if (ownerContact != null && ownerContact.length() > 100) {
            problems.add(new FieldProblem("ownerContact", "finding.field.tooLong", 100));
        }
        FindingSource source = in.source() != null ? in.source()
                : dedupRequired ? FindingSource.IMPORT : FindingSource.MANUAL;
        String sourceRef = FindingLifecycle.text(in.sourceRef());
        if (sourceRef != null && sourceRef.length() > 200) {
            problems.add(new FieldProblem("sourceRef", "finding.field.tooLong", 200));
        }
        String dedupKey = FindingLifecycle.text(in.dedupKey());
        if (dedupRequired && dedupKey == null) {
            problems.add(new FieldProblem("dedupKey", "finding.field.required"));
        } else if (dedupKey != null && dedupKey.length() > 200) {
            problems.add(new FieldProblem("dedupKey", "finding.field.tooLong", 200));
        }
        // organisation and network unit: the unit must be visible to the actor and belong to the organisation
        Long organisationId = in.organisationId() != null ? in.organisationId()
                : operates(actor) ? Long.valueOf(actor.organisationId()) : null;
        NetworkUnit unit = null;
        if (in.networkUnitId() == null) {
            problems.add(new FieldProblem("networkUnitId", "finding.field.required"));
        } else {
            unit = lookups.units.computeIfAbsent(in.networkUnitId(), unitId -> {
                try {
                    return Optional.of(units.get(actor, unitId));
                } catch (NotFoundException e) {
                    return Optional.empty();
                }
            }).orElse(null);
            if (unit == null) {
                problems.add(new FieldProblem("networkUnitId", "finding.unit.unknown", in.networkUnitId()));
            }
        }
        if (unit != null) {
            if (organisationId == null) {
                organisationId = unit.organisationId();
            } else if (unit.organisationId() != organisationId) {
                problems.add(new FieldProblem("networkUnitId", "finding.unit.otherOrganisation", in.networkUnitId()));
            }
        }
        String asset = FindingLifecycle.text(in.asset());
        if (asset != null && unit != null && unit.content().assets().stream()
                .noneMatch(a -> a.value().equalsIgnoreCase(asset))) {
            problems.add(new FieldProblem("asset", "finding.asset.unknown", asset));
        }
        String campaignCode = FindingLifecycle.text(in.campaignCode());
        OptionalInt campaignDays = OptionalInt.empty();
        if (campaignCode != null && severity != null) {
            Optional<PublishedCampaign> campaign = lookups.campaigns.computeIfAbsent(campaignCode,
                    campaigns::published);
            if (campaign.isEmpty()) {
                problems.add(new FieldProblem("campaignCode", "finding.campaign.unknown", campaignCode));
            } else {
                campaignDays = OptionalInt.of(campaign.get().definition()
                        .slaDays(org.inspectorate.campaign.Severity.valueOf(severity.name())));
            }
        }
        LocalDate dueOn = optionalDate(problems, "dueOn", in.dueOn());
        if (dueOn != null && dueOn.isBefore(today())) {
            problems.add(new FieldProblem("dueOn", "finding.field.pastDate", dueOn));
        }
        if (!problems.isEmpty()) {
            return null;
        }
        if (dueOn == null) {
            dueOn = sla.dueOn(today(), severity, campaignDays);
        }
        return new FindingRepository.Row(Objects.requireNonNull(organisationId), unit.id(),
                asset == null ? null : canonicalAsset(unit, asset), title, description, category, severity, refs, cvss,
                ownerName, ownerContact, in.ownerUserId(), campaignCode, source, sourceRef, dedupKey, dueOn);
    }

    private static String canonicalAsset(NetworkUnit unit, String asset) {
        return unit.content().assets().stream().filter(a -> a.value().equalsIgnoreCase(asset)).findFirst()
                .map(a -> a.value()).orElse(asset);
    }

    private static boolean sameDescription(Finding f, FindingRepository.Row r) {
        String vector = r.cvss() == null ? null : r.cvss().vector();
        return Objects.equals(f.title(), r.title()) && Objects.equals(f.description(), r.description())
                && f.category() == r.category() && f.severity() == r.severity()
                && f.references().equals(r.references()) && Objects.equals(f.cvssVector(), vector)
                && Objects.equals(f.asset(), r.asset()) && Objects.equals(f.sourceRef(), r.sourceRef());
    }

    private static <E extends Enum<E>> E parseEnum(List<FieldProblem> problems, String field, String value,
            Class<E> type) {
        String text = FindingLifecycle.text(value);
        if (text == null) {
            problems.add(new FieldProblem(field, "finding.field.required"));
            return null;
        }
        try {
            return Enum.valueOf(type, text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add(new FieldProblem(field, "finding.field.unknownValue", text));
            return null;
        }
    }

    private static LocalDate optionalDate(List<FieldProblem> problems, String field, String value) {
        String text = FindingLifecycle.text(value);
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            problems.add(new FieldProblem(field, "finding.field.date", text));
            return null;
        }
    }

    private void requireOpener(Actor actor) {
        if (!opens(actor)) {
            throw new AccessDeniedException("only operators and regulators open findings");
        }
    }

    private Finding operated(Actor actor, long id) {
        Finding f = get(actor, id);
        if (!operates(actor)) {
            throw new AccessDeniedException("only the operator fixes or mitigates a finding");
        }
        return f;
    }

    private Finding reviewed(Actor actor, long id) {
        Finding f = get(actor, id);
        if (!reviews(actor)) {
            throw new AccessDeniedException("only the operator's reviewer or a regulator verifies a finding");
        }
        return f;
    }

    private static boolean regulates(Actor actor) {
        return actor.has(Role.MINISTRY_OFFICER) || actor.has(Role.PROVINCIAL_OFFICER);
    }

    private static SqlScope scope(Actor actor) {
        return actor.jurisdiction().organisationScope("f.organisation_id");
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
