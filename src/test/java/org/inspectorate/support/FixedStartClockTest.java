package org.inspectorate.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

class FixedStartClockTest {

    @Test
    void theClockStartsAtTheFixedInstantWhateverTheDayAndOnlyMovesForward() throws InterruptedException {
        FixedStartClock clock = new FixedStartClock(ZoneId.of("Asia/Shanghai"));
        Instant first = clock.instant();
        Thread.sleep(5);
        Instant second = clock.instant();

        assertThat(first).isAfterOrEqualTo(FixedStartClock.START).isBefore(FixedStartClock.START.plus(Duration.ofHours(6)));
        assertThat(second).isAfter(first);
        assertThat(clock.withZone(ZoneId.of("UTC")).instant()).isAfterOrEqualTo(second);
        assertThat(clock.getZone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
    }
}
