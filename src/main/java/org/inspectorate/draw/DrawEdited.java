package org.inspectorate.draw;

import org.inspectorate.system.AuditableEvent;

/** A DRAFT draw was edited. */
public record DrawEdited(long drawId, long rulesId) implements AuditableEvent {

    @Override
    public String action() {
        return "draw.updated";
    }

    @Override
    public String subject() {
        return "draw:" + drawId;
    }

    @Override
    public String detail() {
        return "rules=" + rulesId;
    }
}
