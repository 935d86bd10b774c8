package org.inspectorate.draw;

import org.inspectorate.system.AuditableEvent;

/** A scheduled draw was run: the seed revealed (it is no secret any more), the round's result stored. */
public record DrawRun(long drawId, int round, String seedHex, int witnesses, String resultDigest)
        implements AuditableEvent {

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
        return "round=" + round + " seed=" + seedHex + " witnesses=" + witnesses + " result=" + resultDigest;
    }
}
