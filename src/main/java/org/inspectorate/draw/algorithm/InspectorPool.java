package org.inspectorate.draw.algorithm;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.inspectorate.draw.algorithm.DrawInfeasibleException.Shortfall;

/** The inspector pool prepared for the draw date: qualification, skills and conflicts. */
final class InspectorPool {

    private final DrawRules rules;
    private final List<InspectorCandidate> all;
    private final boolean[] qualified;
    private final boolean[] leader;
    private final int[] mask;
    private final int[] agency;
    private final int[] agencyUse;
    /**
     * Step 8a's exclusions turned around, so that a team is found without set look-ups per inspector: for an
     * operator id, the inspectors who may not inspect it (own or former employer within the look-back, a declared
     * {@code operator:} conflict, an agency that evaluated or advised it); for a target id, those who declared a
     * {@code target:} conflict with it.
     */
    private final Map<String, BitSet> excludedForOrganisation = new HashMap<>();
    private final Map<String, BitSet> excludedForTarget = new HashMap<>();
    private final List<String> skills;
    private final int full;

    InspectorPool(PoolSnapshot snapshot, DrawRules rules, LocalDate drawDate) {
        this.rules = rules;
        this.all = snapshot.inspectors();
        this.skills = List.copyOf(rules.requiredSkills());
        this.full = (1 << skills.size()) - 1;
        LocalDate boundary = drawDate.minusYears(rules.conflictLookbackYears());
        int m = all.size();
        qualified = new boolean[m];
        leader = new boolean[m];
        mask = new int[m];
        agency = new int[m];
        Map<String, BitSet> agencyMembers = new HashMap<>();
        Map<String, Integer> agencies = new HashMap<>();
        for (int i = 0; i < m; i++) {
            InspectorCandidate c = all.get(i);
            qualified[i] = c.qualifiedOn(drawDate);
            leader[i] = c.skills().contains(rules.leaderSkill());
            for (int s = 0; s < skills.size(); s++) {
                if (c.skills().contains(skills.get(s))) {
                    mask[i] |= 1 << s;
                }
            }
            agency[i] = agencies.computeIfAbsent(c.agencyId(), a -> agencies.size());
            Set<String> orgs = new HashSet<>();
            for (String declared : c.declaredConflicts()) { // typed: an operator's id never meets a target's
                if (declared.startsWith(InspectorCandidate.OPERATOR_CONFLICT)) {
                    orgs.add(declared.substring(InspectorCandidate.OPERATOR_CONFLICT.length()));
                } else {
                    excludedForTarget.computeIfAbsent(declared.substring(InspectorCandidate.TARGET_CONFLICT.length()),
                            t -> new BitSet(m)).set(i);
                }
            }
            for (InspectorCandidate.Employment e : c.employment()) {
                if (e.relevantSince(boundary)) {
                    orgs.add(e.organisationId());
                }
            }
            for (String organisation : orgs) {
                excludedForOrganisation.computeIfAbsent(organisation, o -> new BitSet(m)).set(i);
            }
            agencyMembers.computeIfAbsent(c.agencyId(), a -> new BitSet(m)).set(i);
        }
        agencyUse = new int[agencies.size()];
        for (AgencyRelation r : snapshot.relations()) {
            BitSet members = agencyMembers.get(r.agencyId());
            if (members != null && !r.date().isBefore(boundary)) {
                excludedForOrganisation.computeIfAbsent(r.organisationId(), o -> new BitSet(m)).or(members);
            }
        }
    }

    void checkPool(List<Shortfall> shortfalls) {
        int count = 0;
        int leaders = 0;
        int[] perSkill = new int[skills.size()];
        Set<Integer> agencies = new HashSet<>();
        for (int i = 0; i < all.size(); i++) {
            if (!qualified[i]) {
                continue;
            }
            count++;
            agencies.add(agency[i]);
            if (leader[i]) {
                leaders++;
            }
            for (int s = 0; s < skills.size(); s++) {
                if ((mask[i] & (1 << s)) != 0) {
                    perSkill[s]++;
                }
            }
        }
        String qualifiedNote = "inspectors vetted and under a valid confidentiality commitment on the draw date";
        if (count < rules.teamSize()) {
            shortfalls.add(new Shortfall("team size", rules.teamSize(), count, qualifiedNote));
        }
        if (leaders == 0) {
            shortfalls.add(new Shortfall("team leader (" + rules.leaderSkill() + ")", 1, 0, qualifiedNote));
        }
        for (int s = 0; s < skills.size(); s++) {
            if (perSkill[s] == 0) {
                shortfalls.add(new Shortfall("required skill " + skills.get(s), 1, 0, qualifiedNote));
            }
        }
        long capacity = (long) agencies.size() * rules.maxTargetsPerAgency();
        if (capacity < rules.sampleSize()) {
            shortfalls.add(new Shortfall("agency capacity", rules.sampleSize(), (int) capacity,
                    agencies.size() + " agencies with qualified inspectors, at most " + rules.maxTargetsPerAgency()
                            + " targets each"));
        }
    }

    /**
     * Step 8a's candidates for the target into {@code out} (their positions, in snapshot order); how many there are.
     * With {@code countUse} false an agency's use count is ignored (the capacity check before the commitment).
     */
    private int candidates(TargetCandidate target, boolean countUse, int[] out) {
        int c = 0;
        BitSet byOrganisation = excludedForOrganisation.get(target.operatorId());
        BitSet byTarget = excludedForTarget.get(target.id());
        for (int i = 0; i < all.size(); i++) {
            if (qualified[i] && (!countUse || agencyUse[agency[i]] < rules.maxTargetsPerAgency())
                    && (byOrganisation == null || !byOrganisation.get(i))
                    && (byTarget == null || !byTarget.get(i))) {
                out[c++] = i;
            }
        }
        return c;
    }

    /** Counts the first {@code c} candidates' skill masks ({@code maskCount}) and number ({@code perAgency}) per agency. */
    private void count(int[] candidates, int c, int[][] maskCount, int[] perAgency) {
        for (int k = 0; k < c; k++) {
            int a = agency[candidates[k]];
            if (maskCount[a] == null) {
                maskCount[a] = new int[full + 1];
            }
            maskCount[a][mask[candidates[k]]]++;
            perAgency[a]++;
        }
    }

    /**
     * Whether some agency could field a team for the target before any agency has been used: a qualified leader
     * without conflict whose agency has enough conflict-free colleagues to cover the required skills (§8b's test for
     * every leader). A target for which this fails makes every draw that picks it infeasible, whatever the seed.
     */
    boolean teamPossible(TargetCandidate target) {
        int[] candidates = new int[all.size()];
        int c = candidates(target, false, candidates);
        int[][] maskCount = new int[agencyUse.length][];
        int[] perAgency = new int[agencyUse.length];
        count(candidates, c, maskCount, perAgency);
        for (int k = 0; k < c; k++) {
            int x = candidates[k];
            if (!leader[x] || perAgency[agency[x]] - 1 < rules.teamSize() - 1) {
                continue;
            }
            int[] counts = maskCount[agency[x]];
            counts[mask[x]]--;
            boolean possible = DoubleRandomDraw.coverable(full & ~mask[x], counts, rules.teamSize() - 1);
            counts[mask[x]]++;
            if (possible) {
                return true;
            }
        }
        return false;
    }

    /** Step 8 for one target; {@code null} with a shortfall added when no team can be formed. */
    TeamAssignment team(TargetCandidate target, RandomStream random, List<Shortfall> shortfalls) {
        int[] candidates = new int[all.size()];
        int c = candidates(target, true, candidates);
        int teamSize = rules.teamSize();
        // Skill-mask counts of the candidates per agency: a team comes from one agency.
        int[][] maskCount = new int[agencyUse.length][];
        int[] perAgency = new int[agencyUse.length];
        count(candidates, c, maskCount, perAgency);
        int[] leaders = new int[c];
        int l = 0;
        for (int k = 0; k < c; k++) {
            if (leader[candidates[k]]) {
                leaders[l++] = candidates[k];
            }
        }
        // 8b: the leader, the first in random order whose agency can complete the team.
        int chosenLeader = -1;
        for (int k = 0; k < l && chosenLeader < 0; k++) {
            int j = k + random.uniform(l - k);
            int x = leaders[j];
            leaders[j] = leaders[k];
            leaders[k] = x;
            int[] counts = maskCount[agency[x]];
            counts[mask[x]]--;
            if (perAgency[agency[x]] - 1 >= teamSize - 1 && DoubleRandomDraw.coverable(full & ~mask[x], counts, teamSize - 1)) {
                chosenLeader = x;
            } else {
                counts[mask[x]]++;
            }
        }
        if (chosenLeader < 0) {
            shortfalls.add(teamShortfall(target, candidates, c, l));
            return null;
        }
        // 8c: the members from the leader's agency, in random order, each accepted if the team can still be
        // completed.
        int teamAgency = agency[chosenLeader];
        int[] counts = maskCount[teamAgency];
        int[] others = new int[perAgency[teamAgency] - 1];
        int o = 0;
        for (int k = 0; k < c; k++) {
            if (candidates[k] != chosenLeader && agency[candidates[k]] == teamAgency) {
                others[o++] = candidates[k];
            }
        }
        int missing = full & ~mask[chosenLeader];
        int remaining = teamSize - 1;
        int unvisited = o;
        List<String> members = new ArrayList<>(remaining);
        for (int k = 0; remaining > 0; k++) {
            if (k == o) {
                throw new IllegalStateException("team construction ran out of candidates for " + target.id());
            }
            int j = k + random.uniform(o - k);
            int x = others[j];
            others[j] = others[k];
            others[k] = x;
            counts[mask[x]]--;
            unvisited--;
            if (unvisited >= remaining - 1 && DoubleRandomDraw.coverable(missing & ~mask[x], counts, remaining - 1)) {
                members.add(all.get(x).id());
                missing &= ~mask[x];
                remaining--;
            }
        }
        agencyUse[teamAgency]++;
        return new TeamAssignment(target.id(), all.get(chosenLeader).id(), members);
    }

    private Shortfall teamShortfall(TargetCandidate target, int[] candidates, int c, int leaders) {
        String what = "team for target " + target.id();
        String note = "inspectors qualified on the draw date, without conflict with " + target.operatorId()
                + " or " + target.id() + ", from agencies below " + rules.maxTargetsPerAgency() + " targets";
        if (c < rules.teamSize()) {
            return new Shortfall(what, rules.teamSize(), c, note);
        }
        if (leaders == 0) {
            return new Shortfall(what + ": leader (" + rules.leaderSkill() + ")", 1, 0, note);
        }
        for (int s = 0; s < skills.size(); s++) {
            int have = 0;
            for (int k = 0; k < c; k++) {
                if ((mask[candidates[k]] & (1 << s)) != 0) {
                    have++;
                }
            }
            if (have == 0) {
                return new Shortfall(what + ": skill " + skills.get(s), 1, 0, note);
            }
        }
        return new Shortfall(what, rules.teamSize(), c, "no agency can field a team of " + rules.teamSize()
                + " with one leader covering " + skills + " among " + c + " " + note);
    }
}
