package org.inspectorate.draw.algorithm;

import java.util.List;

/**
 * The verdict on a published draw: it matches when the seed, snapshot and rules match the commitment and
 * recomputing the draw gives exactly the claimed result; otherwise every reason found.
 *
 * @param recomputed the result recomputed from the published inputs, empty when it could not be computed
 */
public record Verification(boolean matches, List<String> reasons, List<TeamAssignment> recomputed) {

    public Verification {
        reasons = List.copyOf(reasons);
        recomputed = List.copyOf(recomputed);
        if (matches != reasons.isEmpty()) {
            throw new IllegalArgumentException("a mismatch has reasons, a match has none");
        }
    }
}
