package org.inspectorate.draw;

import java.time.Instant;
import java.util.List;

import org.inspectorate.draw.algorithm.DrawCommitment;
import org.inspectorate.draw.algorithm.DrawSeed;
import org.inspectorate.draw.algorithm.TeamAssignment;

/**
 * One round of a draw — every run attempt — stored once: the commitment it ran under, the revealed seed, the witness
 * entropy and the assignments. A re-draw supersedes it with the reason, the officer who asked ({@code supersededBy})
 * and the officer who approved it ({@code redrawApprovedBy}). An infeasible attempt drew nothing; a new attempt after
 * it records the same three on it.
 *
 * @param assignments  the drawn targets with their teams that the reader may see ({@link ResultReach}): all of them
 *                     for whoever manages the draw and for verification, else those under the reader's authority
 *                     or on their team, in draw order
 * @param drawnTargets how many targets the round drew in all, whatever the reader sees
 * @param infeasibleAt for an infeasible attempt, the position in draw order of the first target left without a team;
 *                     {@code null} for a round that drew
 * @param shortfalls   for an infeasible attempt, every shortfall found; {@code null} otherwise
 */
public record DrawRound(long id, int roundNo, DrawCommitment commitment, String commitmentDigest, DrawSeed seed,
        List<String> witnessEntropy, List<TeamAssignment> assignments, int drawnTargets, String resultDigest,
        boolean superseded, String drawnBy, Instant drawnAt, String supersededReason, String supersededBy,
        Instant supersededAt, String redrawApprovedBy, Integer infeasibleAt, String shortfalls) {

    public DrawRound {
        witnessEntropy = List.copyOf(witnessEntropy);
        assignments = List.copyOf(assignments);
    }

    /** Whether this attempt found the draw infeasible (nothing drawn, its seed spent). */
    public boolean infeasible() {
        return infeasibleAt != null;
    }
}
