package org.inspectorate.draw.algorithm;

import static org.inspectorate.draw.algorithm.DrawFixtures.DRAW_DATE;
import static org.inspectorate.draw.algorithm.DrawFixtures.LEADER;
import static org.inspectorate.draw.algorithm.DrawFixtures.PEN;
import static org.inspectorate.draw.algorithm.DrawFixtures.VALID;
import static org.inspectorate.draw.algorithm.DrawFixtures.inspectors;
import static org.inspectorate.draw.algorithm.DrawFixtures.rules;
import static org.inspectorate.draw.algorithm.DrawFixtures.seed;
import static org.inspectorate.draw.algorithm.DrawFixtures.snapshot;
import static org.inspectorate.draw.algorithm.DrawFixtures.target;
import static org.inspectorate.draw.algorithm.DrawFixtures.targets;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Writes the conformance vectors of docs/draw-conformance (run its {@link #main} after a change of the format, then
 * commit the files; {@code DrawConformanceVectorsTest} checks that the committed files are exactly these). Each
 * invalid vector is a valid file with one documented edit.
 */
final class DrawConformanceVectorWriter {

    static final Path VECTORS = Path.of("docs/draw-conformance");

    private DrawConformanceVectorWriter() {
    }

    /** The honest draw of 12 targets and 8 inspectors in two agencies, drawn at its first run. */
    static PublishedDraw plain() {
        PoolSnapshot snapshot = snapshot(targets(12), inspectors(8, 2), List.of());
        DrawRules rules = rules(3, 2, List.of(), Set.of(PEN), 100);
        return DrawFixtures.draw(snapshot, rules, seed(5), List.of("witness: 17")).publish(snapshot, rules);
    }

    /**
     * A draw whose first attempt was infeasible at its second target: agency ag-2 evaluated op-a, so only ag-1 may
     * inspect t0, and each agency serves one target; an attempt that gives ag-1 to the first target drawn and draws
     * t0 second leaves t0 without a team. Inspector i5 of ag-3 (alone, so never on a team) declares typed conflicts.
     */
    static PublishedDraw withInfeasibleEarlierRound() {
        PoolSnapshot snapshot = snapshot(List.of(target("t0", "op-a", "VALUE_ADDED_TELECOM", "44"),
                target("t1", "op-b", "VALUE_ADDED_TELECOM", "44"), target("t2", "op-c", "VALUE_ADDED_TELECOM", "44")),
                List.of(DrawFixtures.inspector("i1", "ag-1", LEADER, PEN), DrawFixtures.inspector("i2", "ag-1", LEADER, PEN),
                        DrawFixtures.inspector("i3", "ag-2", LEADER, PEN), DrawFixtures.inspector("i4", "ag-2", LEADER, PEN),
                        DrawFixtures.inspector("i5", "ag-3", List.of(), Set.of("operator:op-b", "target:t1"), VALID,
                                VALID, LEADER, PEN)),
                List.of(new AgencyRelation("ag-2", "op-a", LocalDate.of(2025, 6, 1), "EVALUATED")));
        DrawRules rules = rules(2, 2, List.of(), Set.of(PEN), 1);
        for (int s = 0; s < 1000; s++) {
            DrawSeed first = seed(100 + s);
            List<String> witness = List.of("witness: " + s);
            try {
                DoubleRandomDraw.select(snapshot, rules, DRAW_DATE, first, witness);
            } catch (DrawInfeasibleException e) {
                EarlierRound earlier = EarlierRound.infeasible(1, DrawCommitment.of(first, snapshot, rules, DRAW_DATE),
                        first, witness, e.infeasibleAt());
                for (int t = 0; ; t++) {
                    DrawSeed second = seed(2000 + t);
                    try {
                        DrawResult r = DrawFixtures.draw(snapshot, rules, second, List.of("witness: again"));
                        return new PublishedDraw(snapshot, rules, r.commitment(), second, r.witnessEntropy(),
                                r.assignments(), List.of(earlier));
                    } catch (DrawInfeasibleException again) {
                        // another seed for the second round
                    }
                }
            }
        }
        throw new IllegalStateException("no infeasible first attempt found");
    }

    /** Every vector: file name → bytes, valid ones first. */
    static Map<String, byte[]> vectors() {
        Map<String, byte[]> out = new LinkedHashMap<>();
        String plain = plain().toJson();
        PublishedDraw rounds = withInfeasibleEarlierRound();
        String withRounds = rounds.toJson();
        out.put("valid-match.json", bytes(plain));
        out.put("valid-earlier-infeasible-round.json", bytes(withRounds));
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] plainBytes = bytes(plain);
        byte[] withBom = new byte[plainBytes.length + 3];
        System.arraycopy(bom, 0, withBom, 0, 3);
        System.arraycopy(plainBytes, 0, withBom, 3, plainBytes.length);
        out.put("invalid-bom.json", withBom);
        out.put("invalid-white-space.json", bytes(plain.replaceFirst(",", ", ")));
        String hex = plain().seed().hex();
        out.put("invalid-upper-case-seed.json", bytes(edit(plain, "\"" + hex + "\"",
                "\"" + hex.toUpperCase(Locale.ROOT) + "\"")));
        PoolSnapshot snapshot = plain().snapshot();
        String a = CanonicalJson.write(snapshot.targets().get(0).canonical());
        String b = CanonicalJson.write(snapshot.targets().get(1).canonical());
        out.put("invalid-targets-out-of-order.json", bytes(edit(plain, a + "," + b, b + "," + a)));
        out.put("invalid-unknown-member.json", bytes(edit(plain, "\"format\":\"inspectorate-published-draw-v2\",",
                "\"format\":\"inspectorate-published-draw-v2\",\"note\":\"x\",")));
        out.put("invalid-changed-seed.json", bytes(edit(plain, hex, seed(6).hex())));
        TeamAssignment first = plain().result().get(0);
        out.put("invalid-tampered-result.json", bytes(edit(plain,
                CanonicalJson.write(first.canonical()), CanonicalJson.write(new TeamAssignment(first.targetId(),
                        first.memberIds().get(0), List.of(first.leaderId())).canonical()))));
        int at = rounds.earlierRounds().get(0).infeasibleAt();
        out.put("invalid-earlier-round-infeasible-at.json", bytes(edit(withRounds, "\"infeasibleAt\":" + at,
                "\"infeasibleAt\":" + (at == 1 ? 2 : 1))));
        out.put("invalid-earlier-round-left-out.json", bytes(new PublishedDraw(rounds.snapshot(), rounds.rules(),
                rounds.commitment(), rounds.seed(), rounds.witnessEntropy(), rounds.result()).toJson()
                .replace("\"earlierRounds\":[],", "")));
        out.put("invalid-untyped-conflict.json", bytes(edit(withRounds, "\"operator:op-b\"", "\"op-b\"")));
        return out;
    }

    private static String edit(String json, String from, String to) {
        if (!json.contains(from)) {
            throw new IllegalStateException("nothing to edit: " + from);
        }
        return json.replace(from, to);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    public static void main(String[] args) throws IOException {
        for (Map.Entry<String, byte[]> v : vectors().entrySet()) {
            Files.write(VECTORS.resolve(v.getKey()), v.getValue());
        }
    }
}
