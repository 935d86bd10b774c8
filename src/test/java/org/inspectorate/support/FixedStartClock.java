package org.inspectorate.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/**
 * The clock every test runs on: it starts at a fixed instant, {@link #START}, whatever day the suite runs, and
 * then moves on with the JVM's monotonic time (never backwards, never jumping with the wall clock). Dates a
 * test computes, deadlines, "overdue" and the year of a campaign are therefore the same on every run, while the
 * rules that need time to pass still see it pass: a TOTP code is refused when replayed in its 30-second step,
 * lockouts and import heartbeats expire, rows made one after the other are ordered by when they were made. A test
 * of an end date moves it on for a while with {@link #travel}; it is never moved otherwise.
 */
public final class FixedStartClock extends Clock {

    /** Monday 2026-06-15, 10:00 in Beijing: a working day in the middle of the inspection year. */
    public static final Instant START = Instant.parse("2026-06-15T02:00:00Z");

    private static final long ORIGIN_NANOS = System.nanoTime();

    private static final FixedStartClock SHARED = new FixedStartClock(ZoneId.systemDefault());

    /** How far a test has moved the clock on ({@link #travel}); zero for every other test. */
    private static volatile Duration travelled = Duration.ZERO;

    private final ZoneId zone;

    /**
     * Moves every test clock on by {@code by} until the returned handle is closed, for a test of what happens
     * after a date has passed (a grant's end date): {@code try (var t = FixedStartClock.travel(Duration.ofDays(31)))}.
     * Closing moves it back, so only the travelling test sees the later days (tests run one after the other).
     */
    public static Travel travel(Duration by) {
        travelled = travelled.plus(by);
        return () -> travelled = travelled.minus(by);
    }

    /** A journey in time, ended by closing it. */
    public interface Travel extends AutoCloseable {
        @Override
        void close();
    }

    /** The one instance every test application context in the JVM shares, in the JVM's zone. */
    public static FixedStartClock shared() {
        return SHARED;
    }

    public FixedStartClock(ZoneId zone) {
        this.zone = zone;
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new FixedStartClock(zone);
    }

    @Override
    public Instant instant() {
        return START.plus(Duration.ofNanos(System.nanoTime() - ORIGIN_NANOS)).plus(travelled);
    }
}
