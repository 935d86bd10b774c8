package org.inspectorate.organisation;

import java.util.Set;

/**
 * An account made by the application itself (installation, demo data) rather than by an
 * administrator: with its roles, which must still satisfy {@link RoleGrantPolicy}.
 */
public record AccountProvisioning(String username, String displayName, long organisationId, String password,
        Set<Role> roles, boolean mustChangePassword) {

    public AccountProvisioning {
        roles = Set.copyOf(roles);
    }

    @Override
    public String toString() {
        return "AccountProvisioning[" + username + ", " + organisationId + ", " + roles + "]";
    }
}
