package org.inspectorate.organisation;

import java.io.Serializable;
import java.util.Set;

/**
 * The signed-in user as other modules see them: who, of which organisation, with which roles and
 * jurisdiction. Controllers receive it as a method parameter.
 */
public record Actor(long userId, String username, long organisationId, OrganisationType organisationType,
        Province province, Set<Role> roles) implements Serializable {

    public Actor {
        roles = Set.copyOf(roles);
    }

    /**
     * The fully signed-in user of the current request, if any (for what a page shows beside its content, such as the
     * unread count in the navigation); controllers take the {@link Actor} as a parameter instead.
     */
    public static java.util.Optional<Actor> current() {
        try {
            return java.util.Optional.of(ActorArgumentResolver.currentActor());
        } catch (org.springframework.security.authentication.InsufficientAuthenticationException notSignedIn) {
            return java.util.Optional.empty();
        }
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** Whether the user is on an operator's security team (单位管理员 or 单位工作人员): they work on their own records. */
    public boolean operates() {
        return has(Role.OPERATOR_ADMIN) || has(Role.OPERATOR_STAFF);
    }

    /**
     * Whether the user is a regulator's officer with an area (部 or 省通信管理局): the Ministry's, or a provincial
     * officer with a province. A provincial account without a province regulates nothing.
     */
    public boolean regulates() {
        return has(Role.MINISTRY_OFFICER) || has(Role.PROVINCIAL_OFFICER) && province != null;
    }

    /** Whether the user sees the whole country (部网络安全管理局). */
    public boolean nationwide() {
        return has(Role.MINISTRY_OFFICER);
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
