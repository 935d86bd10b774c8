package org.inspectorate.draw;

import java.util.List;

import org.inspectorate.draw.algorithm.CanonicalJson;
import org.inspectorate.system.AuditableEvent;

/**
 * A scheduled draw was run: the seed revealed (it is no secret any more) with the witness entropy, the round's result
 * stored.
 */
public record DrawRun(long drawId, int round, String seedHex, List<String> witnessEntropy, String resultDigest)
        implements AuditableEvent {

    public DrawRun {
        witnessEntropy = List.copyOf(witnessEntropy);
    }

    @Override
    public String action() {
        return "draw.drawn";
    }

    @Override
    public String subject() {
        return "draw:" + drawId;
    }

    @Override
    public String detail() {
        return "round=" + round + " seed=" + seedHex + " witness=" + CanonicalJson.write(witnessEntropy) + " result="
                + resultDigest;
    }
}
