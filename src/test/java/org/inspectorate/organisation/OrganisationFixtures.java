package org.inspectorate.organisation;

import java.util.EnumSet;
import java.util.Set;

import org.inspectorate.support.Codes;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

/**
 * Organisations and actors for tests of any module, made through the module's public API with
 * valid, unique codes.
 */
public final class OrganisationFixtures {

    /** The system administrator that registers fixture organisations. */
    public static final Actor REGISTRAR = new Actor(0, "fixture-registrar", 0, OrganisationType.MINISTRY_BUREAU, null,
            Set.of(Role.SYSTEM_ADMIN));

    private OrganisationFixtures() {
    }

    /** Registers an organisation of {@code type}; {@code parentId} only for provincial and specialised companies. */
    public static Organisation organisation(Organisations organisations, OrganisationType type, Province province,
            Long parentId) {
        String licence = type.licenceRequired() ? Codes.licence(province == null ? null : province.abbreviation()) : null;
        return organisations.register(REGISTRAR, new OrganisationInput(type.name(),
                type.name() + " " + Codes.username("org"), Codes.creditCode(province == null ? "110000" : province.code()),
                province == null ? null : province.code(), licence, parentId, null, null));
    }

    /** An actor of the organisation with the given roles (no account behind it). */
    public static Actor actor(Organisation organisation, Role... roles) {
        return new Actor(-1, Codes.username("t"), organisation.id(), organisation.type(), organisation.province(),
                EnumSet.of(roles[0], roles));
    }

    /** An authentication as the web layer sees it, for MockMvc's {@code authentication(...)}. */
    public static Authentication authentication(Actor actor) {
        AccountPrincipal principal = new AccountPrincipal(actor, actor.username(), null, true);
        return UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities());
    }
}
