package org.inspectorate.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@DatabaseTest
class TestClockIntegrationTest {

    @Autowired
    Clock clock;

    @Test
    void theApplicationUnderTestRunsOnTheFixedStartClockAndStaticFixturesShareIt() {
        assertThat(clock).isInstanceOf(FixedStartClock.class);
        assertThat(clock.instant()).isBetween(FixedStartClock.START, FixedStartClock.START.plus(Duration.ofHours(6)));
        assertThat(TestClock.clock()).isSameAs(clock);
    }
}
