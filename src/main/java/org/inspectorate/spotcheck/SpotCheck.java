package org.inspectorate.spotcheck;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.inspectorate.system.ConflictException;
import org.inspectorate.system.InvalidInputException;
import org.inspectorate.system.InvalidInputException.FieldProblem;

/**
 * The life of one spot check (抽查), plain Java: built from its row ({@link #restore}), each act checks the state
 * against {@link #MOVES}, changes it and returns the typed event, and the repository saves it. The operator is told
 * (it may read the check) from the first scheduling on.
 */
final class SpotCheck {

    /** The acts of a spot check. */
    enum Act { SCHEDULE, START, REPORT, CANCEL }

    /** Every allowed move: state → act → next state. Anything else is a {@link ConflictException}. */
    static final Map<SpotCheckState, Map<Act, SpotCheckState>> MOVES = new EnumMap<>(SpotCheckState.class);

    static {
        MOVES.put(SpotCheckState.PLANNED, Map.of(Act.SCHEDULE, SpotCheckState.SCHEDULED,
                Act.CANCEL, SpotCheckState.CANCELLED));
        MOVES.put(SpotCheckState.SCHEDULED, Map.of(Act.SCHEDULE, SpotCheckState.SCHEDULED,
                Act.START, SpotCheckState.IN_PROGRESS, Act.CANCEL, SpotCheckState.CANCELLED));
        MOVES.put(SpotCheckState.IN_PROGRESS, Map.of(Act.REPORT, SpotCheckState.REPORTED));
        MOVES.put(SpotCheckState.REPORTED, Map.of());
        MOVES.put(SpotCheckState.CANCELLED, Map.of());
    }

    static final int MAX_DOCUMENTS = 4000;
    static final int MAX_REASON = 1000;

    private final SpotCheckView row;
    private SpotCheckState state;
    private Set<InspectionMethod> methods;
    private LocalDate startsOn;
    private LocalDate endsOn;
    private String documents;
    private String cancelReason;
    private Instant scheduledAt;
    private LocalDate startedOn;
    private LocalDate reportedOn;

    private SpotCheck(SpotCheckView row) {
        this.row = row;
        this.state = row.state();
        this.methods = row.methods().isEmpty() ? EnumSet.noneOf(InspectionMethod.class) : EnumSet.copyOf(row.methods());
        this.startsOn = row.startsOn();
        this.endsOn = row.endsOn();
        this.documents = row.documents();
        this.cancelReason = row.cancelReason();
        this.scheduledAt = row.scheduledAt();
        this.startedOn = row.startedOn();
        this.reportedOn = row.reportedOn();
    }

    static SpotCheck restore(SpotCheckView row) {
        return new SpotCheck(row);
    }

    /** The state after the acts so far, as the repository saves it and the pages read it. */
    SpotCheckView view() {
        return new SpotCheckView(row.id(), row.plannedCheckId(), row.drawId(), row.targetOrganisationId(),
                row.targetProvinceCode(), row.targetUnitIds(), row.authorityProvinceCode(), row.leaderUserId(),
                row.memberUserIds(), state, methods, row.plannedOn(), startsOn, endsOn, documents,
                row.outsideDrawReason(), cancelReason, scheduledAt, startedOn, reportedOn, row.createdBy(),
                row.createdAt(), row.version());
    }

    SpotCheckState state() {
        return state;
    }

    /** Whether {@code act} is allowed in the current state. */
    boolean allows(Act act) {
        return MOVES.get(state).containsKey(act);
    }

    /**
     * Sets (or changes) the methods, the schedule and the documents the operator must prepare (需准备的材料); the first
     * scheduling tells the operator. The first day may not be past, the last not before the first.
     */
    SpotCheckScheduled schedule(Set<InspectionMethod> chosen, LocalDate from, LocalDate until, String docs,
            LocalDate today, Instant now) {
        List<FieldProblem> problems = new ArrayList<>();
        if (chosen == null || chosen.isEmpty()) {
            problems.add(new FieldProblem("methods", "spotcheck.methods.required"));
        }
        if (from == null) {
            problems.add(new FieldProblem("startsOn", "spotcheck.field.required"));
        } else if (from.isBefore(today)) {
            problems.add(new FieldProblem("startsOn", "spotcheck.field.pastDate", from));
        }
        if (until == null) {
            problems.add(new FieldProblem("endsOn", "spotcheck.field.required"));
        } else if (from != null && until.isBefore(from)) {
            problems.add(new FieldProblem("endsOn", "spotcheck.schedule.endBeforeStart", from));
        }
        String text = docs == null || docs.isBlank() ? null : docs.strip();
        if (text != null && text.length() > MAX_DOCUMENTS) {
            problems.add(new FieldProblem("documents", "spotcheck.field.tooLong", MAX_DOCUMENTS));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        move(Act.SCHEDULE);
        boolean first = scheduledAt == null;
        methods = EnumSet.copyOf(chosen);
        startsOn = from;
        endsOn = until;
        documents = text;
        if (first) {
            scheduledAt = now;
        }
        return new SpotCheckScheduled(row.id(), row.targetOrganisationId(), methods, from, until, first);
    }

    /** The team begins (进场): the day is recorded, here and on the draw's planned check. */
    SpotCheckStarted start(LocalDate on) {
        move(Act.START);
        startedOn = on;
        return new SpotCheckStarted(row.id(), row.plannedCheckId(), on);
    }

    /** The team has reported (检查结束); the operator may now declare the team's discipline. */
    SpotCheckReported report(LocalDate on) {
        move(Act.REPORT);
        reportedOn = on;
        return new SpotCheckReported(row.id(), on);
    }

    /** Cancelled before it started, with the reason (e.g. a re-draw, the operator ceased business). */
    SpotCheckCancelled cancel(String reason) {
        String text = reason == null ? "" : reason.strip();
        if (text.isEmpty()) {
            throw new InvalidInputException("reason", "spotcheck.field.required");
        }
        if (text.length() > MAX_REASON) {
            throw new InvalidInputException("reason", "spotcheck.field.tooLong", MAX_REASON);
        }
        move(Act.CANCEL);
        cancelReason = text;
        return new SpotCheckCancelled(row.id(), text);
    }

    private void move(Act act) {
        SpotCheckState next = MOVES.get(state).get(act);
        if (next == null) {
            throw new ConflictException("spotcheck.conflict.state", act.name(), state.name());
        }
        state = next;
    }
}
