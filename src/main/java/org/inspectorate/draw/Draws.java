package org.inspectorate.draw;

import java.lang.ref.SoftReference;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import org.inspectorate.draw.algorithm.CommitmentMismatchException;
import org.inspectorate.draw.algorithm.DoubleRandomDraw;
import org.inspectorate.draw.algorithm.DrawCommitment;
import org.inspectorate.draw.algorithm.DrawInfeasibleException;
import org.inspectorate.draw.algorithm.DrawResult;
import org.inspectorate.draw.algorithm.DrawRules;
import org.inspectorate.draw.algorithm.DrawSeed;
import org.inspectorate.draw.algorithm.DrawVerifier;
import org.inspectorate.draw.algorithm.EarlierRound;
import org.inspectorate.draw.algorithm.PackedSnapshot;
import org.inspectorate.draw.algorithm.PoolSnapshot;
import org.inspectorate.draw.algorithm.PublishedDraw;
import org.inspectorate.draw.algorithm.TargetCandidate;
import org.inspectorate.draw.algorithm.TeamAssignment;
import org.inspectorate.draw.algorithm.Verification;
import org.inspectorate.draw.algorithm.VerifyDrawCli;
import org.inspectorate.filing.NetworkUnits;
import org.inspectorate.organisation.Actor;
import org.inspectorate.organisation.Jurisdiction.SqlScope;
import org.inspectorate.organisation.Organisations;
import org.inspectorate.organisation.UserAccounts;
import org.inspectorate.system.AuditableEvent;
import org.inspectorate.system.ConflictException;
import org.inspectorate.system.NotFoundException;
import org.inspectorate.system.PageRequest;
import org.inspectorate.system.PageResult;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Draw governance (双随机抽取的组织): preparation by one officer, approval by another (four eyes) which freezes the
 * pools and commits to a secret seed, the draw with witnesses' entropy, publication (一公开), re-draws with a
 * recorded reason, verification, and the planned spot checks that result. Each change reads: check access
 * ({@link DrawAccess}) → lock the {@link Draw} → its move → save → publish the move's event. The rules the draws are
 * prepared under are {@link DrawRuleVersions}'.
 */
@Service
public class Draws {

    private final DrawRepository repository;
    private final DrawRulesRepository rulesRepository;
    private final DrawInputs inputs;
    private final DrawPools pools;
    private final NetworkUnits units;
    private final Organisations organisations;
    private final UserAccounts accounts;
    private final SeedSeal seal;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    /**
     * The snapshot the last approval on this node froze, kept (softly) for the draw's run so that it need not read
     * and parse the stored 20 MB again; used only while its hash is the one committed. Verification never uses it.
     */
    private final AtomicReference<SoftReference<Frozen>> lastFrozen = new AtomicReference<>(new SoftReference<>(null));

    private record Frozen(long drawId, String hash, PoolSnapshot snapshot) {
    }

    Draws(DrawRepository repository, DrawRulesRepository rulesRepository, DrawInputs inputs, DrawPools pools, NetworkUnits units,
            Organisations organisations, UserAccounts accounts, SeedSeal seal, ApplicationEventPublisher events,
            Clock clock) {
        this.repository = repository;
        this.rulesRepository = rulesRepository;
        this.inputs = inputs;
        this.pools = pools;
        this.units = units;
        this.organisations = organisations;
        this.accounts = accounts;
        this.seal = seal;
        this.events = events;
        this.clock = clock;
    }

    // --- reading --------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public PageResult<DrawView> list(Actor actor, DrawState state, PageRequest page) {
        if (!DrawAccess.readsDraws(actor)) {
            throw new NotFoundException("draws", actor.username());
        }
        return repository.search(DrawAccess.visibleDraws(actor), state, page);
    }

    @Transactional(readOnly = true)
    public DrawView get(Actor actor, long id) {
        return repository.find(id, DrawAccess.visibleDraws(actor)).orElseThrow(() -> new NotFoundException("draw", id));
    }

    /**
     * Every round of the draw, the current one first, each with the drawn targets and teams the actor may see
     * ({@link DrawAccess#reach}); empty before the draw. Viewing a result is audited.
     */
    @Transactional
    public List<DrawRound> rounds(Actor actor, long id) {
        DrawView d = get(actor, id);
        List<DrawRound> rounds = repository.rounds(id, DrawAccess.resultScope(actor, d));
        if (!rounds.isEmpty()) {
            events.publishEvent(new DrawResultViewed(id, rounds.size(), DrawAccess.reach(actor, d),
                    rounds.get(0).assignments().size(), rounds.get(0).drawnTargets()));
        }
        return rounds;
    }

    /**
     * The spot checks the draw planned, of every round, that the actor may see ({@link DrawAccess#reach}); viewing them
     * (who inspects whom) is audited.
     */
    @Transactional
    public List<PlannedSpotCheck> plannedChecks(Actor actor, long id) {
        List<PlannedSpotCheck> checks = visibleChecks(actor, id);
        if (!checks.isEmpty()) {
            events.publishEvent(PlannedChecksViewed.ofDraw(id, checks.size()));
        }
        return checks;
    }

    /** Display names of the targets and inspectors of the draw's checks that the actor may see. */
    @Transactional(readOnly = true)
    public DrawResultNames names(Actor actor, long id) {
        return names(visibleChecks(actor, id));
    }

    private List<PlannedSpotCheck> visibleChecks(Actor actor, long id) {
        DrawView d = get(actor, id);
        return repository.plannedChecksOfDraw(id, DrawAccess.resultScope(actor, d));
    }

    /**
     * Display names of the checks' targets (by unit id) and team members (by user id), in a few queries whatever the
     * number of checks. The checks are those the caller already may see, so the names are read unscoped.
     */
    DrawResultNames names(List<PlannedSpotCheck> checks) {
        Set<Long> organisationIds = new HashSet<>();
        Set<Long> userIds = new HashSet<>();
        for (PlannedSpotCheck c : checks) {
            organisationIds.add(c.targetOrganisationId());
            userIds.addAll(c.memberUserIds());
            userIds.add(c.leaderUserId());
        }
        Map<Long, String> organisationNames = organisations.namesUnscoped(organisationIds);
        Map<Long, String> userLabels = accounts.labelsUnscoped(userIds);
        Map<Long, String> targets = new HashMap<>();
        for (PlannedSpotCheck c : checks) {
            String organisation = organisationNames.get(c.targetOrganisationId());
            targets.put(c.targetUnitId(), organisation == null ? "#" + c.targetUnitId()
                    : organisation + " #" + c.targetUnitId());
        }
        Map<Long, String> inspectors = new HashMap<>();
        for (Long u : userIds) {
            inspectors.put(u, userLabels.getOrDefault(u, "#" + u));
        }
        return new DrawResultNames(targets, inspectors);
    }


    /**
     * The spot checks of published draws on whose team the signed-in inspector serves; audited when any. Only an
     * inspector has such a list: anyone else is answered 404 (the draws page asks {@link #servesOnTeams} first).
     */
    @Transactional
    public List<PlannedSpotCheck> myPlannedChecks(Actor actor) {
        if (!DrawAccess.servesOnTeams(actor)) {
            throw new NotFoundException("planned checks", actor.username());
        }
        List<PlannedSpotCheck> checks = repository.plannedChecksOfMember(actor.userId());
        if (!checks.isEmpty()) {
            events.publishEvent(PlannedChecksViewed.ofMember(actor.userId(), checks.size(),
                    checks.stream().map(PlannedSpotCheck::drawId).distinct().toList()));
        }
        return checks;
    }

    /** Whether the actor serves on inspection teams and so has planned checks of their own ({@link #myPlannedChecks}). */
    public boolean servesOnTeams(Actor actor) {
        return DrawAccess.servesOnTeams(actor);
    }

    /**
     * The published draw file of the current round (what {@code VerifyDrawCli} reads); audited as an export.
     *
     * @throws ConflictException when the draw has not been run
     */
    @Transactional
    public PublishedDraw published(Actor actor, long id) {
        DrawView d = get(actor, id);
        PublishedDraw p = publishedDraw(d);
        events.publishEvent(new DrawExported(id, d.commitmentDigest()));
        return p;
    }

    /** Recomputes the current round from the stored inputs with {@link DrawVerifier}. */
    @Transactional
    public Verification verify(Actor actor, long id) {
        DrawView d = get(actor, id);
        Verification v;
        try {
            v = DrawVerifier.verify(publishedDraw(d));
        } catch (IllegalArgumentException e) { // the stored inputs are damaged: a finding of the verification
            v = new Verification(false, List.of("the stored draw cannot be read: " + e.getMessage()), List.of());
        }
        events.publishEvent(new DrawVerified(id, v.matches()));
        return v;
    }

    private PublishedDraw publishedDraw(DrawView d) {
        if (!d.drawn()) {
            throw new ConflictException("draw.notDrawn", d.state().name());
        }
        List<DrawRound> rounds = repository.rounds(d.id());
        DrawRound current = rounds.get(0);
        List<EarlierRound> earlier = new ArrayList<>();
        for (int i = rounds.size() - 1; i > 0; i--) {
            DrawRound r = rounds.get(i);
            earlier.add(r.infeasible()
                    ? EarlierRound.infeasible(r.roundNo(), r.commitment(), r.seed(), r.witnessEntropy(), r.infeasibleAt())
                    : EarlierRound.superseded(r.roundNo(), r.commitment(), r.seed(), r.witnessEntropy(),
                            r.assignments()));
        }
        PoolSnapshot snapshot = repository.snapshot(d.id());
        DrawRules rules = rulesRepository.rules(d.rulesId()).orElseThrow().rules();
        return new PublishedDraw(snapshot, rules, current.commitment(), current.seed(), current.witnessEntropy(),
                current.assignments(), earlier);
    }

    // --- governance -----------------------------------------------------------------------------

    /** Prepares a draw as a DRAFT; a provincial officer's draw is of their own province. */
    @Transactional
    public DrawView prepare(Actor actor, DrawInput input) {
        if (!DrawAccess.mayManageDraws(actor)) {
            throw new AccessDeniedException("only regulators' officers run draws");
        }
        DrawPlan plan = inputs.plan(actor, input);
        long id = repository.insertDraw(plan, actor.userId(), actor.username(), clock.instant());
        events.publishEvent(new DrawPrepared(id, plan.rulesId(), plan.drawDate()));
        return get(actor, id);
    }

    /** Edits a DRAFT of the given version (another version: someone changed it meanwhile). */
    @Transactional
    public DrawView update(Actor actor, long id, int expectedVersion, DrawInput input) {
        Draw d = locked(actor, id);
        String title = d.plan().title();
        DrawEdited edited = d.edit(() -> inputs.plan(actor, input));
        if (repository.updateDraft(id, expectedVersion, d.plan(), clock.instant()) == 0) {
            throw new ConflictException("draw.changedMeanwhile", title);
        }
        events.publishEvent(edited);
        return get(actor, id);
    }

    /**
     * Approves a draft prepared by another officer (four eyes): freezes the target and inspector pools into the
     * snapshot, generates and seals the secret seed and publishes the commitment.
     */
    @Transactional
    public DrawView approve(Actor actor, long id) {
        Draw d = locked(actor, id);
        Instant now = clock.instant();
        DrawApproved approved = d.approve(actor, today(), now, () -> {
            DrawRules rules = rules(d);
            PoolSnapshot snapshot = pools.freeze(d.plan(), today());
            requireCapacity(snapshot, rules, d.drawDate());
            DrawSeed seed = DrawSeed.generate(random);
            DrawCommitment commitment = DrawCommitment.of(seed, snapshot, rules, d.drawDate());
            repository.storeSnapshot(id, PackedSnapshot.pack(snapshot));
            repository.storeSealedSeed(id, seal.seal(id, seed));
            lastFrozen.set(new SoftReference<>(new Frozen(id, snapshot.hash(), snapshot)));
            return new Draw.Commitment(snapshot.targets().size(), snapshot.inspectors().size(), snapshot.hash(),
                    commitment.seedHash(), commitment.digest());
        });
        repository.save(d, now);
        events.publishEvent(approved);
        return get(actor, id);
    }

    /**
     * Runs a scheduled draw: witnesses' entropy (one string per line) is added, the sealed seed is revealed and
     * checked against the commitment, and the result is stored once, with a planned spot check per target.
     */
    @Transactional(noRollbackFor = InfeasibleAttempt.class)
    public DrawView run(Actor actor, long id, String witnessText) {
        Draw d = locked(actor, id);
        Instant now = clock.instant();
        AuditableEvent run = d.run(round -> drawRound(actor, d, round, DrawInputs.witnesses(witnessText), now));
        repository.save(d, now);
        repository.storeSealedSeed(id, null); // revealed: no secret to keep any more
        events.publishEvent(run);
        if (run instanceof DrawRoundInfeasible infeasible) { // stored and audited: the refusal commits
            throw new InfeasibleAttempt(infeasible.infeasibleAt(), repository.shortfalls(id, infeasible.round()));
        }
        return get(actor, id);
    }

    /**
     * A run attempt found the draw infeasible (409 {@code draw.infeasible}); unlike other refusals it does not roll
     * back: the attempt is kept as a round, with its seed revealed, in the audit trail and the published file.
     */
    static final class InfeasibleAttempt extends ConflictException {

        InfeasibleAttempt(int infeasibleAt, String shortfalls) {
            super("draw.infeasible.round", infeasibleAt, shortfalls);
        }
    }

    /**
     * Draws round {@code round} of the scheduled draw and stores it with its planned spot checks; an attempt the seed
     * and witness entropy make infeasible is stored as an INFEASIBLE round, with nothing drawn.
     */
    private Draw.Drawn drawRound(Actor actor, Draw d, int round, List<String> witness, Instant now) {
        long id = d.id();
        DrawRules rules = rules(d);
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
            events.publishEvent(new DrawRevealRefused(id, e.getMessage()));
            throw new ConflictException("draw.seed.mismatch", e.getMessage());
        } catch (DrawInfeasibleException e) {
            repository.insertInfeasibleRound(id, round, commitment, seed, witness, e, actor.username(), now);
            return Draw.Drawn.infeasible(seed.hex(), witness, e.infeasibleAt());
        }
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
        return Draw.Drawn.drawn(seed.hex(), witness, result.digest());
    }

    /** Publishes a drawn result (一公开) to the authority and the assigned teams. */
    @Transactional
    public DrawView publish(Actor actor, long id) {
        Draw d = locked(actor, id);
        Instant now = clock.instant();
        DrawPublished published = d.publish(actor.username(), now);
        repository.save(d, now);
        events.publishEvent(published);
        return get(actor, id);
    }

    /**
     * Asks for a re-draw (重新抽取) with a recorded reason. Nothing changes in the current round yet: the draw waits
     * in REDRAW_REQUESTED for another officer's approval ({@link #approveRedraw}) or refusal ({@link #refuseRedraw}).
     */
    @Transactional
    public DrawView redraw(Actor actor, long id, String reason) {
        Draw d = locked(actor, id);
        Instant now = clock.instant();
        RedrawRequested requested = d.requestRedraw(actor, reason, now);
        repository.save(d, now);
        events.publishEvent(requested);
        return get(actor, id);
    }

    /**
     * Approves another officer's re-draw request (four eyes; one's own → 409): the current round is marked
     * SUPERSEDED with the reason, who asked and who approved (kept, never deleted), its planned checks are
     * cancelled, and a new secret seed is committed over the same frozen snapshot → SCHEDULED.
     */
    @Transactional
    public DrawView approveRedraw(Actor actor, long id) {
        Draw d = locked(actor, id);
        Instant now = clock.instant();
        Draw.RedrawRequest request = d.redraw();
        long current = d.rounds().currentId();
        int last = d.rounds().last();
        RedrawApproved approved = d.approveRedraw(actor, today(), () -> {
            if (request.from() == DrawState.INFEASIBLE) { // a new attempt: why and who approved, on the spent round
                repository.recordNewAttempt(id, last, request.reason(), request.requestedBy(), actor.username(), now);
            } else {
                repository.supersede(current, request.reason(), request.requestedBy(), actor.username(), now);
            }
            DrawRules rules = rules(d);
            PoolSnapshot snapshot = repository.snapshot(id);
            DrawSeed seed = DrawSeed.generate(random);
            DrawCommitment commitment = DrawCommitment.of(seed, snapshot, rules, d.drawDate());
            repository.storeSealedSeed(id, seal.seal(id, seed));
            return new Draw.Commitment(snapshot.targets().size(), snapshot.inspectors().size(), snapshot.hash(),
                    commitment.seedHash(), commitment.digest());
        });
        repository.save(d, now);
        events.publishEvent(approved);
        return get(actor, id);
    }

    /** Refuses a re-draw request (any officer but the one who asked): the draw returns to where it was. */
    @Transactional
    public DrawView refuseRedraw(Actor actor, long id) {
        Draw d = locked(actor, id);
        RedrawRefused refused = d.refuseRedraw(actor);
        repository.save(d, clock.instant());
        events.publishEvent(refused);
        return get(actor, id);
    }

    // --- helpers --------------------------------------------------------------------------------

    /**
     * A draw the actor may change: found in the actor's management scope (none for roles that do not run draws, so
     * they too get 404 for a draw id), then locked.
     */
    private Draw locked(Actor actor, long id) {
        repository.find(id, DrawAccess.managedDraws(actor)).orElseThrow(() -> new NotFoundException("draw", id));
        return repository.lock(id).orElseThrow(() -> new NotFoundException("draw", id));
    }

    /**
     * The capacity check before the commitment (docs/draw-algorithm.md §5a): a pool that fails a check of §5, or has
     * an eligible target no agency could field a team for, is refused now, before a seed exists, so that what is
     * left to chance at the run is only how agencies' use adds up (docs/draw-governance.md says how rarely that fails).
     */
    private static void requireCapacity(PoolSnapshot snapshot, DrawRules rules, LocalDate drawDate) {
        List<DrawInfeasibleException.Shortfall> shortfalls = DoubleRandomDraw.capacity(snapshot, rules, drawDate);
        if (!shortfalls.isEmpty()) {
            throw new ConflictException("draw.infeasible", shortfalls.stream().map(Object::toString)
                    .collect(Collectors.joining("; ")));
        }
    }

    private DrawRules rules(Draw d) {
        return rulesRepository.rules(d.rulesId()).orElseThrow().rules();
    }

    /** The snapshot approval froze for this draw: kept from the approval when its hash is the committed one, else read. */
    private PoolSnapshot frozen(long id, String committedHash) {
        Frozen f = lastFrozen.get().get();
        if (f != null && f.drawId() == id && f.hash().equals(committedHash)) {
            return f.snapshot();
        }
        return repository.snapshot(id);
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
