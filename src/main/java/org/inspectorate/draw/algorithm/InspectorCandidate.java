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
 * @param declaredConflicts    what the inspector declared a conflict with, each typed: {@code operator:<operator id>}
 *                             or {@code target:<target id>}, so that an operator's id and a target's never collide
 * @param vettingValidUntil    last day the vetting (审查) is valid
 * @param commitmentValidUntil last day the signed confidentiality commitment (保密承诺书) is valid
 */
public record InspectorCandidate(String id, String agencyId, SortedSet<String> skills, List<Employment> employment,
        SortedSet<String> declaredConflicts, LocalDate vettingValidUntil, LocalDate commitmentValidUntil) {

    /** The prefix of a declared conflict with an operator (网络运行单位), followed by its id. */
    public static final String OPERATOR_CONFLICT = "operator:";
    /** The prefix of a declared conflict with one target (network unit), followed by its id. */
    public static final String TARGET_CONFLICT = "target:";

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
        for (String declared : declaredConflicts) {
            String prefix = declared.startsWith(OPERATOR_CONFLICT) ? OPERATOR_CONFLICT
                    : declared.startsWith(TARGET_CONFLICT) ? TARGET_CONFLICT : null;
            if (prefix == null || !Checks.isCode(declared.substring(prefix.length()))) {
                throw new IllegalArgumentException("inspector " + id + " declaredConflicts: \"" + declared
                        + "\" must be operator:<operator id> or target:<target id>");
            }
        }
        Checks.required(vettingValidUntil, "inspector " + id + " vettingValidUntil");
        Checks.required(commitmentValidUntil, "inspector " + id + " commitmentValidUntil");
    }

    public InspectorCandidate(String id, String agencyId, Set<String> skills, List<Employment> employment,
            Set<String> declaredConflicts, LocalDate vettingValidUntil, LocalDate commitmentValidUntil) {
        this(id, agencyId, new TreeSet<>(Checks.codes(skills, "inspector " + id + " skills")), employment,
                new TreeSet<>(Checks.codes(declaredConflicts, "inspector " + id + " declaredConflicts")),
                vettingValidUntil, commitmentValidUntil);
    }

    /** A declared conflict with the operator {@code operatorId}, as the snapshot holds it. */
    public static String operatorConflict(String operatorId) {
        return OPERATOR_CONFLICT + operatorId;
    }

    /** A declared conflict with the one target {@code targetId}, as the snapshot holds it. */
    public static String targetConflict(String targetId) {
        return TARGET_CONFLICT + targetId;
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
