package org.inspectorate.organisation;

import java.util.Set;
import java.util.TreeSet;

import org.inspectorate.system.AuditableEvent;

/** The security administrator granted or revoked roles of an account. */
public record UserRolesChanged(long userId, String username, Set<Role> before, Set<Role> after)
        implements AuditableEvent {

    public UserRolesChanged {
        before = Set.copyOf(before);
        after = Set.copyOf(after);
    }

    @Override
    public String action() {
        return "user.roles.changed";
    }

    @Override
    public String subject() {
        return "user:" + username;
    }

    @Override
    public String detail() {
        return "id=" + userId + " from=" + new TreeSet<>(before) + " to=" + new TreeSet<>(after);
    }
}
