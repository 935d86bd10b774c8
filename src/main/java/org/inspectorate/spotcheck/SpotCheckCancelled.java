package org.inspectorate.spotcheck;

import org.inspectorate.system.AuditableEvent;

/** The check was cancelled before it started, with a reason. */
public record SpotCheckCancelled(long spotCheckId, String reason) implements AuditableEvent {

    @Override
    public String action() {
        return "spotcheck.cancelled";
    }

    @Override
    public String subject() {
        return "spotcheck:" + spotCheckId;
    }

    @Override
    public String detail() {
        return reason;
    }
}
