package org.inspectorate.agency;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * An inspector who may enter a draw's pool on a day: vetted, with a valid personal AND agency commitment.
 *
 * @param commitmentValidUntil the earlier of the personal and the agency commitment's last day
 * @param declaredConflicts    organisation ids the inspector declared a conflict with
 */
public record EligibleInspector(long userId, long agencyId, Set<Skill> skills, List<Employment> employment,
        Set<Long> declaredConflicts, LocalDate vettingValidUntil, LocalDate commitmentValidUntil) {

    public EligibleInspector {
        skills = Set.copyOf(skills);
        employment = List.copyOf(employment);
        declaredConflicts = Set.copyOf(declaredConflicts);
    }
}
