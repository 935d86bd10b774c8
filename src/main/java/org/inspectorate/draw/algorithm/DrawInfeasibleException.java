package org.inspectorate.draw.algorithm;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The rules cannot be met by this pool: every failing requirement is listed with what it needs and what
 * is available. Nothing is drawn.
 */
public class DrawInfeasibleException extends RuntimeException {

    private final List<Shortfall> shortfalls;

    public DrawInfeasibleException(List<Shortfall> shortfalls) {
        super("the draw is infeasible: " + shortfalls.stream().map(Shortfall::toString).collect(Collectors.joining("; ")));
        if (shortfalls.isEmpty()) {
            throw new IllegalArgumentException("an infeasible draw names at least one shortfall");
        }
        this.shortfalls = List.copyOf(shortfalls);
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
