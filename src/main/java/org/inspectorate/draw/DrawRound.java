package org.inspectorate.draw;

import java.time.Instant;
import java.util.List;

/**
 * One round of a draw, stored once: the commitment it ran under, the revealed seed, the witness entropy and the
 * assignments. A re-draw supersedes it with a recorded reason.
 */
public record DrawRound(long id, int roundNo, DrawCommitment commitment, String commitmentDigest, DrawSeed seed,
        List<String> witnessEntropy, List<TeamAssignment> assignments, String resultDigest, boolean superseded,
        String drawnBy, Instant drawnAt, String supersededReason, String supersededBy, Instant supersededAt) {

    public DrawRound {
        witnessEntropy = List.copyOf(witnessEntropy);
        assignments = List.copyOf(assignments);
    }
}
