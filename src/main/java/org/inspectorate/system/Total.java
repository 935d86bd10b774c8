package org.inspectorate.system;

/**
 * How many rows a list has, as far as it is worth counting: exact up to {@link #CAP}, then "at least
 * {@value #CAP}" ("10,000+"). A list never counts the whole register per request: it counts a subquery
 * cut at {@code CAP + 1} rows ({@link #boundedCountSql}), which reads at most that many index entries,
 * or reads a counter kept per jurisdiction in the same transaction as the writes.
 */
public record Total(long value, boolean atLeast) {

    /** Rows counted before a total is shown as "at least". */
    public static final int CAP = 10_000;

    public Total {
        if (value < 0) {
            throw new IllegalArgumentException("a total is not negative");
        }
    }

    /** An exact total (e.g. from a kept counter). */
    public static Total exact(long value) {
        return new Total(value, false);
    }

    /** The total a bounded count answered: more than {@link #CAP} rows read as "at least CAP". */
    public static Total bounded(long counted) {
        return counted > CAP ? new Total(CAP, true) : exact(counted);
    }

    /**
     * The bounded count of {@code selectFromWhere} — a {@code SELECT 1 FROM … WHERE …} without ORDER BY —
     * as SQL every database here accepts: {@code SELECT COUNT(*) FROM (… LIMIT 10001) counted}.
     */
    public static String boundedCountSql(String selectFromWhere) {
        return "SELECT COUNT(*) FROM (" + selectFromWhere + " LIMIT " + (CAP + 1) + ") counted";
    }
}
