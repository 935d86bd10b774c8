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

    /**
     * The capacity check made before the commitment (docs/draw-algorithm.md §5a), without a seed: every shortfall of
     * §5's checks, and every eligible target for which no agency could field a team even if no agency had been used
     * yet. Empty when the draw can be committed; what is left to chance is then only §8's agency use.
     */
    public static List<Shortfall> capacity(PoolSnapshot snapshot, DrawRules rules, LocalDate drawDate) {
        Prepared p = prepare(snapshot, rules, drawDate);
        List<Shortfall> shortfalls = new ArrayList<>(p.shortfalls());
        List<TargetCandidate> targets = snapshot.targets();
        List<String> without = new ArrayList<>();
        for (int i = 0; i < targets.size(); i++) {
            if (p.eligible()[i] && !p.pool().teamPossible(targets.get(i))) {
                without.add(targets.get(i).id());
            }
        }
        if (!without.isEmpty()) {
            shortfalls.add(new Shortfall("teams for eligible targets", p.eligibleCount(),
                    p.eligibleCount() - without.size(), "no agency can field a team of " + rules.teamSize()
                            + " without conflicts for " + (without.size() <= 10 ? without
                            : without.subList(0, 10) + " and " + (without.size() - 10) + " more")));
        }
        return shortfalls;
    }

    /** What steps 3–5 find before anything is drawn: eligibility, the strata, the inspector pool and the shortfalls. */
    private record Prepared(boolean[] eligible, int eligibleCount, List<TreeMap<List<String>, int[]>> strata,
            InspectorPool pool, List<Shortfall> shortfalls) {
    }

    /** The selection itself (steps 3–8 of docs/draw-algorithm.md). */
    public static List<TeamAssignment> select(PoolSnapshot snapshot, DrawRules rules, LocalDate drawDate, DrawSeed seed,
            List<String> witnessEntropy) {
        checkWitnessEntropy(witnessEntropy);
        Prepared p = prepare(snapshot, rules, drawDate);
        if (!p.shortfalls().isEmpty()) {
            throw new DrawInfeasibleException(p.shortfalls());
        }
        RandomStream random = new RandomStream(seed.bytes(), witnessEntropy);
        List<TargetCandidate> targets = snapshot.targets();
        int n = targets.size();
        boolean[] eligible = p.eligible();
        int eligibleCount = p.eligibleCount();
        List<TreeMap<List<String>, int[]>> strata = p.strata();
        InspectorPool pool = p.pool();
        List<Shortfall> shortfalls = new ArrayList<>();

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
        int infeasibleAt = 0;
        for (int k = 0; k < order.size(); k++) {
            TeamAssignment team = pool.team(targets.get(order.get(k)), random, shortfalls);
            if (team != null) {
                assignments.add(team);
            } else if (infeasibleAt == 0) {
                infeasibleAt = k + 1;
            }
        }
        if (!shortfalls.isEmpty()) {
            throw new DrawInfeasibleException(shortfalls, infeasibleAt);
        }
        return assignments;
    }

    private static Prepared prepare(PoolSnapshot snapshot, DrawRules rules, LocalDate drawDate) {
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
        InspectorPool pool = new InspectorPool(snapshot, rules, drawDate);
        pool.checkPool(shortfalls);
        return new Prepared(eligible, eligibleCount, strata, pool, shortfalls);

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
