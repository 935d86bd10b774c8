package org.inspectorate.draw;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.function.Supplier;

import org.inspectorate.organisation.Actor;
import org.inspectorate.system.AuditableEvent;
import org.inspectorate.system.ConflictException;
import org.inspectorate.system.InvalidInputException;

/**
 * A draw (双随机抽取) as an aggregate: its state, its rounds and its pending re-draw request, and the moves between
 * states, each guarded here and returning the event it caused. Plain Java: the repository restores it from its row
 * ({@link #restore}) and saves it back; the service does the freezing, sealing and drawing that a move needs, in the
 * step the move hands it.
 *
 * <p>The moves ({@link Move}): DRAFT → (edit) DRAFT → (approve, by another officer) SCHEDULED → (run) DRAWN, or
 * INFEASIBLE when the seed and witness entropy leave a drawn target without a team (the attempt is a round too, its
 * seed spent) → (publish) PUBLISHED; DRAWN, PUBLISHED or INFEASIBLE → (request a re-draw, or a new attempt)
 * REDRAW_REQUESTED (RETRY_REQUESTED from INFEASIBLE) → (approve, by another officer) SCHEDULED with a new seed, or
 * (refuse) back to where it was.
 */
final class Draw {

    static final int MAX_REASON = 1000;

    /**
     * Every move of a draw, with the message when the current state refuses it; the states each may start from are
     * {@link #FROM}, the state it leads to is set by its method (see the class comment).
     */
    enum Move {
        EDIT("draw.notEditable"),
        APPROVE("draw.notDraft"),
        RUN("draw.notScheduled"),
        PUBLISH("draw.notDrawn"),
        REQUEST_REDRAW("draw.notDrawn"),
        APPROVE_REDRAW("draw.redraw.notRequested"),
        REFUSE_REDRAW("draw.redraw.notRequested");

        final String refusal;

        Move(String refusal) {
            this.refusal = refusal;
        }
    }

    /** The transition table: from which states each move may start. */
    private static final Map<Move, Set<DrawState>> FROM = new EnumMap<>(Move.class);

    static {
        FROM.put(Move.EDIT, EnumSet.of(DrawState.DRAFT));
        FROM.put(Move.APPROVE, EnumSet.of(DrawState.DRAFT));
        FROM.put(Move.RUN, EnumSet.of(DrawState.SCHEDULED));
        FROM.put(Move.PUBLISH, EnumSet.of(DrawState.DRAWN));
        FROM.put(Move.REQUEST_REDRAW, EnumSet.of(DrawState.DRAWN, DrawState.PUBLISHED, DrawState.INFEASIBLE));
        FROM.put(Move.APPROVE_REDRAW, EnumSet.of(DrawState.REDRAW_REQUESTED, DrawState.RETRY_REQUESTED));
        FROM.put(Move.REFUSE_REDRAW, EnumSet.of(DrawState.REDRAW_REQUESTED, DrawState.RETRY_REQUESTED));
    }

    /** The states in which a round has been drawn and is in force (a re-draw awaiting approval leaves it so). */
    private static final Set<DrawState> DRAWN = EnumSet.of(DrawState.DRAWN, DrawState.PUBLISHED,
            DrawState.REDRAW_REQUESTED);

    /** A re-draw asked for and not yet decided: why, who asked, when, and the state a refusal returns to. */
    record RedrawRequest(String reason, Long requestedById, String requestedBy, Instant requestedAt, DrawState from) {
    }

    /** What approving a draft fixed: the frozen pools' size and hash, and the commitment to the sealed seed. */
    record Commitment(int targets, int inspectors, String snapshotHash, String seedHash, String digest) {
    }

    /**
     * What a run attempt came to: the revealed seed, the witness entropy, and the result's digest — or, for an
     * infeasible attempt, no digest and the position in draw order of the first target left without a team.
     */
    record Drawn(String seedHex, List<String> witnessEntropy, String resultDigest, int infeasibleAt) {

        static Drawn drawn(String seedHex, List<String> witnessEntropy, String resultDigest) {
            return new Drawn(seedHex, witnessEntropy, resultDigest, 0);
        }

        static Drawn infeasible(String seedHex, List<String> witnessEntropy, int infeasibleAt) {
            return new Drawn(seedHex, witnessEntropy, null, infeasibleAt);
        }

        boolean feasible() {
            return resultDigest != null;
        }
    }

    /** The draw's rounds: how many were drawn, and the one in force ({@code 0} for none). */
    record Rounds(int last, long currentId, int current) {

        static final Rounds NONE = new Rounds(0, 0, 0);
    }

    private final long id;
    private final long preparedById;
    private final String preparedBy;
    private DrawState state;
    private DrawPlan plan;
    private String approvedBy;
    private Instant scheduledAt;
    private String snapshotHash;
    private String seedHash;
    private final String rulesHash;
    private String commitmentDigest;
    private String publishedBy;
    private Instant publishedAt;
    private RedrawRequest redraw;
    private Rounds rounds;

    private Draw(long id, long preparedById, String preparedBy, DrawState state, DrawPlan plan, String approvedBy,
            Instant scheduledAt, String snapshotHash, String seedHash, String rulesHash, String commitmentDigest, String publishedBy, Instant publishedAt, RedrawRequest redraw,
            Rounds rounds) {
        this.id = id;
        this.preparedById = preparedById;
        this.preparedBy = preparedBy;
        this.state = state;
        this.plan = plan;
        this.approvedBy = approvedBy;
        this.scheduledAt = scheduledAt;
        this.snapshotHash = snapshotHash;
        this.seedHash = seedHash;
        this.rulesHash = rulesHash;
        this.commitmentDigest = commitmentDigest;
        this.publishedBy = publishedBy;
        this.publishedAt = publishedAt;
        this.redraw = redraw;
        this.rounds = rounds;
    }

    /** The draw as stored: its view's columns, who prepared it, the pending re-draw request and its rounds. */
    static Draw restore(DrawView v, long preparedById, RedrawRequest redraw, Rounds rounds) {
        return new Draw(v.id(), preparedById, v.preparedBy(), v.state(),
                new DrawPlan(v.title(), v.provinceCode(), v.rulesId(), v.filterProvince(), v.filterOperatorType(),
                        v.filterCategory(), v.filterGrade(), v.inspectorSkills(), v.drawDate()),
                v.approvedBy(), v.scheduledAt(), v.snapshotHash(), v.seedHash(), v.rulesHash(), v.commitmentDigest(),
                v.publishedBy(), v.publishedAt(), awaitsSecond(v.state()) ? redraw : null, rounds);
    }

    /** Whether a request (a re-draw, or a new attempt after an infeasible one) waits for another officer. */
    static boolean awaitsSecond(DrawState state) {
        return state == DrawState.REDRAW_REQUESTED || state == DrawState.RETRY_REQUESTED;
    }

    /** Whether the move may start from the state; the transition table in one question. */
    static boolean allows(Move move, DrawState from) {
        return FROM.get(move).contains(from);
    }

    private void require(Move move) {
        if (!allows(move, state)) {
            throw new ConflictException(move.refusal, state.name());
        }
    }

    /** Whether a round has been drawn and is in force in that state (a re-draw awaiting approval leaves it so). */
    static boolean roundInForce(DrawState state) {
        return DRAWN.contains(state);
    }

    /** Edits the draft with the plan that {@code validated} checks (after the state allowed the edit). */
    DrawEdited edit(Supplier<DrawPlan> validated) {
        require(Move.EDIT);
        plan = validated.get();
        return new DrawEdited(id, plan.rulesId());
    }

    /**
     * Approves the draft (four eyes: never by the officer who prepared it) for a draw date not yet past;
     * {@code freezeAndCommit} then freezes the pools and commits to a sealed seed → SCHEDULED.
     */
    DrawApproved approve(Actor by, LocalDate today, Instant at, Supplier<Commitment> freezeAndCommit) {
        require(Move.APPROVE);
        if ((by.userId() > 0 && preparedById == by.userId()) || preparedBy.equals(by.username())) {
            throw new ConflictException("draw.approve.own");
        }
        requireDateAhead(today);
        Commitment c = freezeAndCommit.get();
        state = DrawState.SCHEDULED;
        approvedBy = by.username();
        scheduledAt = at;
        snapshotHash = c.snapshotHash();
        seedHash = c.seedHash();
        commitmentDigest = c.digest();
        return new DrawApproved(id, c.targets(), c.inspectors(), c.snapshotHash(), c.seedHash(), c.digest());
    }

    /**
     * Runs the scheduled draw: {@code drawRound} draws and stores the next round (given its number) → DRAWN; an
     * attempt it found infeasible is stored as a round too → INFEASIBLE, its seed spent: a new attempt needs a
     * reason and another officer's approval ({@link #requestRedraw}, {@link #approveRedraw}).
     */
    AuditableEvent run(IntFunction<Drawn> drawRound) {
        require(Move.RUN);
        int round = rounds.last() + 1;
        Drawn drawn = drawRound.apply(round);
        if (!drawn.feasible()) {
            state = DrawState.INFEASIBLE;
            rounds = new Rounds(round, 0, 0);
            return new DrawRoundInfeasible(id, round, drawn.seedHex(), drawn.witnessEntropy(), drawn.infeasibleAt());
        }
        state = DrawState.DRAWN;
        return new DrawRun(id, round, drawn.seedHex(), drawn.witnessEntropy(), drawn.resultDigest());
    }

    /** Publishes the drawn result (一公开) → PUBLISHED. */
    DrawPublished publish(String by, Instant at) {
        require(Move.PUBLISH);
        state = DrawState.PUBLISHED;
        publishedBy = by;
        publishedAt = at;
        return new DrawPublished(id, commitmentDigest);
    }

    /**
     * Asks for a re-draw — or, after an infeasible attempt, a new attempt — with a reason (required, at most
     * {@value #MAX_REASON} characters) → REDRAW_REQUESTED; the round in force stays so until another officer decides.
     */
    RedrawRequested requestRedraw(Actor by, String reason, Instant at) {
        require(Move.REQUEST_REDRAW);
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty()) {
            throw new InvalidInputException("reason", "draw.redraw.reason.required");
        }
        if (why.length() > MAX_REASON) {
            throw new InvalidInputException("reason", "draw.redraw.reason.tooLong", MAX_REASON);
        }
        redraw = new RedrawRequest(why, by.userId(), by.username(), at, state);
        state = state == DrawState.INFEASIBLE ? DrawState.RETRY_REQUESTED : DrawState.REDRAW_REQUESTED;
        return new RedrawRequested(id, rounds.last(), why);
    }

    /**
     * Approves another officer's re-draw request (one's own → conflict) for a draw date not yet past: the round in force
     * is superseded and {@code recommit} commits to a new sealed seed over the same frozen snapshot → SCHEDULED.
     */
    RedrawApproved approveRedraw(Actor by, LocalDate today, Supplier<Commitment> recommit) {
        require(Move.APPROVE_REDRAW);
        requireNotOwnRequest(by);
        requireDateAhead(today);
        RedrawRequest request = redraw;
        boolean newAttempt = state == DrawState.RETRY_REQUESTED;
        int round = newAttempt ? rounds.last() : rounds.current();
        Commitment c = recommit.get();
        state = DrawState.SCHEDULED;
        seedHash = c.seedHash();
        commitmentDigest = c.digest();
        publishedBy = null;
        publishedAt = null;
        redraw = null;
        rounds = new Rounds(rounds.last(), 0, 0);
        return new RedrawApproved(id, round, newAttempt, request.requestedBy(), request.reason(), c.digest());
    }

    /** Refuses another officer's re-draw request (one's own → conflict): back to DRAWN or PUBLISHED. */
    RedrawRefused refuseRedraw(Actor by) {
        require(Move.REFUSE_REDRAW);
        requireNotOwnRequest(by);
        RedrawRequest request = redraw;
        state = request.from();
        redraw = null;
        return new RedrawRefused(id, request.requestedBy(), request.reason());
    }

    private void requireNotOwnRequest(Actor by) {
        if ((by.userId() > 0 && redraw.requestedById() != null && redraw.requestedById() == by.userId())
                || by.username().equals(redraw.requestedBy())) {
            throw new ConflictException("draw.redraw.approve.own");
        }
    }

    private void requireDateAhead(LocalDate today) {
        if (plan.drawDate().isBefore(today)) {
            throw new ConflictException("draw.date.past", plan.drawDate());
        }
    }

    long id() {
        return id;
    }

    DrawState state() {
        return state;
    }

    /** What the draw draws from and when: its title, authority, rules version, pool filters and draw date. */
    DrawPlan plan() {
        return plan;
    }

    long rulesId() {
        return plan.rulesId();
    }

    LocalDate drawDate() {
        return plan.drawDate();
    }

    String approvedBy() {
        return approvedBy;
    }

    Instant scheduledAt() {
        return scheduledAt;
    }

    String snapshotHash() {
        return snapshotHash;
    }

    String seedHash() {
        return seedHash;
    }

    String rulesHash() {
        return rulesHash;
    }

    String commitmentDigest() {
        return commitmentDigest;
    }

    String publishedBy() {
        return publishedBy;
    }

    Instant publishedAt() {
        return publishedAt;
    }

    /** The pending re-draw (or new attempt) request; {@code null} unless REDRAW_REQUESTED or RETRY_REQUESTED. */
    RedrawRequest redraw() {
        return redraw;
    }

    Rounds rounds() {
        return rounds;
    }
}
