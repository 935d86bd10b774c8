package org.inspectorate.draw;

import java.time.Instant;
import java.util.List;

/**
 * One round of a draw, stored once: the commitment it ran under, the revealed seed, the witness entropy and the
 * assignments. A re-draw supersedes it with the reason, the officer who asked ({@code supersededBy}) and the
 * officer who approved it ({@code redrawApprovedBy}).
 */
public record DrawRound(long id, int roundNo, DrawCommitment commitment, String commitmentDigest, DrawSeed seed,
        List<String> witnessEntropy, List<TeamAssignment> assignments, String resultDigest, boolean superseded,
        String drawnBy, Instant drawnAt, String supersededReason, String supersededBy, Instant supersededAt,
        String redrawApprovedBy) {

    public DrawRound {
        witnessEntropy = List.copyOf(witnessEntropy);
        assignments = List.copyOf(assignments);
    }
}
