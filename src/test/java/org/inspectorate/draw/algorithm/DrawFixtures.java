package org.inspectorate.draw.algorithm;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Static factories for draw inputs; every value is fixed so that every test is deterministic. */
final class DrawFixtures {

    static final LocalDate DRAW_DATE = LocalDate.of(2026, 11, 25);
    static final LocalDate VALID = DRAW_DATE.plusYears(1);
    static final String LEADER = "TEAM_LEADER";
    static final String PEN = "PENETRATION_TESTING";
    static final String CODE = "CODE_REVIEW";

    private DrawFixtures() {
    }

    /** A fixed seed per number: SHA-256 of "seed-n". */
    static DrawSeed seed(int n) {
        return DrawSeed.of(CanonicalJson.sha256(("seed-" + n).getBytes(StandardCharsets.UTF_8)));
    }

    static TargetCandidate target(String id, String operatorId, String type, String province) {
        return new TargetCandidate(id, operatorId, type, province, "PUBLIC_NETWORK", "3.1", null);
    }

    static TargetCandidate target(String id) {
        return target(id, "op-" + id, "VALUE_ADDED_TELECOM", "44");
    }

    /** Targets t00 … t(n-1), each run by its own operator op-tNN. */
    static List<TargetCandidate> targets(int n) {
        List<TargetCandidate> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            list.add(target(String.format("t%02d", i)));
        }
        return list;
    }

    static InspectorCandidate inspector(String id, String agency, String... skills) {
        return new InspectorCandidate(id, agency, Set.of(skills), List.of(), Set.of(), VALID, VALID);
    }

    static InspectorCandidate inspector(String id, String agency, List<InspectorCandidate.Employment> employment,
            Set<String> declared, LocalDate vetting, LocalDate commitment, String... skills) {
        return new InspectorCandidate(id, agency, Set.of(skills), employment, declared, vetting, commitment);
    }

    /** Inspectors i00 … i(n-1) spread over {@code agencies} agencies, all leaders with both skills. */
    static List<InspectorCandidate> inspectors(int n, int agencies) {
        List<InspectorCandidate> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            list.add(inspector(String.format("i%02d", i), "ag-" + (i % agencies), LEADER, PEN, CODE));
        }
        return list;
    }

    static DrawRules rules(int sampleSize, int teamSize, List<Quota> quotas, Set<String> skills, int perAgency) {
        return new DrawRules("test-rules", 1, sampleSize, quotas, teamSize, skills, LEADER, perAgency, 3, 12);
    }

    static DrawRules rules(int sampleSize) {
        return rules(sampleSize, 2, List.of(), Set.of(), 1000);
    }

    static PoolSnapshot snapshot(List<TargetCandidate> targets, List<InspectorCandidate> inspectors,
            List<AgencyRelation> relations) {
        return new PoolSnapshot(targets, inspectors, relations);
    }

    static DrawResult draw(PoolSnapshot snapshot, DrawRules rules, DrawSeed seed, List<String> witness) {
        DrawCommitment commitment = DrawCommitment.of(seed, snapshot, rules, DRAW_DATE);
        return DoubleRandomDraw.draw(snapshot, rules, commitment, seed, witness);
    }

    static DrawResult draw(PoolSnapshot snapshot, DrawRules rules, int seed) {
        return draw(snapshot, rules, seed(seed), List.of());
    }
}
