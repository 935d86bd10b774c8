package org.inspectorate.organisation;

import java.util.List;

/**
 * What an administrator may do to one account, so that pages offer only what the service will
 * accept: change its roles (to one of {@code grantableRoles}), enable or disable it.
 */
public record AccountPermissions(boolean changeRoles, boolean changeEnabled, List<Role> grantableRoles) {

    public AccountPermissions {
        grantableRoles = List.copyOf(grantableRoles);
    }
}
