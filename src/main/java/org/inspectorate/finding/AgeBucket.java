package org.inspectorate.finding;

import java.time.LocalDate;

/**
 * How old something is in whole days, in the buckets the regulators' views count by: 0–30, 31–90,
 * 91–180 and over 180 days. Used for the days since a finding was opened and, for an overdue one,
 * the days since its effective due date.
 */
public enum AgeBucket {
    D0_30(0, 30), D31_90(31, 90), D91_180(91, 180), OVER_180(181, Integer.MAX_VALUE);

    private final int minDays;
    private final int maxDays;

    AgeBucket(int minDays, int maxDays) {
        this.minDays = minDays;
        this.maxDays = maxDays;
    }

    public int minDays() {
        return minDays;
    }

    /** The last day of the bucket, {@link Integer#MAX_VALUE} for the open-ended one. */
    public int maxDays() {
        return maxDays;
    }

    /** The bucket of an age in days (negative ages count as 0). */
    public static AgeBucket of(long days) {
        for (AgeBucket b : values()) {
            if (days <= b.maxDays) {
                return b;
            }
        }
        return OVER_180;
    }

    /** The earliest day that is still this old as of {@code today}, or {@code null} when the bucket has no upper end. */
    LocalDate earliest(LocalDate today) {
        return maxDays == Integer.MAX_VALUE ? null : today.minusDays(maxDays);
    }

    /** The latest day that is this old as of {@code today}. */
    LocalDate latest(LocalDate today) {
        return today.minusDays(minDays);
    }

    public String messageKey() {
        return "finding.age." + name();
    }
}
