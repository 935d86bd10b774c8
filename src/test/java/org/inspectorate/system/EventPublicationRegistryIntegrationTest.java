package org.inspectorate.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import org.inspectorate.agency.AgencyRelationAdded;
import org.inspectorate.agency.CommitmentUploaded;
import org.inspectorate.agency.InspectorVetted;
import org.inspectorate.organisation.OrganisationRegistered;
import org.inspectorate.support.DatabaseTest;
import org.inspectorate.support.SampleValues;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.modulith.events.core.EventSerializer;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Spring Modulith's event publication registry on the real database (H2, PostgreSQL, MariaDB): an event that a
 * listener handles after commit is written to {@code event_publication} with the change, marked complete when the
 * listener succeeds, and left incomplete when it fails, until it is resubmitted. Every auditable event survives the
 * registry's JSON serializer, so that any of them may be handled after commit.
 */
@DatabaseTest
class EventPublicationRegistryIntegrationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    IncompleteEventPublications incomplete;

    @Autowired
    Reactions reactions;

    @Autowired
    EventSerializer serializer;

    /** Something that happened, handled after commit by {@link Reactions#handled(Handled)}. */
    record Handled(String token, int count) {
    }

    /** Something whose reaction fails while the reactions are told to fail. */
    record Refused(String token) {
    }

    /**
     * Listeners that run after the publishing transaction commits, each in its own transaction. The bean is a
     * proxy (asynchronous, transactional), so the test reads its state through methods, never its fields.
     */
    static class Reactions {

        private final List<String> handled = new CopyOnWriteArrayList<>();
        private final List<String> attempts = new CopyOnWriteArrayList<>();
        private final AtomicBoolean failing = new AtomicBoolean(true);

        public List<String> handled() {
            return handled;
        }

        public List<String> attempts() {
            return attempts;
        }

        public void failing(boolean fail) {
            failing.set(fail);
        }

        @ApplicationModuleListener
        void handled(Handled event) {
            handled.add(event.token());
        }

        @ApplicationModuleListener
        void refused(Refused event) {
            attempts.add(event.token());
            if (failing.get()) {
                throw new IllegalStateException("the reaction to " + event.token() + " failed");
            }
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class ReactionConfiguration {

        @Bean
        Reactions reactions() {
            return new Reactions();
        }
    }

    private void publishAndCommit(Object event) {
        new TransactionTemplate(transactions).executeWithoutResult(status -> events.publishEvent(event));
    }

    /**
     * The registry's rows for the event whose serialized form holds {@code token}. The table name is upper case as
     * Modulith spells it: MariaDB's table names are case-sensitive.
     */
    private List<Map<String, Object>> publicationsOf(Class<?> type, String token) {
        return jdbc.sql("SELECT listener_id, serialized_event, completion_date, status FROM EVENT_PUBLICATION "
                        + "WHERE event_type = :type AND serialized_event LIKE :token")
                .param("type", type.getName())
                .param("token", "%" + token + "%")
                .query().listOfRows();
    }

    private static Object column(Map<String, Object> row, String name) {
        for (Map.Entry<String, Object> entry : row.entrySet()) {
            if (entry.getKey().equalsIgnoreCase(name)) {
                return entry.getValue();
            }
        }
        throw new AssertionError("no column " + name + " in " + row.keySet());
    }

    @Test
    void anEventHandledAfterCommitIsStoredWithTheChangeAndMarkedCompleteWhenItsListenerSucceeds() {
        String token = UUID.randomUUID().toString();

        publishAndCommit(new Handled(token, 3));

        await().atMost(PATIENCE).until(() -> reactions.handled().contains(token));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(publicationsOf(Handled.class, token))
                .singleElement()
                .satisfies(row -> {
                    assertThat(column(row, "listener_id").toString()).contains("Reactions", "handled");
                    assertThat(column(row, "completion_date")).isNotNull();
                    assertThat(column(row, "status")).isEqualTo("COMPLETED");
                }));
    }

    @Test
    void aPublicationRolledBackWithItsTransactionIsNeitherStoredNorHandled() {
        String token = UUID.randomUUID().toString();

        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            events.publishEvent(new Handled(token, 1));
            status.setRollbackOnly();
        });

        assertThat(publicationsOf(Handled.class, token)).isEmpty();
        assertThat(reactions.handled()).doesNotContain(token);
    }

    @Test
    void aListenerThatFailsLeavesAnIncompletePublicationThatIsCompletedWhenResubmitted() {
        String token = UUID.randomUUID().toString();
        reactions.failing(true);

        publishAndCommit(new Refused(token));

        await().atMost(PATIENCE).until(() -> reactions.attempts().contains(token));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(publicationsOf(Refused.class, token))
                .singleElement()
                .satisfies(row -> {
                    assertThat(column(row, "completion_date")).isNull();
                    assertThat(column(row, "status")).isEqualTo("FAILED");
                }));

        reactions.failing(false);
        incomplete.resubmitIncompletePublications(publication ->
                publication.getEvent() instanceof Refused refused && refused.token().equals(token));

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(publicationsOf(Refused.class, token))
                .singleElement()
                .satisfies(row -> {
                    assertThat(column(row, "completion_date")).isNotNull();
                    assertThat(column(row, "status")).isEqualTo("COMPLETED");
                }));
        assertThat(reactions.attempts()).filteredOn(token::equals).hasSize(2);
    }

    @Test
    void everyAuditableEventRoundTripsThroughTheSerializerTheRegistryUses() throws Exception {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AssignableTypeFilter(AuditableEvent.class));
        List<Class<?>> checked = new ArrayList<>();
        for (BeanDefinition candidate : scanner.findCandidateComponents("org.inspectorate")) {
            Class<?> type = Class.forName(candidate.getBeanClassName());
            if (!type.isRecord()) {
                continue;
            }
            Object event;
            try {
                event = SampleValues.of(type);
            } catch (IllegalArgumentException | IllegalStateException e) {
                // A record whose constructor refuses made-up values (or holds a type with no sample): not this
                // test's business; its own module's tests publish real ones.
                continue;
            }
            Object stored = serializer.serialize(event);
            assertThat(serializer.deserialize(stored, type)).as("%s as stored: %s", type.getName(), stored)
                    .usingRecursiveComparison().isEqualTo(event);
            checked.add(type);
        }
        // The agency's events at least (every module's records are found the same way).
        assertThat(checked).contains(CommitmentUploaded.class, InspectorVetted.class, AgencyRelationAdded.class,
                OrganisationRegistered.class);
    }
}
