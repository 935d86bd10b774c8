package org.inspectorate.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class SignInThrottleTest {

    private final Clock clock = Clock.fixed(Instant.parse("2026-12-08T09:00:00Z"), ZoneOffset.UTC);
    private final SignInThrottle throttle = SignInThrottle.STANDARD;

    /** {@code failures} failures in a row, one a second apart, ending at the clock's instant. */
    private SignInThrottle.State after(int failures) {
        SignInThrottle.State state = null;
        for (int i = failures - 1; i >= 0; i--) {
            state = throttle.afterFailure(state, clock.instant().minusSeconds(i));
        }
        return state;
    }

    @Test
    void theFirstFourFailuresCostNothingAndTheFifthMakesTheNextAttemptWaitOneSecond() {
        for (int n = 1; n <= 4; n++) {
            assertThat(after(n).nextAttemptAt()).as("after %d", n).isNull();
            assertThat(throttle.wait(after(n), clock.instant())).isEmpty();
        }
        assertThat(after(5).nextAttemptAt()).isEqualTo(clock.instant().plusSeconds(1));
        assertThat(throttle.wait(after(5), clock.instant())).contains(Duration.ofSeconds(1));
    }

    @Test
    void eachFurtherFailureDoublesTheDelayUpToFifteenMinutes() {
        assertThat(throttle.delayAfter(5)).isEqualTo(Duration.ofSeconds(1));
        assertThat(throttle.delayAfter(6)).isEqualTo(Duration.ofSeconds(2));
        assertThat(throttle.delayAfter(7)).isEqualTo(Duration.ofSeconds(4));
        assertThat(throttle.delayAfter(14)).isEqualTo(Duration.ofSeconds(512));
        assertThat(throttle.delayAfter(15)).isEqualTo(Duration.ofMinutes(15));
        assertThat(throttle.delayAfter(50)).isEqualTo(Duration.ofMinutes(15));
        assertThat(throttle.delayAfter(Integer.MAX_VALUE)).isEqualTo(Duration.ofMinutes(15));
        assertThat(after(50).nextAttemptAt()).isEqualTo(clock.instant().plus(Duration.ofMinutes(15)));
    }

    @Test
    void theWaitEndsAtTheNextAllowedAttemptAndIsNeverALock() {
        SignInThrottle.State state = after(6);
        assertThat(throttle.wait(state, clock.instant().plusMillis(1500))).contains(Duration.ofMillis(500));
        assertThat(throttle.wait(state, clock.instant().plusSeconds(2))).isEmpty();
        assertThat(throttle.wait(state, clock.instant().plusSeconds(3))).isEmpty();
    }

    @Test
    void failuresAreForgottenADayAfterTheLastOne() {
        SignInThrottle.State state = after(10);
        assertThat(throttle.afterFailure(state, clock.instant().plus(Duration.ofHours(23))).failures()).isEqualTo(11);
        SignInThrottle.State later = throttle.afterFailure(state, clock.instant().plus(Duration.ofDays(1)).plusSeconds(1));
        assertThat(later.failures()).isEqualTo(1);
        assertThat(later.nextAttemptAt()).isNull();
    }

    @Test
    void theSecondsShownAreRoundedUpSoThatTheUserNeverTriesTooEarly() {
        assertThat(SignInThrottle.seconds(Duration.ofMillis(1))).isEqualTo(1);
        assertThat(SignInThrottle.seconds(Duration.ofMillis(1001))).isEqualTo(2);
        assertThat(SignInThrottle.seconds(Duration.ofMinutes(15))).isEqualTo(900);
    }

    @Test
    void aThrottleNeedsAFreeFailureAPositiveDelayAndACapNotBelowIt() {
        assertThatThrownBy(() -> new SignInThrottle(0, Duration.ofSeconds(1), Duration.ofMinutes(1), Duration.ofDays(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SignInThrottle(5, Duration.ZERO, Duration.ofMinutes(1), Duration.ofDays(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SignInThrottle(5, Duration.ofMinutes(2), Duration.ofMinutes(1), Duration.ofDays(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
