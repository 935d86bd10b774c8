package org.inspectorate.organisation;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

import org.inspectorate.support.Codes;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

/** Organisations, accounts and actors for tests, written straight to the database. */
public final class OrganisationFixtures {

    private OrganisationFixtures() {
    }

    static long organisation(OrganisationRepository repository, OrganisationType type, Province province, Long parentId) {
        String licence = type.licenceRequired() ? Codes.licence(province == null ? null : province.abbreviation()) : null;
        return repository.insert(new Organisations.ValidOrganisation(type, type.name() + " " + Codes.username("org"),
                CreditCode.parse(Codes.creditCode(province == null ? "110000" : province.code())), province,
                licence == null ? null : new LicenceNumber(licence), parentId, null, null), Instant.now());
    }

    static Actor actor(long organisationId, OrganisationType type, Province province, Role... roles) {
        return new Actor(-1, Codes.username("t"), organisationId, type, province, EnumSet.of(roles[0], roles));
    }

    /** An authentication as the web layer sees it, for MockMvc's {@code authentication(...)}. */
    static Authentication authentication(Actor actor) {
        AccountPrincipal principal = new AccountPrincipal(actor, actor.username(), null, true, null, Instant.now());
        return UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities());
    }

    static Set<Role> roles(Role... roles) {
        return EnumSet.of(roles[0], roles);
    }
}
