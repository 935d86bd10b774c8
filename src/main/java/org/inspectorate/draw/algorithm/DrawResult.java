package org.inspectorate.draw.algorithm;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The outcome of a draw with everything needed to verify it: the commitment published beforehand, the
 * revealed seed, the witness entropy and the drawn targets in order, each with its team.
 * Together with the snapshot and rules it becomes a {@link PublishedDraw}.
 */
public record DrawResult(DrawCommitment commitment, DrawSeed seed, List<String> witnessEntropy,
        List<TeamAssignment> assignments) {

    public DrawResult {
        Checks.required(commitment, "commitment");
        Checks.required(seed, "seed");
        witnessEntropy = List.copyOf(Checks.required(witnessEntropy, "witnessEntropy"));
        assignments = List.copyOf(Checks.required(assignments, "assignments"));
    }

    /** Drawn target ids in draw order. */
    public List<String> targetIds() {
        return assignments.stream().map(TeamAssignment::targetId).toList();
    }

    /** Lower-case hexadecimal SHA-256 of the canonical JSON of the assignments: a short fingerprint of the result. */
    public String digest() {
        return digest(assignments);
    }

    static String digest(List<TeamAssignment> assignments) {
        return CanonicalJson.sha256Hex(assignments.stream().map(TeamAssignment::canonical).toList());
    }

    /** The file anyone can verify with {@link DrawVerifier} or {@link VerifyDrawCli}. */
    public PublishedDraw publish(PoolSnapshot snapshot, DrawRules rules) {
        return new PublishedDraw(snapshot, rules, commitment, seed, witnessEntropy, assignments);
    }

    Map<String, Object> canonical() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("assignments", assignments.stream().map(TeamAssignment::canonical).toList());
        return m;
    }
}
