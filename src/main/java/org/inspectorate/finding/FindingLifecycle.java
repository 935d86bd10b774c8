package org.inspectorate.finding;

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
 * The finding's lifecycle as a small aggregate in plain Java: which status may follow which, and
 * what each step needs. A step from the wrong status is a {@link ConflictException} naming the
 * current status; a step without what it needs is an {@link InvalidInputException} per field.
 */
final class FindingLifecycle {

    static final int MAX_TEXT = 4000;

    private static final Map<FindingStatus, Set<FindingStatus>> LEGAL = new EnumMap<>(FindingStatus.class);

    static {
        LEGAL.put(FindingStatus.OPEN, EnumSet.of(FindingStatus.FIXED, FindingStatus.MITIGATED));
        LEGAL.put(FindingStatus.REOPENED, EnumSet.of(FindingStatus.FIXED, FindingStatus.MITIGATED));
        LEGAL.put(FindingStatus.FIXED, EnumSet.of(FindingStatus.VERIFIED));
        LEGAL.put(FindingStatus.MITIGATED, EnumSet.of(FindingStatus.VERIFIED));
        LEGAL.put(FindingStatus.VERIFIED, EnumSet.of(FindingStatus.CLOSED, FindingStatus.REOPENED));
        LEGAL.put(FindingStatus.CLOSED, EnumSet.of(FindingStatus.REOPENED));
    }

    private FindingLifecycle() {
    }

    static boolean allowed(FindingStatus from, FindingStatus to) {
        return LEGAL.get(from).contains(to);
    }

    static List<FindingStatus> next(FindingStatus from) {
        return List.copyOf(LEGAL.get(from));
    }

    /** Fails with "finding must be … to be …; it is {current}" unless {@code to} may follow {@code current}. */
    static void require(FindingStatus current, FindingStatus to) {
        if (to == FindingStatus.OPEN || !allowed(current, to)) {
            throw new ConflictException("finding.conflict.to" + to.name(), current.name());
        }
    }

    /** Fixed at once (立即整改): what was done is required. */
    static String fix(FindingStatus current, String note) {
        require(current, FindingStatus.FIXED);
        String text = text(note);
        List<FieldProblem> problems = new ArrayList<>();
        required(problems, "fixNote", text);
        throw_(problems);
        return text;
    }

    /** Mitigated (临时措施 + 整改计划): measures, plan, owner and a due date not in the past are required. */
    static Finding.Rectification mitigate(FindingStatus current, String measures, String plan, String owner,
            String dueOn, LocalDate today) {
        require(current, FindingStatus.MITIGATED);
        List<FieldProblem> problems = new ArrayList<>();
        String m = text(measures);
        String p = text(plan);
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
            } catch (java.time.format.DateTimeParseException e) {
                problems.add(new FieldProblem("planDueOn", "finding.field.date", dueOn.strip()));
            }
        }
        throw_(problems);
        return new Finding.Rectification(m, p, o, due);
    }

    /** Verified (复核确认) by the operator's reviewer or a regulator; the note is optional. */
    static String verify(FindingStatus current, String note) {
        require(current, FindingStatus.VERIFIED);
        return optional("note", note);
    }

    /** Closed (销号); the note is optional. */
    static String close(FindingStatus current, String note) {
        require(current, FindingStatus.CLOSED);
        return optional("note", note);
    }

    /** Reopened when a re-check still sees the problem: the reason is required. */
    static String reopen(FindingStatus current, String reason) {
        require(current, FindingStatus.REOPENED);
        String text = text(reason);
        List<FieldProblem> problems = new ArrayList<>();
        required(problems, "reason", text);
        throw_(problems);
        return text;
    }

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

    private static void throw_(List<FieldProblem> problems) {
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
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
