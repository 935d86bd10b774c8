package org.inspectorate.draw;

import org.inspectorate.system.AuditableEvent;

/** The published draw file of a draw's current round was exported (downloaded). */
public record DrawExported(long drawId, String commitmentDigest) implements AuditableEvent {

    @Override
    public String action() {
        return "draw.result.exported";
    }

    @Override
    public String subject() {
        return "draw:" + drawId;
    }

    @Override
    public String detail() {
        return "commitment=" + commitmentDigest;
    }
}
