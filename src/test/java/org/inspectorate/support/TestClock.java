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
 * <p>The application keeps the system clock in tests rather than a fixed one: TOTP codes are refused when replayed
 * within their 30-second step, lockouts and import heartbeats expire with time, rows made in one test are ordered by
 * when they were made, and the browser journeys share the JVM, so a clock that stood still would change what the
 * tests observe.
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
