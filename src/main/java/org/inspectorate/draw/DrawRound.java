package org.inspectorate.draw;

import java.time.Instant;
import java.util.List;

import org.inspectorate.draw.algorithm.DrawCommitment;
import org.inspectorate.draw.algorithm.DrawSeed;
import org.inspectorate.draw.algorithm.TeamAssignment;

/**
 * One round of a draw, stored once: the commitment it ran under, the revealed seed, the witness entropy and the
 * assignments. A re-draw supersedes it with the reason, the officer who asked ({@code supersededBy}) and the
 * officer who approved it ({@code redrawApprovedBy}).
 *
 * @param assignments  the drawn targets with their teams that the reader may see ({@link ResultReach}): all of them
 *                     for whoever manages the draw and for verification, else those under the reader's authority
 *                     or on their team, in draw order
 * @param drawnTargets how many targets the round drew in all, whatever the reader sees
 */
public record DrawRound(long id, int roundNo, DrawCommitment commitment, String commitmentDigest, DrawSeed seed,
        List<String> witnessEntropy, List<TeamAssignment> assignments, int drawnTargets, String resultDigest,
        boolean superseded, String drawnBy, Instant drawnAt, String supersededReason, String supersededBy,
        Instant supersededAt, String redrawApprovedBy) {

    public DrawRound {
        witnessEntropy = List.copyOf(witnessEntropy);
        assignments = List.copyOf(assignments);
    }
}
