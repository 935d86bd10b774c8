package org.inspectorate.draw;

import java.util.List;

import org.inspectorate.draw.algorithm.CanonicalJson;
import org.inspectorate.system.AuditableEvent;

/**
 * A run attempt found the draw infeasible (无法满足): its round is stored with the revealed seed, the witness entropy
 * and the position in draw order of the first target that got no team; nothing was drawn. The seed is spent, so a
 * new attempt needs a reason and another officer's approval, as a re-draw does.
 */
public record DrawRoundInfeasible(long drawId, int round, String seedHex, List<String> witnessEntropy,
        int infeasibleAt) implements AuditableEvent {

    public DrawRoundInfeasible {
        witnessEntropy = List.copyOf(witnessEntropy);
    }

    @Override
    public String action() {
        return "draw.infeasible";
    }

    @Override
    public String subject() {
        return "draw:" + drawId;
    }

    @Override
    public String detail() {
        return "round=" + round + " seed=" + seedHex + " witness=" + CanonicalJson.write(witnessEntropy)
                + " infeasibleAt=" + infeasibleAt;
    }

    @Override
    public Outcome outcome() {
        return Outcome.FAILURE;
    }
}
