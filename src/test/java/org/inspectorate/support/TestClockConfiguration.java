package org.inspectorate.support;

import java.time.Clock;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Puts every test application on the {@link FixedStartClock} instead of the system clock the application
 * runs on in production ({@code system/ClockConfiguration}). The test sources' component scan picks it up
 * in every {@code @SpringBootTest}; slice tests import it.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestClockConfiguration {

    @Bean
    @Primary
    Clock fixedStartClock() {
        return FixedStartClock.shared();
    }
}
