package org.inspectorate.draw;

import org.inspectorate.system.AuditableEvent;

/** Running a draw was refused because the revealed seed, snapshot or rules do not match the commitment. */
public record DrawRevealRefused(long drawId, String reason) implements AuditableEvent {

    @Override
    public String action() {
        return "draw.reveal.refused";
    }

    @Override
    public String subject() {
        return "draw:" + drawId;
    }

    @Override
    public String detail() {
        return reason;
    }
}
