package org.inspectorate.organisation;

import java.util.List;

/**
 * What an administrator may do to one account, so that pages offer only what the service will
 * accept: change its roles (to one of {@code grantableRoles}), enable or disable it, reset its second factor.
 */
public record AccountPermissions(boolean changeRoles, boolean changeEnabled, boolean resetMfa,
        List<Role> grantableRoles) {

    public AccountPermissions {
        grantableRoles = List.copyOf(grantableRoles);
    }
}
