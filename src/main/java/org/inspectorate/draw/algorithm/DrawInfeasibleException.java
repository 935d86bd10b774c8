package org.inspectorate.draw.algorithm;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The rules cannot be met by this pool: every failing requirement is listed with what it needs and what
 * is available. Nothing is drawn.
 */
public class DrawInfeasibleException extends RuntimeException {

    private final List<Shortfall> shortfalls;
    private final int infeasibleAt;

    /** Infeasible before anything is drawn: a check of docs/draw-algorithm.md §5 fails whatever the seed. */
    public DrawInfeasibleException(List<Shortfall> shortfalls) {
        this(shortfalls, 0);
    }

    /**
     * Infeasible at the {@code infeasibleAt}-th drawn target (1-based, in draw order; {@code 0}: before anything is
     * drawn), the first that got no team (§8b); every other target without a team is among the shortfalls too.
     */
    public DrawInfeasibleException(List<Shortfall> shortfalls, int infeasibleAt) {
        super("the draw is infeasible" + (infeasibleAt > 0 ? " at target " + infeasibleAt : "") + ": "
                + shortfalls.stream().map(Shortfall::toString).collect(Collectors.joining("; ")));
        if (shortfalls.isEmpty()) {
            throw new IllegalArgumentException("an infeasible draw names at least one shortfall");
        }
        if (infeasibleAt < 0) {
            throw new IllegalArgumentException("infeasibleAt is a position in draw order (1-based) or 0");
        }
        this.shortfalls = List.copyOf(shortfalls);
        this.infeasibleAt = infeasibleAt;
    }

    /** The position in draw order (1-based) of the first drawn target without a team; {@code 0}: nothing drawn. */
    public int infeasibleAt() {
        return infeasibleAt;
    }

    public List<Shortfall> shortfalls() {
        return shortfalls;
    }

    /**
     * One requirement that cannot be met.
     *
     * @param requirement which requirement, e.g. {@code quota 1 (operatorType=VALUE_ADDED_TELECOM per [province]
     *                    at least 10), stratum province=44}
     * @param required    how many it needs
     * @param available   how many there are
     * @param detail      what was counted
     */
    public record Shortfall(String requirement, int required, int available, String detail) {

        public int shortBy() {
            return Math.max(0, required - available);
        }

        @Override
        public String toString() {
            return requirement + ": needs " + required + ", " + available + " available, short by " + shortBy()
                    + (detail == null || detail.isEmpty() ? "" : " (" + detail + ")");
        }
    }
}
