package org.inspectorate.draw.algorithm;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.inspectorate.draw.algorithm.DrawInfeasibleException.Shortfall;

/**
 * The double-random draw (双随机) as a pure function of (snapshot, rules, draw date, seed, witness entropy):
 * targets by quota then at random, then for each drawn target a team of inspectors without conflicts.
 * Every step is specified in docs/draw-algorithm.md so that an outside party can re-implement it; change
 * nothing here without changing {@link #ALGORITHM} and that document.
 */
public final class DoubleRandomDraw {

    /** Name and version of this algorithm; also the domain-separation string of the key derivation. */
    public static final String ALGORITHM = RandomStream.DOMAIN;

    public static final int MAX_WITNESS_ENTRIES = 64;
    public static final int MAX_WITNESS_LENGTH = 1000;

    private DoubleRandomDraw() {
    }

    /**
     * Runs a committed draw at the reveal: refuses when the seed, snapshot or rules differ from the commitment.
     *
     * @throws CommitmentMismatchException when anything differs from the commitment
     * @throws DrawInfeasibleException     when the rules cannot be met; nothing is drawn
     */
    public static DrawResult draw(PoolSnapshot snapshot, DrawRules rules, DrawCommitment commitment, DrawSeed seed,
            List<String> witnessEntropy) {
        List<String> mismatches = commitment.mismatches(seed, snapshot, rules);
        if (!mismatches.isEmpty()) {
            throw new CommitmentMismatchException(mismatches);
        }
        return new DrawResult(commitment, seed, witnessEntropy,
                select(snapshot, rules, commitment.drawDate(), seed, witnessEntropy));
    }

    static void checkWitnessEntropy(List<String> witnessEntropy) {
        Checks.required(witnessEntropy, "witnessEntropy");
        if (witnessEntropy.size() > MAX_WITNESS_ENTRIES) {
            throw new IllegalArgumentException("at most " + MAX_WITNESS_ENTRIES + " witness entropy strings");
        }
        for (String w : witnessEntropy) {
            if (w == null || w.isEmpty() || w.length() > MAX_WITNESS_LENGTH) {
                throw new IllegalArgumentException("a witness entropy string has 1 to " + MAX_WITNESS_LENGTH
                        + " characters");
            }
        }
    }

    /** The selection itself (steps 3–8 of docs/draw-algorithm.md). */
    public static List<TeamAssignment> select(PoolSnapshot snapshot, DrawRules rules, LocalDate drawDate, DrawSeed seed,
            List<String> witnessEntropy) {
        checkWitnessEntropy(witnessEntropy);
        RandomStream random = new RandomStream(seed.bytes(), witnessEntropy);
        List<TargetCandidate> targets = snapshot.targets();
        int n = targets.size();
        List<Shortfall> shortfalls = new ArrayList<>();

        // Step 3: eligible targets.
        boolean[] eligible = new boolean[n];
        int eligibleCount = 0;
        LocalDate recentBoundary = drawDate.minusMonths(rules.recentInspectionMonths());
        for (int i = 0; i < n; i++) {
            LocalDate last = targets.get(i).lastInspected();
            eligible[i] = rules.recentInspectionMonths() == 0 || last == null || last.isBefore(recentBoundary);
            if (eligible[i]) {
                eligibleCount++;
            }
        }
        if (rules.sampleSize() > eligibleCount) {
            shortfalls.add(new Shortfall("sample", rules.sampleSize(), eligibleCount,
                    "eligible targets: " + n + " in the snapshot, " + (n - eligibleCount) + " inspected within "
                            + rules.recentInspectionMonths() + " months"));
        }

        // Step 4: strata of every quota, with their eligible members in snapshot order.
        List<TreeMap<List<String>, int[]>> strata = new ArrayList<>();
        long minimums = 0;
        for (int q = 0; q < rules.quotas().size(); q++) {
            Quota quota = rules.quotas().get(q);
            TreeMap<List<String>, List<Integer>> groups = new TreeMap<>(KEY_ORDER);
            for (int i = 0; i < n; i++) {
                TargetCandidate t = targets.get(i);
                if (!quota.matches(t)) {
                    continue;
                }
                List<String> key = stratumKey(quota, t);
                if (key == null) {
                    continue;
                }
                List<Integer> members = groups.computeIfAbsent(key, k -> new ArrayList<>());
                if (eligible[i]) {
                    members.add(i);
                }
            }
            TreeMap<List<String>, int[]> quotaStrata = new TreeMap<>(KEY_ORDER);
            for (Map.Entry<List<String>, List<Integer>> g : groups.entrySet()) {
                int[] members = g.getValue().stream().mapToInt(Integer::intValue).toArray();
                quotaStrata.put(g.getKey(), members);
                minimums += quota.atLeast();
                if (members.length < quota.atLeast()) {
                    shortfalls.add(new Shortfall(describe(q, quota, g.getKey()), quota.atLeast(), members.length,
                            "eligible targets in the stratum"));
                }
            }
            strata.add(quotaStrata);
        }
        if (minimums > rules.sampleSize()) {
            shortfalls.add(new Shortfall("sample size for the quotas", (int) Math.min(Integer.MAX_VALUE, minimums),
                    rules.sampleSize(), "the quota minimums of all strata add up to more than the sample size"));
        }

        // Step 5 (checks only): the inspector pool as a whole.
        Inspectors pool = new Inspectors(snapshot, rules, drawDate);
        pool.checkPool(shortfalls);
        if (!shortfalls.isEmpty()) {
            throw new DrawInfeasibleException(shortfalls);
        }

        // Step 6: quotas, stratum by stratum.
        boolean[] selected = new boolean[n];
        List<Integer> order = new ArrayList<>(rules.sampleSize());
        for (int q = 0; q < strata.size(); q++) {
            int atLeast = rules.quotas().get(q).atLeast();
            for (int[] members : strata.get(q).values()) {
                int already = 0;
                int free = 0;
                int[] candidates = new int[members.length];
                for (int i : members) {
                    if (selected[i]) {
                        already++;
                    } else {
                        candidates[free++] = i;
                    }
                }
                pick(candidates, free, Math.max(0, atLeast - already), random, selected, order);
            }
        }

        // Step 7: the rest of the sample from every eligible target not yet drawn.
        int[] rest = new int[eligibleCount];
        int free = 0;
        for (int i = 0; i < n; i++) {
            if (eligible[i] && !selected[i]) {
                rest[free++] = i;
            }
        }
        pick(rest, free, rules.sampleSize() - order.size(), random, selected, order);

        // Step 8: a team for every drawn target, in draw order.
        List<TeamAssignment> assignments = new ArrayList<>(order.size());
        for (int i : order) {
            TeamAssignment team = pool.team(targets.get(i), random, shortfalls);
            if (team != null) {
                assignments.add(team);
            }
        }
        if (!shortfalls.isEmpty()) {
            throw new DrawInfeasibleException(shortfalls);
        }
        return assignments;
    }

    /**
     * Partial forward Fisher–Yates: for i = 0 … k-1 swap a[i] with a[i + uniform(m - i)] and draw a[i].
     */
    private static void pick(int[] a, int m, int k, RandomStream random, boolean[] selected, List<Integer> order) {
        for (int i = 0; i < k; i++) {
            int j = i + random.uniform(m - i);
            int chosen = a[j];
            a[j] = a[i];
            a[i] = chosen;
            selected[chosen] = true;
            order.add(chosen);
        }
    }

    static final Comparator<List<String>> KEY_ORDER = (a, b) -> {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = a.get(i).compareTo(b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    };

    private static List<String> stratumKey(Quota quota, TargetCandidate t) {
        List<String> key = new ArrayList<>(quota.per().size());
        for (String field : quota.per()) {
            String v = t.field(field);
            if (v == null) {
                return null;
            }
            key.add(v);
        }
        return key;
    }

    private static String describe(int q, Quota quota, List<String> key) {
        StringBuilder s = new StringBuilder("quota ").append(q + 1).append(" (").append(quota.describe()).append(")");
        for (int i = 0; i < key.size(); i++) {
            s.append(i == 0 ? ", stratum " : ", ").append(quota.per().get(i)).append('=').append(key.get(i));
        }
        return s.toString();
    }

    /** The inspector pool prepared for the draw date: qualification, skills and conflicts. */
    private static final class Inspectors {

        private final DrawRules rules;
        private final List<InspectorCandidate> all;
        private final boolean[] qualified;
        private final boolean[] leader;
        private final int[] mask;
        private final int[] agency;
        private final int[] agencyUse;
        /**
         * Step 7's exclusions turned around, so that a team is found without set look-ups per inspector: for an
         * organisation id, the inspectors who may not inspect it (own or former employer within the look-back,
         * a declared conflict, an agency that evaluated or advised it); for a target id, those who declared it.
         */
        private final Map<String, BitSet> excludedForOrganisation = new HashMap<>();
        private final Map<String, BitSet> excludedForTarget = new HashMap<>();
        private final List<String> skills;
        private final int full;

        Inspectors(PoolSnapshot snapshot, DrawRules rules, LocalDate drawDate) {
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
                Set<String> orgs = new HashSet<>(c.declaredConflicts());
                for (InspectorCandidate.Employment e : c.employment()) {
                    if (e.relevantSince(boundary)) {
                        orgs.add(e.organisationId());
                    }
                }
                for (String organisation : orgs) {
                    excludedForOrganisation.computeIfAbsent(organisation, o -> new BitSet(m)).set(i);
                }
                for (String declared : c.declaredConflicts()) {
                    excludedForTarget.computeIfAbsent(declared, t -> new BitSet(m)).set(i);
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

        /** Step 8 for one target; {@code null} with a shortfall added when no team can be formed. */
        TeamAssignment team(TargetCandidate target, RandomStream random, List<Shortfall> shortfalls) {
            String organisation = target.operatorId();
            int[] candidates = new int[all.size()];
            int c = 0;
            BitSet byOrganisation = excludedForOrganisation.get(organisation);
            BitSet byTarget = excludedForTarget.get(target.id());
            for (int i = 0; i < all.size(); i++) {
                if (qualified[i] && agencyUse[agency[i]] < rules.maxTargetsPerAgency()
                        && (byOrganisation == null || !byOrganisation.get(i))
                        && (byTarget == null || !byTarget.get(i))) {
                    candidates[c++] = i;
                }
            }
            int teamSize = rules.teamSize();
            // Skill-mask counts of the candidates per agency: a team comes from one agency.
            int[][] maskCount = new int[agencyUse.length][];
            int[] perAgency = new int[agencyUse.length];
            int[] leaders = new int[c];
            int l = 0;
            for (int k = 0; k < c; k++) {
                int a = agency[candidates[k]];
                if (maskCount[a] == null) {
                    maskCount[a] = new int[full + 1];
                }
                maskCount[a][mask[candidates[k]]]++;
                perAgency[a]++;
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
                if (perAgency[agency[x]] - 1 >= teamSize - 1 && coverable(full & ~mask[x], counts, teamSize - 1)) {
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
                if (unvisited >= remaining - 1 && coverable(missing & ~mask[x], counts, remaining - 1)) {
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

    /**
     * Whether the skills in {@code need} can be covered by at most {@code limit} candidates whose skill masks
     * are counted in {@code maskCount} (breadth-first over covered-skill sets; at most 2^8 of them).
     */
    static boolean coverable(int need, int[] maskCount, int limit) {
        if (need == 0) {
            return true;
        }
        if (limit <= 0) {
            return false;
        }
        int[] useful = new int[maskCount.length];
        int u = 0;
        int union = 0;
        boolean[] seenMask = new boolean[maskCount.length];
        for (int m = 1; m < maskCount.length; m++) {
            int part = m & need;
            if (maskCount[m] > 0 && part != 0 && !seenMask[part]) {
                seenMask[part] = true;
                useful[u++] = part;
                union |= part;
            }
        }
        if ((union & need) != need) {
            return false;
        }
        boolean[] seen = new boolean[maskCount.length];
        int[] frontier = {0};
        int size = 1;
        seen[0] = true;
        for (int depth = 1; depth <= limit; depth++) {
            int[] next = new int[maskCount.length];
            int ns = 0;
            for (int f = 0; f < size; f++) {
                for (int k = 0; k < u; k++) {
                    int s = frontier[f] | useful[k];
                    if (s == need) {
                        return true;
                    }
                    if (!seen[s]) {
                        seen[s] = true;
                        next[ns++] = s;
                    }
                }
            }
            frontier = Arrays.copyOf(next, ns);
            size = ns;
        }
        return false;
    }
}
