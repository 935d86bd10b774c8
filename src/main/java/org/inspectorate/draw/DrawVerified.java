package org.inspectorate.draw;

import org.inspectorate.system.AuditableEvent;

/** A draw's current round was recomputed from its stored inputs: MATCH or MISMATCH. */
public record DrawVerified(long drawId, boolean matches) implements AuditableEvent {

    @Override
    public String action() {
        return "draw.verified";
    }

    @Override
    public String subject() {
        return "draw:" + drawId;
    }

    @Override
    public String detail() {
        return matches ? "MATCH" : "MISMATCH";
    }
}
