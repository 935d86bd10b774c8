package org.inspectorate.draw.algorithm;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The detailed rules (细则) of a draw, versioned; their canonical JSON is hashed into the commitment.
 *
 * @param name                   rules name, e.g. {@code 2018-provincial-spot-check}
 * @param version                rules version, at least 1; a change is a new version
 * @param sampleSize             number of targets to draw
 * @param quotas                 minimums per stratum, satisfied in this order before the rest is drawn
 * @param teamSize               inspectors per team, leader included; at least two (DOMAIN: at least two per check)
 * @param requiredSkills         skills every team must cover between its members (at most 8)
 * @param leaderSkill            skill that qualifies an inspector to lead a team; each team has exactly one leader
 * @param maxTargetsPerAgency    an agency's inspectors serve on the teams of at most this many targets
 * @param conflictLookbackYears  former employers and agency relations within this many years are conflicts
 * @param recentInspectionMonths targets inspected within this many months are not eligible (0: no exclusion)
 */
public record DrawRules(String name, int version, int sampleSize, List<Quota> quotas, int teamSize,
        SortedSet<String> requiredSkills, String leaderSkill, int maxTargetsPerAgency, int conflictLookbackYears,
        int recentInspectionMonths) {

    static final String FORMAT = "inspectorate-rules-v1";
    static final int MAX_REQUIRED_SKILLS = 8;

    public DrawRules {
        Checks.code(name, "rules name");
        Checks.atLeast(version, 1, "rules version");
        Checks.atLeast(sampleSize, 1, "sampleSize");
        quotas = List.copyOf(Checks.required(quotas, "quotas"));
        Checks.atLeast(teamSize, 2, "teamSize");
        requiredSkills = Collections.unmodifiableSortedSet(new TreeSet<>(Checks.codes(requiredSkills, "requiredSkills")));
        if (requiredSkills.size() > MAX_REQUIRED_SKILLS) {
            throw new IllegalArgumentException("at most " + MAX_REQUIRED_SKILLS + " required skills, got "
                    + requiredSkills.size());
        }
        Checks.code(leaderSkill, "leaderSkill");
        Checks.atLeast(maxTargetsPerAgency, 1, "maxTargetsPerAgency");
        Checks.atLeast(conflictLookbackYears, 0, "conflictLookbackYears");
        Checks.atLeast(recentInspectionMonths, 0, "recentInspectionMonths");
        if (quotas.size() > 100) {
            throw new IllegalArgumentException("at most 100 quotas");
        }
    }

    public DrawRules(String name, int version, int sampleSize, List<Quota> quotas, int teamSize,
            Set<String> requiredSkills, String leaderSkill, int maxTargetsPerAgency, int conflictLookbackYears,
            int recentInspectionMonths) {
        this(name, version, sampleSize, quotas, teamSize, new TreeSet<>(Checks.codes(requiredSkills, "requiredSkills")),
                leaderSkill, maxTargetsPerAgency, conflictLookbackYears, recentInspectionMonths);
    }

    /** The canonical JSON text of the rules (see docs/draw-algorithm.md). */
    public String canonicalJson() {
        return CanonicalJson.write(canonical());
    }

    /** Lower-case hexadecimal SHA-256 of the canonical JSON's UTF-8 bytes. */
    public String hash() {
        return CanonicalJson.sha256Hex(canonical());
    }

    Map<String, Object> canonical() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format", FORMAT);
        m.put("name", name);
        m.put("version", version);
        m.put("sampleSize", sampleSize);
        m.put("quotas", quotas.stream().map(Quota::canonical).toList());
        m.put("teamSize", teamSize);
        m.put("requiredSkills", List.copyOf(requiredSkills));
        m.put("leaderSkill", leaderSkill);
        m.put("maxTargetsPerAgency", maxTargetsPerAgency);
        m.put("conflictLookbackYears", conflictLookbackYears);
        m.put("recentInspectionMonths", recentInspectionMonths);
        return m;
    }
}
