package org.inspectorate.draw;

import java.time.LocalDate;

import org.inspectorate.system.AuditableEvent;

/** An officer prepared a draw as a DRAFT. */
public record DrawPrepared(long drawId, long rulesId, LocalDate drawDate) implements AuditableEvent {

    @Override
    public String action() {
        return "draw.prepared";
    }

    @Override
    public String subject() {
        return "draw:" + drawId;
    }

    @Override
    public String detail() {
        return "rules=" + rulesId + " drawDate=" + drawDate;
    }
}
