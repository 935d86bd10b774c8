package org.inspectorate.draw;

import org.inspectorate.system.AuditableEvent;

/** A new version of a set of draw rules (细则) was stored. */
public record DrawRulesSaved(String name, int version, String hash) implements AuditableEvent {

    @Override
    public String action() {
        return "draw.rules.saved";
    }

    @Override
    public String subject() {
        return "draw-rules:" + name + "/v" + version;
    }

    @Override
    public String detail() {
        return "sha256=" + hash;
    }
}
