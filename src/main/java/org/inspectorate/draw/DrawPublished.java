package org.inspectorate.draw;

import org.inspectorate.system.AuditableEvent;

/** A drawn result was published (一公开) to the targets' authority and the assigned teams. */
public record DrawPublished(long drawId, String commitmentDigest) implements AuditableEvent {

    @Override
    public String action() {
        return "draw.published";
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
