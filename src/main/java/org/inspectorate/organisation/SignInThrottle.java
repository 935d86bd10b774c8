package org.inspectorate.organisation;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * How long a sign-in must wait after failures (登录失败限速), in plain Java: the first {@code freeFailures} failures
 * of a key cost nothing; from then on each failure makes the next attempt wait, {@code firstDelay} after the
 * {@code freeFailures}-th and twice as long after each further one, never more than {@code maxDelay}. A key's
 * failures are forgotten {@code forgetAfter} after its last one, and a right password starts it afresh.
 *
 * <p>Nothing is ever locked: a throttled attempt is refused only until its time comes, and the keys (the account,
 * the source address, a browser that signed in to the account before, the second factor of one account) are
 * separate, so failures from an attacker's source never hold back the owner's known browser.
 */
record SignInThrottle(int freeFailures, Duration firstDelay, Duration maxDelay, Duration forgetAfter) {

    /** Five free failures, then 1 s doubling to 15 minutes; forgotten after a day. */
    static final SignInThrottle STANDARD = new SignInThrottle(5, Duration.ofSeconds(1), Duration.ofMinutes(15),
            Duration.ofDays(1));

    SignInThrottle {
        if (freeFailures < 1 || firstDelay.isNegative() || firstDelay.isZero() || maxDelay.compareTo(firstDelay) < 0
                || forgetAfter.compareTo(maxDelay) < 0) {
            throw new IllegalArgumentException("a throttle needs a free failure, a positive first delay, "
                    + "a cap at least that long and a memory at least as long as the cap");
        }
    }

    /** What is known of one key: its failures in a row, the last one's time, and when the next attempt may come. */
    record State(int failures, Instant lastFailureAt, Instant nextAttemptAt) {
    }

    /** The delay after the {@code failures}-th failure in a row: none while free, then doubling up to the cap. */
    Duration delayAfter(int failures) {
        if (failures < freeFailures) {
            return Duration.ZERO;
        }
        int doublings = failures - freeFailures;
        if (doublings >= 62 || firstDelay.toMillis() > maxDelay.toMillis() >> Math.min(doublings, 62)) {
            return maxDelay;
        }
        Duration delay = firstDelay.multipliedBy(1L << doublings);
        return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
    }

    /** The state after one more failure at {@code now}; {@code before} is null for a key never seen. */
    State afterFailure(State before, Instant now) {
        int failures = before == null || forgotten(before, now) ? 1 : before.failures() + 1;
        Duration delay = delayAfter(failures);
        return new State(failures, now, delay.isZero() ? null : now.plus(delay));
    }

    /** How long an attempt at {@code now} must still wait; empty when it may go ahead. */
    Optional<Duration> wait(State state, Instant now) {
        if (state == null || state.nextAttemptAt() == null || !state.nextAttemptAt().isAfter(now)) {
            return Optional.empty();
        }
        return Optional.of(Duration.between(now, state.nextAttemptAt()));
    }

    /** Whether the key's failures are old enough to be forgotten. */
    boolean forgotten(State state, Instant now) {
        return state.lastFailureAt().plus(forgetAfter).isBefore(now);
    }

    /** Seconds to tell the user, rounded up so that "try again in N seconds" is never too early. */
    static long seconds(Duration wait) {
        return Math.max(1, (wait.toMillis() + 999) / 1000);
    }
}
