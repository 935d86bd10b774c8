package org.inspectorate.draw.algorithm;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * One inspector of a testing agency (专业技术机构) as frozen in a pool snapshot.
 *
 * @param id                   stable identifier of the inspector; the snapshot is sorted by it
 * @param agencyId             organisation id of the inspector's testing agency
 * @param skills               skill codes, e.g. {@code PENETRATION_TESTING}, {@code TEAM_LEADER}
 * @param employment           employment history (own and former employers)
 * @param declaredConflicts    target ids or organisation ids the inspector declared a conflict with
 * @param vettingValidUntil    last day the vetting (审查) is valid
 * @param commitmentValidUntil last day the signed confidentiality commitment (保密承诺书) is valid
 */
public record InspectorCandidate(String id, String agencyId, SortedSet<String> skills, List<Employment> employment,
        SortedSet<String> declaredConflicts, LocalDate vettingValidUntil, LocalDate commitmentValidUntil) {

    static final Comparator<Employment> EMPLOYMENT_ORDER = Comparator.comparing(Employment::organisationId)
            .thenComparing(Employment::from)
            .thenComparing(Employment::until, Comparator.nullsLast(Comparator.naturalOrder()));

    public InspectorCandidate {
        Checks.code(id, "inspector id");
        Checks.code(agencyId, "inspector " + id + " agencyId");
        skills = Collections.unmodifiableSortedSet(new TreeSet<>(Checks.codes(skills, "inspector " + id + " skills")));
        Checks.required(employment, "inspector " + id + " employment");
        List<Employment> sorted = new ArrayList<>(employment);
        sorted.sort(EMPLOYMENT_ORDER);
        employment = List.copyOf(sorted);
        declaredConflicts = Collections.unmodifiableSortedSet(
                new TreeSet<>(Checks.codes(declaredConflicts, "inspector " + id + " declaredConflicts")));
        Checks.required(vettingValidUntil, "inspector " + id + " vettingValidUntil");
        Checks.required(commitmentValidUntil, "inspector " + id + " commitmentValidUntil");
    }

    public InspectorCandidate(String id, String agencyId, Set<String> skills, List<Employment> employment,
            Set<String> declaredConflicts, LocalDate vettingValidUntil, LocalDate commitmentValidUntil) {
        this(id, agencyId, new TreeSet<>(Checks.codes(skills, "inspector " + id + " skills")), employment,
                new TreeSet<>(Checks.codes(declaredConflicts, "inspector " + id + " declaredConflicts")),
                vettingValidUntil, commitmentValidUntil);
    }

    /**
     * One employment: the inspector worked for {@code organisationId} from {@code from} until {@code until}
     * (inclusive), or still works there when {@code until} is {@code null}.
     */
    public record Employment(String organisationId, LocalDate from, LocalDate until) {

        public Employment {
            Checks.code(organisationId, "employment organisationId");
            Checks.required(from, "employment from");
            if (until != null && until.isBefore(from)) {
                throw new IllegalArgumentException(
                        "employment at " + organisationId + " ends (" + until + ") before it starts (" + from + ")");
            }
        }

        /** Current employment, or ended on or after {@code boundary}. */
        boolean relevantSince(LocalDate boundary) {
            return until == null || !until.isBefore(boundary);
        }

        Map<String, Object> canonical() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("organisationId", organisationId);
            m.put("from", from);
            m.put("until", until);
            return m;
        }
    }

    /** Vetted and under a valid commitment on {@code day} (both validity dates are inclusive). */
    boolean qualifiedOn(LocalDate day) {
        return !vettingValidUntil.isBefore(day) && !commitmentValidUntil.isBefore(day);
    }

    Map<String, Object> canonical() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("agencyId", agencyId);
        m.put("skills", List.copyOf(skills));
        m.put("employment", employment.stream().map(Employment::canonical).toList());
        m.put("declaredConflicts", List.copyOf(declaredConflicts));
        m.put("vettingValidUntil", vettingValidUntil);
        m.put("commitmentValidUntil", commitmentValidUntil);
        return m;
    }
}
