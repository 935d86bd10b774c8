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
        for (EarlierRound e : draw.earlierRounds()) {
            verifyEarlier(draw, e, reasons);
        }
        return new Verification(reasons.isEmpty(), reasons, recomputed);
    }

    /**
     * An earlier round must have run under the same snapshot, rules and draw date, with a seed matching its own
     * commitment, and recompute to what it claims: infeasible at the same target, or the superseded result.
     */
    private static void verifyEarlier(PublishedDraw draw, EarlierRound e, List<String> reasons) {
        String round = "earlier round " + e.round() + ": ";
        e.commitment().mismatches(e.seed(), draw.snapshot(), draw.rules()).forEach(m -> reasons.add(round + m));
        if (!e.commitment().drawDate().equals(draw.commitment().drawDate())) {
            reasons.add(round + "its draw date " + e.commitment().drawDate() + " is not the draw's "
                    + draw.commitment().drawDate());
        }
        List<TeamAssignment> again;
        try {
            again = DoubleRandomDraw.select(draw.snapshot(), draw.rules(), e.commitment().drawDate(), e.seed(),
                    e.witnessEntropy());
        } catch (DrawInfeasibleException x) {
            if (e.outcome() != EarlierRound.Outcome.INFEASIBLE) {
                reasons.add(round + "recomputing finds it infeasible, yet a result is claimed: " + x.getMessage());
            } else if (x.infeasibleAt() != e.infeasibleAt()) {
                reasons.add(round + "claimed infeasible at target " + e.infeasibleAt() + ", recomputed at target "
                        + x.infeasibleAt());
            }
            return;
        } catch (IllegalArgumentException x) {
            reasons.add(round + "cannot be recomputed: " + x.getMessage());
            return;
        }
        if (e.outcome() == EarlierRound.Outcome.INFEASIBLE) {
            reasons.add(round + "claimed infeasible at target " + e.infeasibleAt() + ", yet recomputing draws "
                    + again.size() + " targets with teams");
            return;
        }
        List<String> differences = new ArrayList<>();
        compare(e.result(), again, differences);
        differences.forEach(d -> reasons.add(round + d));
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
