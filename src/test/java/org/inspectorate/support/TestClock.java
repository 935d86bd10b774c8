package org.inspectorate.support;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

import org.springframework.stereotype.Component;

/**
 * The application's {@link Clock} bean (see {@code system/ClockConfiguration}) for test code that has no bean at hand:
 * static fixtures date what they make by it, so that tests and the application share one notion of "now" and no test
 * reads the JVM's clock itself. A test class with injection reads the {@code Clock} bean directly.
 *
 * <p>In tests that clock is the {@link FixedStartClock} ({@link TestClockConfiguration}): it starts at a fixed
 * instant and runs on, so dates are the same on every run while TOTP replay, lockouts, import heartbeats and the
 * order of rows still see time pass.
 */
@Component
public final class TestClock {

    private static volatile Clock clock;

    TestClock(Clock applicationClock) {
        clock = applicationClock;
    }

    /** The application's clock; fails when no application context has started in this JVM. */
    public static Clock clock() {
        Clock c = clock;
        if (c == null) {
            throw new IllegalStateException("no application context has started: inject the Clock bean instead");
        }
        return c;
    }

    /** The application's current instant. */
    public static Instant now() {
        return clock().instant();
    }

    /** The application's current day. */
    public static LocalDate today() {
        return LocalDate.now(clock());
    }
}
