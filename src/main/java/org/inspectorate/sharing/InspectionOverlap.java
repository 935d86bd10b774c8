package org.inspectorate.sharing;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Overlap detection of the inspection calendar (避免交叉重复), plain Java: another live plan of the same operator whose
 * dates overlap the candidate's, or lie within {@code days} of them (the operator was visited, or will be, within N
 * days). A plan never overlaps itself: its own id is skipped.
 */
final class InspectionOverlap {

    private InspectionOverlap() {
    }

    /** A plan's place on the calendar: which operator, from when to when, still live or not. */
    record Window(long planId, long operatorId, LocalDate startsOn, LocalDate endsOn, boolean live) {
    }

    /** The windows of {@code others} the candidate collides with, in their given order. */
    static List<Window> conflicts(Window candidate, List<Window> others, int days) {
        return others.stream().filter(o -> collides(candidate, o, days)).toList();
    }

    static boolean collides(Window a, Window b, int days) {
        if (a.planId() == b.planId() || a.operatorId() != b.operatorId() || !b.live()) {
            return false;
        }
        return gapInDays(a, b) <= days;
    }

    /** Days between the two windows: 0 when they overlap or touch, otherwise from the end of one to the other's start. */
    static long gapInDays(Window a, Window b) {
        if (!a.startsOn().isAfter(b.endsOn()) && !b.startsOn().isAfter(a.endsOn())) {
            return 0;
        }
        return a.startsOn().isAfter(b.endsOn()) ? ChronoUnit.DAYS.between(b.endsOn(), a.startsOn())
                : ChronoUnit.DAYS.between(a.endsOn(), b.startsOn());
    }
}
