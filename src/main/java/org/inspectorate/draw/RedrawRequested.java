package org.inspectorate.draw;

import org.inspectorate.system.AuditableEvent;

/** An officer asked for a re-draw (重新抽取) of the round in force, with a reason; another officer decides. */
public record RedrawRequested(long drawId, int round, String reason) implements AuditableEvent {

    @Override
    public String action() {
        return "draw.redraw.requested";
    }

    @Override
    public String subject() {
        return "draw:" + drawId;
    }

    @Override
    public String detail() {
        return "round=" + round + " reason=" + reason;
    }
}
