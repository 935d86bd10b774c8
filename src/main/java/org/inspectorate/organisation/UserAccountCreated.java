package org.inspectorate.organisation;

import java.util.Set;
import java.util.TreeSet;

import org.inspectorate.system.AuditableEvent;

/** An administrator created an account (or the application provisioned one). */
public record UserAccountCreated(long userId, String username, long organisationId, Set<Role> roles,
        boolean provisioned) implements AuditableEvent {

    public UserAccountCreated {
        roles = Set.copyOf(roles);
    }

    @Override
    public String action() {
        return provisioned ? "user.provisioned" : "user.created";
    }

    @Override
    public String subject() {
        return "user:" + username;
    }

    @Override
    public String detail() {
        return "id=" + userId + " organisation=" + organisationId + " roles=" + new TreeSet<>(roles);
    }
}
