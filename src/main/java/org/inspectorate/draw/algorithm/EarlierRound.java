package org.inspectorate.draw.algorithm;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A round of the same draw run before the one a published file claims (历次抽取): its commitment, the revealed seed,
 * the witness entropy and what came of it. Every run attempt is published so that nobody can re-roll an outcome
 * unseen: an attempt found infeasible, or a result superseded by an approved re-draw, stays in the file and is
 * recomputed by the verifier like the current round (docs/draw-algorithm.md §9).
 *
 * @param round          the round's number, 1 for the first; earlier rounds come in order 1, 2, …
 * @param outcome        {@link Outcome#INFEASIBLE} or {@link Outcome#SUPERSEDED}
 * @param infeasibleAt   for an infeasible round, the position in draw order (1-based) of the first drawn target that
 *                       got no team ({@code 0}: a check before anything was drawn failed); {@code null} otherwise
 * @param result         a superseded round's assignments in draw order; empty for an infeasible one
 */
public record EarlierRound(int round, DrawCommitment commitment, DrawSeed seed, List<String> witnessEntropy,
        Outcome outcome, Integer infeasibleAt, List<TeamAssignment> result) {

    /** What came of an earlier round. */
    public enum Outcome {
        /** 无法满足: the seed and witness entropy left a drawn target without a team; nothing was drawn. */
        INFEASIBLE,
        /** 已被重新抽取取代: drawn, then superseded by a re-draw another officer approved. */
        SUPERSEDED
    }

    public EarlierRound {
        if (round < 1) {
            throw new IllegalArgumentException("round must be 1 or more, was " + round);
        }
        Checks.required(commitment, "commitment");
        Checks.required(seed, "seed");
        witnessEntropy = List.copyOf(Checks.required(witnessEntropy, "witnessEntropy"));
        Checks.required(outcome, "outcome");
        result = List.copyOf(Checks.required(result, "result"));
        if (outcome == Outcome.INFEASIBLE && (infeasibleAt == null || infeasibleAt < 0 || !result.isEmpty())) {
            throw new IllegalArgumentException("an INFEASIBLE round has infeasibleAt (0 or more) and an empty result");
        }
        if (outcome == Outcome.SUPERSEDED && (infeasibleAt != null || result.isEmpty())) {
            throw new IllegalArgumentException("a SUPERSEDED round has a result and infeasibleAt null");
        }
    }

    /** An infeasible attempt. */
    public static EarlierRound infeasible(int round, DrawCommitment commitment, DrawSeed seed, List<String> witness,
            int infeasibleAt) {
        return new EarlierRound(round, commitment, seed, witness, Outcome.INFEASIBLE, infeasibleAt, List.of());
    }

    /** A drawn round that an approved re-draw superseded. */
    public static EarlierRound superseded(int round, DrawCommitment commitment, DrawSeed seed, List<String> witness,
            List<TeamAssignment> result) {
        return new EarlierRound(round, commitment, seed, witness, Outcome.SUPERSEDED, null, result);
    }

    Map<String, Object> canonical() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("round", round);
        m.put("commitment", commitment.canonical());
        m.put("seed", seed.hex());
        m.put("witnessEntropy", witnessEntropy);
        m.put("outcome", outcome.name());
        m.put("infeasibleAt", infeasibleAt);
        m.put("result", result.stream().map(TeamAssignment::canonical).toList());
        return m;
    }
}
