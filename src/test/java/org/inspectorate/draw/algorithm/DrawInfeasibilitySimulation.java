package org.inspectorate.draw.algorithm;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Simulation (not a test): how often a draw that passed the capacity check before its commitment
 * ({@link DoubleRandomDraw#capacity}) is still infeasible for its seed. For each scenario it generates pools from a
 * fixed random seed, keeps those the check lets through, and runs each under many seeds, counting the infeasible
 * runs. Run as docs/BENCHMARKS.md says; the figures are in docs/draw-governance.md.
 */
final class DrawInfeasibilitySimulation {

    static final LocalDate DRAW_DATE = LocalDate.of(2026, 11, 25);

    /** A kind of pool: its size, its agencies and how tight the rules are. */
    record Scenario(String name, int targets, int operators, int agencies, int perAgency, int sample,
            int maxTargetsPerAgency, int teamSize, double relationShare, double declaredShare) {
    }

    static final List<Scenario> SCENARIOS = List.of(
            new Scenario("provincial, capacity 1.5 × sample", 300, 120, 6, 6, 20, 5, 2, 0.10, 0.10),
            new Scenario("provincial, capacity 1.07 × sample", 300, 120, 6, 6, 28, 5, 2, 0.10, 0.10),
            new Scenario("provincial, capacity = sample", 300, 120, 6, 6, 30, 5, 2, 0.10, 0.10),
            new Scenario("many conflicts, capacity = sample", 300, 120, 6, 6, 30, 5, 2, 0.40, 0.30),
            new Scenario("national, capacity 1.2 × sample", 3000, 1000, 40, 8, 400, 12, 3, 0.10, 0.10));

    /** One generated pool: every operator has 1–5 units; agencies relate to a share of operators. */
    static PoolSnapshot pool(Scenario s, Random r) {
        List<TargetCandidate> targets = new ArrayList<>();
        for (int i = 0; i < s.targets(); i++) {
            targets.add(new TargetCandidate(String.format("t%05d", i), "op" + r.nextInt(s.operators()),
                    "VALUE_ADDED_TELECOM", "44", "WEB", "3.1", null));
        }
        List<InspectorCandidate> inspectors = new ArrayList<>();
        LocalDate valid = DRAW_DATE.plusYears(1);
        for (int a = 0; a < s.agencies(); a++) {
            for (int k = 0; k < s.perAgency(); k++) {
                Set<String> skills = new HashSet<>(Set.of("PENETRATION_TESTING"));
                if (k % 2 == 0) {
                    skills.add("TEAM_LEADER");
                }
                Set<String> declared = r.nextDouble() < s.declaredShare()
                        ? Set.of(InspectorCandidate.operatorConflict("op" + r.nextInt(s.operators()))) : Set.of();
                List<InspectorCandidate.Employment> employment = r.nextInt(5) == 0
                        ? List.of(new InspectorCandidate.Employment("op" + r.nextInt(s.operators()),
                                LocalDate.of(2018, 1, 1), LocalDate.of(2024, 1, 1)))
                        : List.of();
                inspectors.add(new InspectorCandidate(String.format("a%02di%02d", a, k), "ag" + a, skills, employment,
                        declared, valid, valid));
            }
        }
        List<AgencyRelation> relations = new ArrayList<>();
        for (int a = 0; a < s.agencies(); a++) {
            for (int o = 0; o < s.operators(); o++) {
                if (r.nextDouble() < s.relationShare()) {
                    relations.add(new AgencyRelation("ag" + a, "op" + o, LocalDate.of(2025, 3, 1), "EVALUATED"));
                }
            }
        }
        return new PoolSnapshot(targets, inspectors, relations);
    }

    static DrawRules rules(Scenario s) {
        return new DrawRules("simulation", 1, s.sample(), List.of(), s.teamSize(), Set.of("PENETRATION_TESTING"),
                "TEAM_LEADER", s.maxTargetsPerAgency(), 3, 0);
    }

    /** Runs the scenario: {@code pools} generated pools × {@code seeds} seeds each; prints and returns the counts. */
    static long[] run(Scenario s, int pools, int seeds) {
        Random r = new Random(20261208L + s.name().hashCode());
        DrawRules rules = rules(s);
        long refused = 0;
        long runs = 0;
        long infeasible = 0;
        for (int p = 0; p < pools; p++) {
            PoolSnapshot snapshot = pool(s, r);
            if (!DoubleRandomDraw.capacity(snapshot, rules, DRAW_DATE).isEmpty()) {
                refused++;
                continue;
            }
            for (int k = 0; k < seeds; k++) {
                DrawSeed seed = DrawSeed.of(CanonicalJson.sha256((p + "/" + k).getBytes(StandardCharsets.UTF_8)));
                runs++;
                try {
                    DoubleRandomDraw.select(snapshot, rules, DRAW_DATE, seed, List.of());
                } catch (DrawInfeasibleException e) {
                    infeasible++;
                }
            }
        }
        System.out.printf("%-38s pools %4d, refused before commitment %4d, runs %7d, infeasible %6d (%.3f %%)%n",
                s.name(), pools, refused, runs, infeasible, runs == 0 ? 0.0 : 100.0 * infeasible / runs);
        return new long[] {refused, runs, infeasible};
    }

    public static void main(String[] args) {
        int pools = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int seeds = args.length > 1 ? Integer.parseInt(args[1]) : 500;
        for (Scenario s : SCENARIOS) {
            run(s, s.targets() > 1000 ? Math.max(1, pools / 4) : pools, s.targets() > 1000 ? Math.max(1, seeds / 5) : seeds);
        }
    }
}
