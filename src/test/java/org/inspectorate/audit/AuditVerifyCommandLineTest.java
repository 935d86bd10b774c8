package org.inspectorate.audit;

import org.springframework.context.annotation.Import;
import org.inspectorate.support.TestClockConfiguration;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.inspectorate.support.Codes;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * The command-line verification starts the application without a web server: the whole application
 * must come up that way (no web-only bean may be required), and the flag must switch the server off.
 */
@Import(TestClockConfiguration.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@Tag("db")
class AuditVerifyCommandLineTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    AuditTrail trail;

    @Autowired
    ApplicationEventPublisher events;

    @Test
    void theApplicationStartsWithoutAWebServerAndVerifiesTheChain() {
        events.publishEvent(new AuditTestEvents.Happened(Codes.username("noweb")));
        assertThat(trail.verify().intact()).isTrue();
        assertThat(context.getBeanNamesForType(AuditVerifyCommand.class)).as("only with the flag").isEmpty();
    }

    @Test
    void theDocumentedFlagWithoutAValueReadsAsTrueForEveryBeanThatAsksForABoolean() {
        // docs/operations.md: java -jar ... --inspectorate.audit.verify (no value: the empty string)
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("args", Map.of("inspectorate.audit.verify", "")));
        new AuditVerifyEnvironment().postProcessEnvironment(environment, new SpringApplication());
        assertThat(environment.getProperty("inspectorate.audit.verify", Boolean.class)).isTrue();

        StandardEnvironment off = new StandardEnvironment();
        off.getPropertySources().addFirst(new MapPropertySource("args", Map.of("inspectorate.audit.verify", "false")));
        new AuditVerifyEnvironment().postProcessEnvironment(off, new SpringApplication());
        assertThat(off.getProperty("inspectorate.audit.verify", Boolean.class)).isFalse();
    }

    @Test
    void theVerifyFlagTurnsTheWebServerOff() {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("args", Map.of("inspectorate.audit.verify", "")));
        new AuditVerifyEnvironment().postProcessEnvironment(environment, new SpringApplication());
        assertThat(environment.getProperty("spring.main.web-application-type")).isEqualTo("none");

        StandardEnvironment normal = new StandardEnvironment();
        new AuditVerifyEnvironment().postProcessEnvironment(normal, new SpringApplication());
        assertThat(normal.getProperty("spring.main.web-application-type")).isNull();
    }
}
