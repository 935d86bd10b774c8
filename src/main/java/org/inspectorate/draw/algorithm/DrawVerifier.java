package org.inspectorate.draw.algorithm;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Re-runs a published draw from its inputs and compares it with the claimed result (anyone may do this,
 * with this class, with {@link VerifyDrawCli}, or with an implementation of docs/draw-algorithm.md).
 */
public final class DrawVerifier {

    private DrawVerifier() {
    }

    public static Verification verify(PublishedDraw draw) {
        // Hashing the snapshot and recomputing the selection need not wait for each other: on another core if one is free.
        CompletableFuture<List<String>> commitment = CompletableFuture.supplyAsync(
                () -> draw.commitment().mismatches(draw.seed(), draw.snapshot(), draw.rules()));
        List<String> reasons = new ArrayList<>();
        List<TeamAssignment> recomputed = List.of();
        try {
            recomputed = DoubleRandomDraw.select(draw.snapshot(), draw.rules(), draw.commitment().drawDate(),
                    draw.seed(), draw.witnessEntropy());
        } catch (DrawInfeasibleException e) {
            reasons.add("recomputing finds the draw infeasible, yet a result is claimed: " + e.getMessage());
        } catch (IllegalArgumentException e) {
            reasons.add("the draw cannot be recomputed: " + e.getMessage());
        }
        reasons.addAll(0, commitment.join());
        if (!recomputed.isEmpty() || reasons.isEmpty()) {
            compare(draw.result(), recomputed, reasons);
        }
        return new Verification(reasons.isEmpty(), reasons, recomputed);
    }

    private static void compare(List<TeamAssignment> claimed, List<TeamAssignment> recomputed, List<String> reasons) {
        for (int i = 0; i < Math.min(claimed.size(), recomputed.size()); i++) {
            TeamAssignment c = claimed.get(i);
            TeamAssignment r = recomputed.get(i);
            if (!c.equals(r)) {
                reasons.add("draw " + (i + 1) + " differs: claimed target " + c.targetId() + " with team " + c.team()
                        + ", recomputed target " + r.targetId() + " with team " + r.team() + " (leader first)");
                return;
            }
        }
        if (claimed.size() != recomputed.size()) {
            reasons.add("the claimed result has " + claimed.size() + " targets, the recomputed one " + recomputed.size());
        }
    }
}
