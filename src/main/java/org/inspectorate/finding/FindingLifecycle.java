package org.inspectorate.finding;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.inspectorate.system.ConflictException;
import org.inspectorate.system.InvalidInputException;
import org.inspectorate.system.InvalidInputException.FieldProblem;

/**
 * The finding aggregate (plain Java, no Spring, no SQL): one finding's status and what its lifecycle steps
 * record, the transition table, and the guards. Built from the register's row ({@link #restore}), changed by
 * a step named for the act ({@link #fix}, {@link #mitigate}, {@link #verify}, {@link #close}, {@link #reopen},
 * {@link #recordAccountability}) that returns the typed event it caused, and handed back to
 * {@link FindingRegister#save} together with the history lines the steps noted.
 * <p>
 * A step from the wrong status is a {@link ConflictException} naming the current status
 * ({@code finding.conflict.to<STATUS>}); a step without what it needs is an {@link InvalidInputException} per
 * field. The table is the only statement of which status may follow which: the set-based import path reopens
 * the findings in {@link #reopenedFrom()}, the same statuses {@link #reopen} accepts.
 */
final class FindingLifecycle {

    static final int MAX_TEXT = 4000;

    /** The actions of the finding's history lines ({@code finding.action.<action>} is their message). */
    static final String OPENED = "opened";
    static final String FIXED = "fixed";
    static final String MITIGATED = "mitigated";
    static final String VERIFIED = "verified";
    static final String CLOSED = "closed";
    static final String REOPENED = "reopened";
    static final String REFRESHED = "refreshed";
    static final String ACCOUNTABILITY = "accountability";
    static final String EVIDENCE = "evidence";
    static final String SUPPRESSED = "suppressed";

    private static final Map<FindingStatus, Set<FindingStatus>> LEGAL = new EnumMap<>(FindingStatus.class);

    static {
        LEGAL.put(FindingStatus.OPEN, EnumSet.of(FindingStatus.FIXED, FindingStatus.MITIGATED,
                FindingStatus.SUPPRESSED));
        LEGAL.put(FindingStatus.REOPENED, EnumSet.of(FindingStatus.FIXED, FindingStatus.MITIGATED,
                FindingStatus.SUPPRESSED));
        LEGAL.put(FindingStatus.FIXED, EnumSet.of(FindingStatus.VERIFIED));
        LEGAL.put(FindingStatus.MITIGATED, EnumSet.of(FindingStatus.VERIFIED, FindingStatus.SUPPRESSED));
        // a suppressed finding comes back only when a report shows it unsuppressed (or a reviewer reopens it)
        LEGAL.put(FindingStatus.SUPPRESSED, EnumSet.of(FindingStatus.REOPENED));
        LEGAL.put(FindingStatus.VERIFIED, EnumSet.of(FindingStatus.CLOSED, FindingStatus.REOPENED));
        LEGAL.put(FindingStatus.CLOSED, EnumSet.of(FindingStatus.REOPENED));
    }

    /** One line the steps add to the finding's history. */
    record HistoryLine(String action, FindingStatus from, FindingStatus to, String note) {
    }

    private final long id;
    private final int version;
    private FindingStatus status;
    private String fixNote;
    private Finding.Rectification plan;
    private String verifiedBy;
    private Instant verifiedAt;
    private Instant closedAt;
    private String reopenReason;
    private Finding.Accountability accountability;
    private final List<HistoryLine> history = new ArrayList<>();

    private FindingLifecycle(long id, int version, FindingStatus status) {
        this.id = id;
        this.version = version;
        this.status = status;
    }

    /** The aggregate of a finding as the register read it. */
    static FindingLifecycle restore(Finding f) {
        FindingLifecycle l = new FindingLifecycle(f.id(), f.version(), f.status());
        l.fixNote = f.fixNote();
        l.plan = f.plan();
        l.verifiedBy = f.verifiedBy();
        l.verifiedAt = f.verifiedAt();
        l.closedAt = f.closedAt();
        l.reopenReason = f.reopenReason();
        l.accountability = f.accountability() == null ? new Finding.Accountability(null, null, null)
                : f.accountability();
        return l;
    }

    /** A finding at {@code status} with nothing recorded yet (for the transition table's tests). */
    static FindingLifecycle at(long id, FindingStatus status) {
        FindingLifecycle l = new FindingLifecycle(id, 0, status);
        l.accountability = new Finding.Accountability(null, null, null);
        return l;
    }

    // --- the transition table -------------------------------------------------------------------

    static boolean allowed(FindingStatus from, FindingStatus to) {
        return LEGAL.get(from).contains(to);
    }

    static List<FindingStatus> next(FindingStatus from) {
        return List.copyOf(LEGAL.get(from));
    }

    /** The statuses from which a finding may be reopened: a reviewer's reopen and an import's alike. */
    static Set<FindingStatus> reopenedFrom() {
        Set<FindingStatus> from = EnumSet.noneOf(FindingStatus.class);
        LEGAL.forEach((s, to) -> {
            if (to.contains(FindingStatus.REOPENED)) {
                from.add(s);
            }
        });
        return Collections.unmodifiableSet(from);
    }

    /** The statuses from which an import that reports a finding as suppressed suppresses it. */
    static Set<FindingStatus> suppressedFrom() {
        Set<FindingStatus> from = EnumSet.noneOf(FindingStatus.class);
        LEGAL.forEach((s, to) -> {
            if (to.contains(FindingStatus.SUPPRESSED)) {
                from.add(s);
            }
        });
        return Collections.unmodifiableSet(from);
    }

    /** Fails with "finding must be … to be …; it is {current}" unless {@code to} may follow {@code current}. */
    static void require(FindingStatus current, FindingStatus to) {
        if (to == FindingStatus.OPEN || !allowed(current, to)) {
            throw new ConflictException("finding.conflict.to" + to.name(), current.name());
        }
    }

    // --- the steps ------------------------------------------------------------------------------

    /** Fixed at once (立即整改): what was done is required. OPEN or REOPENED only. */
    FindingFixed fix(String note) {
        require(status, FindingStatus.FIXED);
        String text = text(note);
        List<FieldProblem> problems = new ArrayList<>();
        required(problems, "fixNote", text);
        throwIfAny(problems);
        FindingStatus from = move(FindingStatus.FIXED, FIXED, text);
        fixNote = text;
        return new FindingFixed(id, from, text);
    }

    /**
     * Mitigated (临时措施 + 整改计划): measures, plan, owner and a due date (ISO) not before {@code today} are
     * required. OPEN or REOPENED only.
     */
    FindingMitigated mitigate(String measures, String planText, String owner, String dueOn, LocalDate today) {
        require(status, FindingStatus.MITIGATED);
        List<FieldProblem> problems = new ArrayList<>();
        String m = text(measures);
        String p = text(planText);
        String o = text(owner);
        required(problems, "measures", m);
        required(problems, "plan", p);
        required(problems, "planOwner", o);
        if (o != null && o.length() > 100) {
            problems.add(new FieldProblem("planOwner", "finding.field.tooLong", 100));
        }
        LocalDate due = null;
        if (dueOn == null || dueOn.isBlank()) {
            problems.add(new FieldProblem("planDueOn", "finding.field.required"));
        } else {
            try {
                due = LocalDate.parse(dueOn.strip());
                if (due.isBefore(today)) {
                    problems.add(new FieldProblem("planDueOn", "finding.field.pastDate", dueOn.strip()));
                }
            } catch (DateTimeParseException e) {
                problems.add(new FieldProblem("planDueOn", "finding.field.date", dueOn.strip()));
            }
        }
        throwIfAny(problems);
        plan = new Finding.Rectification(m, p, o, due);
        FindingStatus from = move(FindingStatus.MITIGATED, MITIGATED, o + " " + due);
        return new FindingMitigated(id, from, plan);
    }

    /** Verified (复核确认) by the operator's reviewer or a regulator; the note is optional. FIXED or MITIGATED only. */
    FindingVerified verify(String note, String by, Instant at) {
        require(status, FindingStatus.VERIFIED);
        String text = optional("note", note);
        FindingStatus from = move(FindingStatus.VERIFIED, VERIFIED, text);
        verifiedBy = by;
        verifiedAt = at;
        return new FindingVerified(id, from, by, text);
    }

    /** Closed (销号); the note is optional. VERIFIED only. */
    FindingClosed close(String note, Instant at) {
        require(status, FindingStatus.CLOSED);
        String text = optional("note", note);
        FindingStatus from = move(FindingStatus.CLOSED, CLOSED, text);
        closedAt = at;
        return new FindingClosed(id, from, text);
    }

    /**
     * Reopened when a re-check — a reviewer's, or an import that still sees it — finds the problem again: the
     * reason is required; the closed cycle's closing date, fix note and verifier are cleared from the finding
     * (its history lines keep them). From {@link #reopenedFrom()} only.
     */
    FindingReopened reopen(String reason) {
        require(status, FindingStatus.REOPENED);
        String text = text(reason);
        List<FieldProblem> problems = new ArrayList<>();
        required(problems, "reason", text);
        throwIfAny(problems);
        FindingStatus from = move(FindingStatus.REOPENED, REOPENED, text);
        reopenReason = text;
        closedAt = null;
        fixNote = null;
        verifiedBy = null;
        verifiedAt = null;
        return new FindingReopened(id, from, text);
    }

    /**
     * Suppressed (已抑制) because the tool that reported it marks it so (accepted risk, false positive), with the
     * tool's justification as the note. From {@link #suppressedFrom()} only; the import path does the same
     * set-wise ({@link FindingRegister#suppressSeen}).
     */
    FindingSuppressed suppress(String justification) {
        require(status, FindingStatus.SUPPRESSED);
        String text = optional("justification", justification);
        return new FindingSuppressed(id, move(FindingStatus.SUPPRESSED, SUPPRESSED, text), text);
    }

    /** Whether {@link #reopen} would take the finding back (an import reopens only those). */
    boolean reopenable() {
        return allowed(status, FindingStatus.REOPENED);
    }

    /** Records who was responsible and what was done about it (问责), at any status. */
    FindingAccountabilityRecorded recordAccountability(String responsible, String action, String decidedOn) {
        List<FieldProblem> problems = new ArrayList<>();
        String person = text(responsible);
        String what = text(action);
        if (person == null) {
            problems.add(new FieldProblem("responsible", "finding.field.required"));
        } else if (person.length() > 100) {
            problems.add(new FieldProblem("responsible", "finding.field.tooLong", 100));
        }
        if (what == null) {
            problems.add(new FieldProblem("action", "finding.field.required"));
        } else if (what.length() > MAX_TEXT) {
            problems.add(new FieldProblem("action", "finding.field.tooLong", MAX_TEXT));
        }
        LocalDate on = optionalDate(problems, "decidedOn", decidedOn);
        throwIfAny(problems);
        accountability = new Finding.Accountability(person, what, on);
        history.add(new HistoryLine(ACCOUNTABILITY, null, null, person + ": " + what));
        return new FindingAccountabilityRecorded(id, accountability);
    }

    private FindingStatus move(FindingStatus to, String action, String note) {
        FindingStatus from = status;
        status = to;
        history.add(new HistoryLine(action, from, to, note));
        return from;
    }

    // --- what the register saves ----------------------------------------------------------------

    long id() {
        return id;
    }

    int version() {
        return version;
    }

    FindingStatus status() {
        return status;
    }

    String fixNote() {
        return fixNote;
    }

    Finding.Rectification plan() {
        return plan;
    }

    String verifiedBy() {
        return verifiedBy;
    }

    Instant verifiedAt() {
        return verifiedAt;
    }

    Instant closedAt() {
        return closedAt;
    }

    String reopenReason() {
        return reopenReason;
    }

    Finding.Accountability accountability() {
        return accountability;
    }

    /** The history lines of the steps taken since {@link #restore}, oldest first. */
    List<HistoryLine> history() {
        return List.copyOf(history);
    }

    // --- input ----------------------------------------------------------------------------------

    private static String optional(String field, String value) {
        String text = text(value);
        if (text != null && text.length() > MAX_TEXT) {
            throw new InvalidInputException(field, "finding.field.tooLong", MAX_TEXT);
        }
        return text;
    }

    private static void required(List<FieldProblem> problems, String field, String text) {
        if (text == null) {
            problems.add(new FieldProblem(field, "finding.field.required"));
        } else if (text.length() > MAX_TEXT) {
            problems.add(new FieldProblem(field, "finding.field.tooLong", MAX_TEXT));
        }
    }

    private static void throwIfAny(List<FieldProblem> problems) {
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    static LocalDate optionalDate(List<FieldProblem> problems, String field, String value) {
        String text = text(value);
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

    static String text(String value) {
        if (value == null) {
            return null;
        }
        String s = value.strip();
        return s.isEmpty() ? null : s;
    }
}
