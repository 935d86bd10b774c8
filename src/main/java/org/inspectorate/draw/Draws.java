package org.inspectorate.draw;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.inspectorate.agency.Agencies;
import org.inspectorate.agency.EligibleInspector;
import org.inspectorate.agency.OperatorRelation;
import org.inspectorate.agency.Skill;
import org.inspectorate.filing.FiledUnit;
import org.inspectorate.filing.NetworkCategory;
import org.inspectorate.filing.NetworkUnits;
import org.inspectorate.organisation.Actor;
import org.inspectorate.organisation.Jurisdiction.SqlScope;
import org.inspectorate.organisation.OrganisationType;
import org.inspectorate.organisation.Province;
import org.inspectorate.organisation.Role;
import org.inspectorate.system.ConflictException;
import org.inspectorate.system.InvalidInputException;
import org.inspectorate.system.InvalidInputException.FieldProblem;
import org.inspectorate.system.NotFoundException;
import org.inspectorate.system.PageRequest;
import org.inspectorate.system.PageResult;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Draw governance (双随机抽取的组织): versioned rules, preparation by one officer, approval by another (four eyes)
 * which freezes the pools and commits to a secret seed, the draw with witnesses' entropy, publication (一公开),
 * re-draws with a recorded reason, verification, and the planned spot checks that result.
 */
@Service
public class Draws {

    static final int MAX_TITLE = 200;
    static final int MAX_REASON = 1000;

    private final DrawRepository repository;
    private final NetworkUnits units;
    private final Agencies agencies;
    private final SeedSeal seal;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    /**
     * The snapshot the last approval on this node froze, kept (softly) for the draw's run so that it need not read
     * and parse the stored 20 MB again; used only while its hash is the one committed. Verification never uses it.
     */
    private final java.util.concurrent.atomic.AtomicReference<java.lang.ref.SoftReference<Frozen>> lastFrozen =
            new java.util.concurrent.atomic.AtomicReference<>(new java.lang.ref.SoftReference<>(null));

    private record Frozen(long drawId, String hash, PoolSnapshot snapshot) {
    }

    private final org.inspectorate.organisation.Organisations organisations;
    private final org.inspectorate.organisation.UserAccounts accounts;

    Draws(DrawRepository repository, NetworkUnits units, Agencies agencies, SeedSeal seal,
            ApplicationEventPublisher events, Clock clock, org.inspectorate.organisation.Organisations organisations,
            org.inspectorate.organisation.UserAccounts accounts) {
        this.organisations = organisations;
        this.accounts = accounts;
        this.repository = repository;
        this.units = units;
        this.agencies = agencies;
        this.seal = seal;
        this.events = events;
        this.clock = clock;
    }

    /** The Ministry's and provincial administrations' officers prepare, approve and run draws. */
    public static boolean mayManage(Actor actor) {
        return actor.has(Role.MINISTRY_OFFICER) || actor.has(Role.PROVINCIAL_OFFICER);
    }

    // --- rules ---------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public List<DrawRulesVersion> rules(Actor actor) {
        requireManager(actor);
        return repository.allRules(rulesScope(actor));
    }

    /** Stores a new version of the named rules (the next number after the latest). */
    @Transactional
    public DrawRulesVersion saveRules(Actor actor, RulesInput input) {
        requireManager(actor);
        List<FieldProblem> problems = new ArrayList<>();
        String name = input.name() == null ? "" : input.name().strip();
        if (!name.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,99}")) {
            problems.add(new FieldProblem("name", "draw.rules.name.invalid"));
        }
        int sample = number(input.sampleSize(), "sampleSize", 1, 100_000, problems);
        int team = number(input.teamSize(), "teamSize", 2, 20, problems);
        int perAgency = number(input.maxTargetsPerAgency(), "maxTargetsPerAgency", 1, 100_000, problems);
        int lookback = number(input.conflictLookbackYears(), "conflictLookbackYears", 0, 50, problems);
        int recent = number(input.recentInspectionMonths(), "recentInspectionMonths", 0, 120, problems);
        Set<String> required = new TreeSet<>();
        for (String s : input.requiredSkills()) {
            skill(s, "requiredSkills", problems).ifPresent(k -> required.add(k.name()));
        }
        Optional<Skill> leader = skill(input.leaderSkill(), "leaderSkill", problems);
        List<Quota> quotas = QuotaText.parse(input.quotas(), problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        String owner = ownProvince(actor);
        Optional<String> existing = repository.rulesOwner(name);
        if (existing.isPresent() && !actor.has(Role.MINISTRY_OFFICER)
                && !existing.get().equals(owner == null ? "" : owner)) {
            throw new InvalidInputException("name", "draw.rules.name.otherAuthority");
        }
        if (existing.isPresent() && !existing.get().isEmpty()) {
            owner = existing.get();
        } else if (existing.isPresent()) {
            owner = null;
        }
        int version = repository.latestRulesVersion(name) + 1;
        DrawRules rules;
        try {
            rules = new DrawRules(name, version, sample, quotas, team, required, leader.get().name(), perAgency, lookback,
                    recent);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("quotas", "draw.rules.invalid", e.getMessage());
        }
        long id = repository.insertRules(rules, owner, actor.username(), clock.instant());
        events.publishEvent(new DrawChanged("draw.rules.saved", "draw-rules:" + name + "/v" + version,
                "sha256=" + rules.hash()));
        return repository.rules(id).orElseThrow();
    }

    // --- reading --------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public PageResult<Draw> list(Actor actor, DrawState state, PageRequest page) {
        return repository.search(scope(actor), state, page);
    }

    @Transactional(readOnly = true)
    public Draw get(Actor actor, long id) {
        return row(actor, id).draw();
    }

    /**
     * Every round of the draw, the current one first, each with the drawn targets and teams the actor may see
     * ({@link #reach}); empty before the draw. Viewing a result is audited.
     */
    @Transactional
    public List<DrawRound> rounds(Actor actor, long id) {
        Draw d = row(actor, id).draw();
        List<DrawRound> rounds = repository.rounds(id, resultScope(actor, d));
        if (!rounds.isEmpty()) {
            events.publishEvent(new DrawChanged("draw.result.viewed", "draw:" + id, "rounds=" + rounds.size()
                    + " reach=" + reach(actor, d) + " targets=" + rounds.get(0).assignments().size() + "/"
                    + rounds.get(0).drawnTargets()));
        }
        return rounds;
    }

    @Transactional(readOnly = true)
    public DrawRules drawRules(Actor actor, long id) {
        Draw d = get(actor, id);
        return repository.rules(d.rulesId()).orElseThrow().rules();
    }

    /**
     * The spot checks the draw planned, of every round, that the actor may see ({@link #reach}); viewing them (who
     * inspects whom) is audited.
     */
    @Transactional
    public List<PlannedSpotCheck> plannedChecks(Actor actor, long id) {
        List<PlannedSpotCheck> checks = visibleChecks(actor, id);
        if (!checks.isEmpty()) {
            events.publishEvent(new DrawChanged("draw.checks.viewed", "draw:" + id, "checks=" + checks.size()));
        }
        return checks;
    }

    /**
     * Display names of the targets (unit and operator) and inspectors of the checks the actor may see, by the ids the
     * result uses.
     */
    @Transactional(readOnly = true)
    public Map<String, String> names(Actor actor, long id) {
        return names(visibleChecks(actor, id));
    }

    private List<PlannedSpotCheck> visibleChecks(Actor actor, long id) {
        Draw d = row(actor, id).draw();
        return repository.plannedChecksOfDraw(id, resultScope(actor, d));
    }

    /**
     * Display names of the checks' targets ("t" + unit id) and team members ("i" + user id), in a few queries
     * whatever the number of checks.
     */
    Map<String, String> names(List<PlannedSpotCheck> checks) {
        Set<Long> organisationIds = new java.util.HashSet<>();
        Set<Long> userIds = new java.util.HashSet<>();
        for (PlannedSpotCheck c : checks) {
            organisationIds.add(c.targetOrganisationId());
            userIds.addAll(c.memberUserIds());
            userIds.add(c.leaderUserId());
        }
        Map<Long, String> organisationNames = organisations.namesForRules(organisationIds);
        Map<Long, String> userLabels = accounts.labelsForRules(userIds);
        Map<String, String> names = new java.util.HashMap<>();
        for (PlannedSpotCheck c : checks) {
            String organisation = organisationNames.get(c.targetOrganisationId());
            names.put("t" + c.targetUnitId(), organisation == null ? "#" + c.targetUnitId()
                    : organisation + " #" + c.targetUnitId());
        }
        for (Long u : userIds) {
            names.put("i" + u, userLabels.getOrDefault(u, "#" + u));
        }
        return names;
    }

    /** The spot checks of published draws on whose team the signed-in inspector serves; audited when any. */
    @Transactional
    public List<PlannedSpotCheck> myPlannedChecks(Actor actor) {
        if (!actor.has(Role.INSPECTOR)) {
            return List.of();
        }
        List<PlannedSpotCheck> checks = repository.plannedChecksOfMember(actor.userId());
        if (!checks.isEmpty()) {
            events.publishEvent(new DrawChanged("draw.checks.viewed", "user:" + actor.userId(), "checks="
                    + checks.size() + " draws=" + checks.stream().map(PlannedSpotCheck::drawId).distinct().toList()));
        }
        return checks;
    }

    /**
     * The published draw file of the current round (what {@code VerifyDrawCli} reads); audited as an export.
     *
     * @throws ConflictException when the draw has not been run
     */
    @Transactional
    public PublishedDraw published(Actor actor, long id) {
        Draw d = get(actor, id);
        PublishedDraw p = publishedDraw(d);
        events.publishEvent(new DrawChanged("draw.result.exported", "draw:" + id, "commitment=" + d.commitmentDigest()));
        return p;
    }

    /** Recomputes the current round from the stored inputs with {@link DrawVerifier}. */
    @Transactional
    public Verification verify(Actor actor, long id) {
        Draw d = get(actor, id);
        Verification v;
        try {
            v = DrawVerifier.verify(publishedDraw(d));
        } catch (IllegalArgumentException e) { // the stored inputs are damaged: a finding of the verification
            v = new Verification(false, List.of("the stored draw cannot be read: " + e.getMessage()), List.of());
        }
        events.publishEvent(new DrawChanged("draw.verified", "draw:" + id, v.matches() ? "MATCH" : "MISMATCH"));
        return v;
    }

    private PublishedDraw publishedDraw(Draw d) {
        if (!d.drawn()) {
            throw new ConflictException("draw.notDrawn", d.state().name());
        }
        DrawRound current = repository.rounds(d.id()).get(0);
        PoolSnapshot snapshot = repository.snapshot(d.id());
        DrawRules rules = repository.rules(d.rulesId()).orElseThrow().rules();
        return new PublishedDraw(snapshot, rules, current.commitment(), current.seed(), current.witnessEntropy(),
                current.assignments());
    }

    // --- governance -----------------------------------------------------------------------------

    /** Prepares a draw as a DRAFT; a provincial officer's draw is of their own province. */
    @Transactional
    public Draw prepare(Actor actor, DrawInput input) {
        requireManager(actor);
        DrawPlan plan = validate(actor, input);
        long id = repository.insertDraw(plan, actor.userId(), actor.username(), clock.instant());
        events.publishEvent(new DrawChanged("draw.prepared", "draw:" + id, "rules=" + plan.rulesId()
                + " drawDate=" + plan.drawDate()));
        return get(actor, id);
    }

    @Transactional
    public Draw update(Actor actor, long id, int expectedVersion, DrawInput input) {
        Draw d = locked(actor, id).draw();
        if (!d.editable()) {
            throw new ConflictException("draw.notEditable", d.state().name());
        }
        DrawPlan plan = validate(actor, input);
        if (repository.updateDraft(id, expectedVersion, plan, clock.instant()) == 0) {
            throw new ConflictException("draw.changedMeanwhile", d.title());
        }
        events.publishEvent(new DrawChanged("draw.updated", "draw:" + id, "rules=" + plan.rulesId()));
        return get(actor, id);
    }

    /**
     * Approves a draft prepared by another officer (four eyes): freezes the target and inspector pools into the
     * snapshot, generates and seals the secret seed and publishes the commitment.
     */
    @Transactional
    public Draw approve(Actor actor, long id) {
        DrawRepository.Row row = locked(actor, id);
        Draw d = row.draw();
        if (d.state() != DrawState.DRAFT) {
            throw new ConflictException("draw.notDraft", d.state().name());
        }
        if ((actor.userId() > 0 && row.preparedById() == actor.userId()) || d.preparedBy().equals(actor.username())) {
            throw new ConflictException("draw.approve.own");
        }
        if (d.drawDate().isBefore(today())) {
            throw new ConflictException("draw.date.past", d.drawDate());
        }
        DrawRules rules = repository.rules(d.rulesId()).orElseThrow().rules();
        PoolSnapshot snapshot = freeze(d);
        byte[] stored = PackedSnapshot.pack(snapshot);
        DrawSeed seed = DrawSeed.generate(random);
        DrawCommitment commitment = DrawCommitment.of(seed, snapshot, rules, d.drawDate());
        repository.schedule(id, actor.username(), stored, snapshot.hash(), commitment.seedHash(),
                seal.seal(id, seed), commitment.digest(), clock.instant());
        lastFrozen.set(new java.lang.ref.SoftReference<>(new Frozen(id, snapshot.hash(), snapshot)));
        events.publishEvent(new DrawChanged("draw.scheduled", "draw:" + id, "targets=" + snapshot.targets().size()
                + " inspectors=" + snapshot.inspectors().size() + " snapshot=" + snapshot.hash() + " seedHash="
                + commitment.seedHash() + " commitment=" + commitment.digest()));
        return get(actor, id);
    }

    /**
     * Runs a scheduled draw: witnesses' entropy (one string per line) is added, the sealed seed is revealed and
     * checked against the commitment, and the result is stored once, with a planned spot check per target.
     */
    @Transactional
    public Draw run(Actor actor, long id, String witnessText) {
        Draw d = locked(actor, id).draw();
        if (d.state() != DrawState.SCHEDULED) {
            throw new ConflictException("draw.notScheduled", d.state().name());
        }
        List<String> witness = witness(witnessText);
        DrawRules rules = repository.rules(d.rulesId()).orElseThrow().rules();
        PoolSnapshot snapshot = frozen(id, d.snapshotHash());
        DrawCommitment commitment = new DrawCommitment(d.seedHash(), d.snapshotHash(), d.rulesHash(), d.drawDate());
        if (!commitment.digest().equals(d.commitmentDigest())) {
            throw new ConflictException("draw.seed.mismatch", "commitment digest");
        }
        DrawSeed seed;
        try {
            seed = seal.open(id, repository.sealedSeed(id));
        } catch (IllegalStateException e) {
            throw new ConflictException("draw.seed.mismatch", e.getMessage());
        }
        DrawResult result;
        try {
            result = DoubleRandomDraw.draw(snapshot, rules, commitment, seed, witness);
        } catch (CommitmentMismatchException e) {
            events.publishEvent(new DrawChanged("draw.reveal.refused", "draw:" + id, e.getMessage()));
            throw new ConflictException("draw.seed.mismatch", e.getMessage());
        } catch (DrawInfeasibleException e) {
            throw new ConflictException("draw.infeasible", e.shortfalls().stream().map(Object::toString)
                    .collect(Collectors.joining("; ")));
        }
        Instant now = clock.instant();
        int round = repository.lastRound(id) + 1;
        long resultId = repository.insertRound(id, round, result, actor.username(), now);
        Map<String, TargetCandidate> targets = snapshot.targets().stream()
                .collect(Collectors.toMap(TargetCandidate::id, t -> t));
        Map<Long, String> reviewing = units.reviewingProvinces(result.assignments().stream()
                .map(a -> Long.parseLong(a.targetId())).toList());
        List<DrawRepository.NewCheck> checks = new ArrayList<>();
        for (TeamAssignment a : result.assignments()) {
            TargetCandidate t = targets.get(a.targetId());
            long unit = Long.parseLong(t.id());
            checks.add(new DrawRepository.NewCheck(unit, Long.parseLong(t.operatorId()), reviewing.get(unit),
                    Long.parseLong(a.leaderId()), a.memberIds().stream().map(Long::parseLong).toList()));
        }
        repository.insertPlannedChecks(id, resultId, checks, d.drawDate(), now);
        repository.state(id, DrawState.DRAWN, now);
        events.publishEvent(new DrawChanged("draw.drawn", "draw:" + id, "round=" + round + " seed=" + seed.hex()
                + " witnesses=" + witness.size() + " result=" + result.digest()));
        return get(actor, id);
    }

    /** Publishes a drawn result (一公开) to the authority and the assigned teams. */
    @Transactional
    public Draw publish(Actor actor, long id) {
        Draw d = locked(actor, id).draw();
        if (d.state() != DrawState.DRAWN) {
            throw new ConflictException("draw.notDrawn", d.state().name());
        }
        repository.published(id, actor.username(), clock.instant());
        events.publishEvent(new DrawChanged("draw.published", "draw:" + id, "commitment=" + d.commitmentDigest()));
        return get(actor, id);
    }

    /**
     * Asks for a re-draw (重新抽取) with a recorded reason. Nothing changes in the current round yet: the draw waits
     * in REDRAW_REQUESTED for another officer's approval ({@link #approveRedraw}) or refusal ({@link #refuseRedraw}).
     */
    @Transactional
    public Draw redraw(Actor actor, long id, String reason) {
        Draw d = locked(actor, id).draw();
        if (d.state() != DrawState.DRAWN && d.state() != DrawState.PUBLISHED) {
            throw new ConflictException("draw.notDrawn", d.state().name());
        }
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty()) {
            throw new InvalidInputException("reason", "draw.redraw.reason.required");
        }
        if (why.length() > MAX_REASON) {
            throw new InvalidInputException("reason", "draw.redraw.reason.tooLong", MAX_REASON);
        }
        repository.requestRedraw(id, why, actor.userId(), actor.username(), d.state(), clock.instant());
        events.publishEvent(new DrawChanged("draw.redraw.requested", "draw:" + id, "round="
                + repository.lastRound(id) + " reason=" + why));
        return get(actor, id);
    }

    /**
     * Approves another officer's re-draw request (four eyes; one's own → 409): the current round is marked
     * SUPERSEDED with the reason, who asked and who approved (kept, never deleted), its planned checks are
     * cancelled, and a new secret seed is committed over the same frozen snapshot → SCHEDULED.
     */
    @Transactional
    public Draw approveRedraw(Actor actor, long id) {
        Draw d = pendingRedraw(actor, id);
        if (d.drawDate().isBefore(today())) {
            throw new ConflictException("draw.date.past", d.drawDate());
        }
        Instant now = clock.instant();
        DrawRepository.CurrentRound current = repository.currentRound(id);
        repository.supersede(current.id(), d.redrawReason(), d.redrawRequestedBy(), actor.username(), now);
        DrawRules rules = repository.rules(d.rulesId()).orElseThrow().rules();
        PoolSnapshot snapshot = repository.snapshot(id);
        DrawSeed seed = DrawSeed.generate(random);
        DrawCommitment commitment = DrawCommitment.of(seed, snapshot, rules, d.drawDate());
        repository.recommit(id, commitment.seedHash(), seal.seal(id, seed), commitment.digest(), now);
        events.publishEvent(new DrawChanged("draw.redraw.approved", "draw:" + id, "superseded round="
                + current.roundNo() + " requestedBy=" + d.redrawRequestedBy() + " reason=" + d.redrawReason()
                + " newCommitment=" + commitment.digest()));
        return get(actor, id);
    }

    /** The locked draw with a re-draw request that the actor, not its requester (four eyes), may decide. */
    private Draw pendingRedraw(Actor actor, long id) {
        DrawRepository.Row row = locked(actor, id);
        Draw d = row.draw();
        if (d.state() != DrawState.REDRAW_REQUESTED) {
            throw new ConflictException("draw.redraw.notRequested", d.state().name());
        }
        if ((actor.userId() > 0 && row.redrawRequestedById() != null && row.redrawRequestedById() == actor.userId())
                || actor.username().equals(d.redrawRequestedBy())) {
            throw new ConflictException("draw.redraw.approve.own");
        }
        return d;
    }

    /** Refuses a re-draw request (any officer but the one who asked): the draw returns to where it was. */
    @Transactional
    public Draw refuseRedraw(Actor actor, long id) {
        Draw d = pendingRedraw(actor, id);
        DrawState back = repository.stateBeforeRedraw(id);
        repository.clearRedraw(id, back, clock.instant());
        events.publishEvent(new DrawChanged("draw.redraw.refused", "draw:" + id, "requestedBy="
                + d.redrawRequestedBy() + " reason=" + d.redrawReason()));
        return get(actor, id);
    }

    // --- helpers --------------------------------------------------------------------------------

    /** The snapshot approval froze for this draw: kept from the approval when its hash is the committed one, else read. */
    private PoolSnapshot frozen(long id, String committedHash) {
        Frozen f = lastFrozen.get().get();
        if (f != null && f.drawId() == id && f.hash().equals(committedHash)) {
            return f.snapshot();
        }
        return repository.snapshot(id);
    }

    private PoolSnapshot freeze(Draw d) {
        Map<Long, LocalDate> last = repository.lastInspections();
        List<TargetCandidate> targets = new ArrayList<>();
        for (FiledUnit u : units.filedUnitsUnscoped()) {
            if (u.provinceCode() == null) {
                continue;
            }
            if ((d.filterProvince() != null && !d.filterProvince().equals(u.provinceCode()))
                    || (d.filterOperatorType() != null && !d.filterOperatorType().equals(u.operatorType()))
                    || (d.filterCategory() != null && !d.filterCategory().equals(u.category().name()))
                    || (d.filterGrade() != null && !d.filterGrade().equals(u.gradeLevel().code()))) {
                continue;
            }
            targets.add(new TargetCandidate(Long.toString(u.unitId()), Long.toString(u.organisationId()),
                    u.operatorType(), u.provinceCode(), u.category().name(), u.gradeLevel().code(),
                    last.get(u.organisationId())));
        }
        Set<String> wanted = d.inspectorSkills() == null || d.inspectorSkills().isBlank() ? Set.of()
                : Set.of(d.inspectorSkills().split(","));
        List<InspectorCandidate> inspectors = new ArrayList<>();
        for (EligibleInspector e : agencies.eligiblePool(today())) {
            Set<String> skills = e.skills().stream().map(Skill::name).collect(Collectors.toSet());
            if (!wanted.isEmpty() && skills.stream().noneMatch(wanted::contains)) {
                continue;
            }
            inspectors.add(new InspectorCandidate(Long.toString(e.userId()), Long.toString(e.agencyId()), skills,
                    e.employment().stream().map(m -> new InspectorCandidate.Employment(Long.toString(m.organisationId()),
                            m.from(), m.until())).toList(),
                    e.declaredConflicts().stream().map(String::valueOf).collect(Collectors.toSet()),
                    e.vettingValidUntil(), e.commitmentValidUntil()));
        }
        List<AgencyRelation> relations = new ArrayList<>();
        for (OperatorRelation r : agencies.relationsForRules()) {
            relations.add(new AgencyRelation(Long.toString(r.agencyId()), Long.toString(r.organisationId()),
                    r.relatedOn(), r.kind().name()));
        }
        return new PoolSnapshot(targets, inspectors, relations);
    }

    private DrawPlan validate(Actor actor, DrawInput in) {
        List<FieldProblem> problems = new ArrayList<>();
        String title = in.title() == null ? "" : in.title().strip();
        if (title.isEmpty()) {
            problems.add(new FieldProblem("title", "draw.field.required"));
        } else if (title.length() > MAX_TITLE) {
            problems.add(new FieldProblem("title", "draw.field.tooLong", MAX_TITLE));
        }
        long rulesId = 0;
        try {
            rulesId = Long.parseLong(in.rulesId() == null ? "" : in.rulesId().strip());
            if (repository.rules(rulesId, rulesScope(actor)).isEmpty()) {
                problems.add(new FieldProblem("rulesId", "draw.rules.unknown"));
            }
        } catch (NumberFormatException e) {
            problems.add(new FieldProblem("rulesId", "draw.field.required"));
        }
        String province = blank(in.province());
        if (actor.has(Role.PROVINCIAL_OFFICER) && !actor.has(Role.MINISTRY_OFFICER)) {
            String own = actor.province() == null ? null : actor.province().code();
            if (province != null && !province.equals(own)) {
                problems.add(new FieldProblem("province", "draw.province.own"));
            }
            province = own;
        } else if (province != null && Province.ofCode(province).isEmpty()) {
            problems.add(new FieldProblem("province", "draw.province.invalid"));
        }
        String type = blank(in.operatorType());
        if (type != null) {
            try {
                if (!OrganisationType.valueOf(type).isOperator()) {
                    problems.add(new FieldProblem("operatorType", "draw.operatorType.invalid"));
                }
            } catch (IllegalArgumentException e) {
                problems.add(new FieldProblem("operatorType", "draw.operatorType.invalid"));
            }
        }
        String category = blank(in.category());
        if (category != null) {
            try {
                NetworkCategory.valueOf(category);
            } catch (IllegalArgumentException e) {
                problems.add(new FieldProblem("category", "draw.category.invalid"));
            }
        }
        String grade = blank(in.gradeLevel());
        if (grade != null && !List.of("1", "2", "3.1", "3.2", "4", "5").contains(grade)) {
            problems.add(new FieldProblem("gradeLevel", "draw.gradeLevel.invalid"));
        }
        EnumSet<Skill> skills = EnumSet.noneOf(Skill.class);
        for (String s : in.inspectorSkills()) {
            skill(s, "inspectorSkills", problems).ifPresent(skills::add);
        }
        LocalDate date = null;
        if (blank(in.drawDate()) == null) {
            problems.add(new FieldProblem("drawDate", "draw.field.required"));
        } else {
            try {
                date = LocalDate.parse(in.drawDate().strip());
                if (date.isBefore(today())) {
                    problems.add(new FieldProblem("drawDate", "draw.date.past", date));
                }
            } catch (DateTimeParseException e) {
                problems.add(new FieldProblem("drawDate", "draw.date.invalid"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        String skillText = skills.stream().map(Skill::name).collect(Collectors.joining(","));
        return new DrawPlan(title, province, rulesId, province, type, category, grade,
                skillText.isEmpty() ? null : skillText, date);
    }

    private static List<String> witness(String text) {
        List<String> out = new ArrayList<>();
        if (text != null) {
            for (String line : text.split("\\R")) {
                String w = line.strip();
                if (!w.isEmpty()) {
                    out.add(w);
                }
            }
        }
        if (out.size() > DoubleRandomDraw.MAX_WITNESS_ENTRIES
                || out.stream().anyMatch(w -> w.length() > DoubleRandomDraw.MAX_WITNESS_LENGTH)) {
            throw new InvalidInputException("witnessEntropy", "draw.witness.invalid",
                    DoubleRandomDraw.MAX_WITNESS_ENTRIES, DoubleRandomDraw.MAX_WITNESS_LENGTH);
        }
        return out;
    }

    private DrawRepository.Row row(Actor actor, long id) {
        return repository.find(id, scope(actor)).orElseThrow(() -> new NotFoundException("draw", id));
    }

    /**
     * A draw the actor may change: found in the actor's management scope (none for roles that do not run draws, so
     * they too get 404 for a draw id), then locked.
     */
    private DrawRepository.Row locked(Actor actor, long id) {
        repository.find(id, manageScope(actor)).orElseThrow(() -> new NotFoundException("draw", id));
        return repository.lock(id).orElseThrow(() -> new NotFoundException("draw", id));
    }

    /** Whether the actor may prepare, approve, run, publish or re-draw this draw (for the pages' buttons). */
    public static boolean mayManage(Actor actor, Draw draw) {
        if (actor.has(Role.MINISTRY_OFFICER)) {
            return true;
        }
        return actor.has(Role.PROVINCIAL_OFFICER) && actor.province() != null
                && actor.province().code().equals(draw.provinceCode());
    }

    /**
     * Whether the actor may give the second approval the draw waits for (four eyes, 双人复核): another officer than the
     * one who prepared the draft or asked for the re-draw. {@link #approve} and {@link #approveRedraw} refuse the same.
     */
    public static boolean maySecond(Actor actor, Draw draw) {
        if (!mayManage(actor, draw)) {
            return false;
        }
        return switch (draw.state()) {
            case DRAFT -> !actor.username().equals(draw.preparedBy());
            case REDRAW_REQUESTED -> !actor.username().equals(draw.redrawRequestedBy());
            default -> false;
        };
    }

    /**
     * How much of the draw's result the actor sees (一公开 to the targets' reviewing authority and the assigned teams):
     * whoever may manage the draw all of it, another authority's provincial officer the targets its administration
     * reviews, an inspector their own team's checks.
     */
    public static ResultReach reach(Actor actor, Draw draw) {
        if (mayManage(actor, draw)) {
            return ResultReach.WHOLE;
        }
        return actor.has(Role.PROVINCIAL_OFFICER) && actor.province() != null ? ResultReach.AUTHORITY
                : ResultReach.TEAM;
    }

    /**
     * The rows of the draw's result (planned checks {@code c}, every round) the actor sees, in SQL: all for whoever may
     * manage the draw; else those whose target's filings the officer's administration reviews, and those on whose team
     * the inspector serves (both, for someone holding both roles).
     */
    private static SqlScope resultScope(Actor actor, Draw draw) {
        if (mayManage(actor, draw)) {
            return new SqlScope("1 = 1", Map.of());
        }
        List<String> parts = new ArrayList<>();
        Map<String, Object> params = new java.util.HashMap<>();
        if (actor.has(Role.PROVINCIAL_OFFICER) && actor.province() != null) {
            parts.add("c.authority_province_code = :result_province");
            params.put("result_province", actor.province().code());
        }
        if (actor.has(Role.INSPECTOR)) {
            parts.add("c.id IN (SELECT rm.check_id FROM planned_spot_check_member rm WHERE rm.user_id = :result_user)");
            params.put("result_user", actor.userId());
        }
        return parts.isEmpty() ? new SqlScope("1 = 0", Map.of()) : new SqlScope(String.join(" OR ", parts), params);
    }

    /**
     * Who sees a draw (jurisdiction in SQL; anything else answers 404): the Ministry every draw; a provincial
     * officer their own province's draws and, once published (一公开), any draw with a planned check in force whose
     * target's filings their administration reviews; an inspector the published draws with a planned check in force
     * on whose team they serve (which rows of its result each of them sees: {@link #resultScope}). Operators (the
     * targets) see nothing of a draw: they are told only when the inspection is scheduled, which the spot-check module
     * does.
     */
    private static SqlScope scope(Actor actor) {
        if (actor.has(Role.MINISTRY_OFFICER)) {
            return new SqlScope("1 = 1", Map.of());
        }
        if (actor.has(Role.PROVINCIAL_OFFICER) && actor.province() != null) {
            return new SqlScope("d.province_code = :scope_province OR (d.published_at IS NOT NULL AND d.id IN "
                    + "(SELECT sa.draw_id FROM planned_spot_check sa WHERE sa.authority_province_code = :scope_province "
                    + "AND sa.check_state = 'PLANNED'))", Map.of("scope_province", actor.province().code()));
        }
        if (actor.has(Role.INSPECTOR)) {
            return new SqlScope("d.published_at IS NOT NULL AND d.id IN (SELECT sc.draw_id FROM planned_spot_check sc "
                    + "JOIN planned_spot_check_member sm ON sm.check_id = sc.id WHERE sm.user_id = :scope_user "
                    + "AND sc.check_state = 'PLANNED')", Map.of("scope_user", actor.userId()));
        }
        return new SqlScope("1 = 0", Map.of());
    }

    /**
     * Whose detailed rules (细则) an officer sees and draws under: the Ministry every authority's, a provincial
     * officer their own province's and the Ministry's national rules.
     */
    private static SqlScope rulesScope(Actor actor) {
        String own = ownProvince(actor);
        if (own == null) {
            return new SqlScope("1 = 1", Map.of());
        }
        return new SqlScope("province_code IS NULL OR province_code = :rules_province", Map.of("rules_province", own));
    }

    /** A provincial officer's province; {@code null} for the Ministry's officers. */
    private static String ownProvince(Actor actor) {
        if (actor.has(Role.MINISTRY_OFFICER) || !actor.has(Role.PROVINCIAL_OFFICER) || actor.province() == null) {
            return null;
        }
        return actor.province().code();
    }

    /** Who changes a draw: the Ministry any draw, a provincial officer their own province's. */
    private static SqlScope manageScope(Actor actor) {
        if (actor.has(Role.MINISTRY_OFFICER)) {
            return new SqlScope("1 = 1", Map.of());
        }
        if (actor.has(Role.PROVINCIAL_OFFICER) && actor.province() != null) {
            return new SqlScope("d.province_code = :scope_province", Map.of("scope_province", actor.province().code()));
        }
        return new SqlScope("1 = 0", Map.of());
    }

    private void requireManager(Actor actor) {
        if (!mayManage(actor)) {
            throw new AccessDeniedException("only regulators' officers run draws");
        }
    }

    private static Optional<Skill> skill(String s, String field, List<FieldProblem> problems) {
        try {
            return Optional.of(Skill.valueOf(s == null ? "" : s.strip()));
        } catch (IllegalArgumentException e) {
            problems.add(new FieldProblem(field, "draw.skill.invalid", s));
            return Optional.empty();
        }
    }

    private static int number(String s, String field, int min, int max, List<FieldProblem> problems) {
        try {
            int v = Integer.parseInt(s == null ? "" : s.strip());
            if (v < min || v > max) {
                problems.add(new FieldProblem(field, "draw.number.range", min, max));
            }
            return v;
        } catch (NumberFormatException e) {
            problems.add(new FieldProblem(field, "draw.number.invalid"));
            return 0;
        }
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
