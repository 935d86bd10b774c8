package org.inspectorate.organisation;

import org.inspectorate.system.AuditableEvent;

/** The system administrator enabled or disabled an account. */
public record UserEnabledChanged(long userId, String username, boolean enabled) implements AuditableEvent {

    @Override
    public String action() {
        return enabled ? "user.enabled" : "user.disabled";
    }

    @Override
    public String subject() {
        return "user:" + username;
    }

    @Override
    public String detail() {
        return "id=" + userId;
    }
}
