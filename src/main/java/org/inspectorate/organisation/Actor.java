package org.inspectorate.organisation;

import java.util.Set;

/**
 * The signed-in user as other modules see them: who, of which organisation, with which roles and
 * jurisdiction. Controllers receive it as a method parameter.
 */
public record Actor(long userId, String username, long organisationId, OrganisationType organisationType,
        Province province, Set<Role> roles) implements java.io.Serializable {

    public Actor {
        roles = Set.copyOf(roles);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /**
     * The data this user may see by their roles. Regulators' officers see their area; operators
     * their organisation tree; administrators, inspectors and other departments nothing by default.
     */
    public Jurisdiction jurisdiction() {
        if (has(Role.MINISTRY_OFFICER)) {
            return new Jurisdiction.Nationwide();
        }
        if (has(Role.PROVINCIAL_OFFICER) && province != null) {
            return new Jurisdiction.InProvince(province);
        }
        if (has(Role.OPERATOR_ADMIN) || has(Role.OPERATOR_STAFF)) {
            return new Jurisdiction.OrganisationTree(organisationId);
        }
        return new Jurisdiction.Nothing();
    }
}
