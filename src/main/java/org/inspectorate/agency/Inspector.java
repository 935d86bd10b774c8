package org.inspectorate.agency;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/** An inspector (检查人员) of a testing agency with everything the draw and the vetting officer need. */
public record Inspector(long userId, String username, String displayName, long agencyId, String agencyName,
        Set<Skill> skills, List<Employment> employment, List<DeclaredConflict> conflicts, List<Vetting> vettings,
        List<Commitment> commitments, int version) {

    public Inspector {
        skills = Set.copyOf(skills);
        employment = List.copyOf(employment);
        conflicts = List.copyOf(conflicts);
        vettings = List.copyOf(vettings);
        commitments = List.copyOf(commitments);
    }

    /** The last day of the latest vetting that holds on {@code day}, or null when none does. */
    public LocalDate vettedUntil(LocalDate day) {
        return vettings.stream().filter(v -> v.validOn(day)).map(Vetting::validUntil).max(LocalDate::compareTo)
                .orElse(null);
    }

    /** The last day of the personal commitment that holds on {@code day}, or null when none does. */
    public LocalDate committedUntil(LocalDate day) {
        return commitments.stream().filter(c -> c.validOn(day)).map(Commitment::validUntil)
                .max(LocalDate::compareTo).orElse(null);
    }
}
