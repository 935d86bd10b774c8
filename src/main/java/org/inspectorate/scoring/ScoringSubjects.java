package org.inspectorate.scoring;

import java.util.Optional;

/**
 * The spot checks a score sheet may be opened for (抽查对象), as the spot-check module knows them: a service
 * provider interface implemented outside this module, so that scoring depends on no spot-check type.
 *
 * <p>Scoring takes the one bean of this type if there is one and otherwise resolves nothing (every sheet then
 * answers 404); it never registers a fallback bean of its own, so an implementation elsewhere never meets a rival.
 */
public interface ScoringSubjects {

    /** The spot check {@code spotCheckId}, or empty when there is none. */
    Optional<ScoringSubject> find(long spotCheckId);
}
