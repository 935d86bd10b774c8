package org.inspectorate.scoring;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The spot checks a scoring test declares, standing in for the spot-check module: a test puts the subjects it needs
 * and scoring resolves them. Imported by the tests that need it only (a {@link TestConfiguration}, so component
 * scanning of other tests' contexts never picks it up).
 */
public class TestScoringSubjects implements ScoringSubjects {

    private final Map<Long, ScoringSubject> subjects = new ConcurrentHashMap<>();

    public void put(ScoringSubject subject) {
        subjects.put(subject.spotCheckId(), subject);
    }

    public void remove(long spotCheckId) {
        subjects.remove(spotCheckId);
    }

    @Override
    public Optional<ScoringSubject> find(long spotCheckId) {
        return Optional.ofNullable(subjects.get(spotCheckId));
    }

    /**
     * Registers one instance as the context's {@link ScoringSubjects}, ahead of the spot-check module's own
     * (primary), so a test decides the checks it scores.
     */
    @TestConfiguration(proxyBeanMethods = false)
    public static class Configuration {
        @Bean
        @org.springframework.context.annotation.Primary
        TestScoringSubjects testScoringSubjects() {
            return new TestScoringSubjects();
        }
    }
}
