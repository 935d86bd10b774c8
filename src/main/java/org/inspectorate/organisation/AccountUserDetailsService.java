package org.inspectorate.organisation;


import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loads an account for sign-in, with the organisation facts its jurisdiction needs. The name may be a
 * licence number standing for an account ({@link SignInNames}).
 */
@Component
class AccountUserDetailsService implements UserDetailsService {

    private final UserAccountRepository users;
    private final OrganisationRepository organisations;
    private final SignInNames names;

    AccountUserDetailsService(UserAccountRepository users, OrganisationRepository organisations, SignInNames names) {
        this.users = users;
        this.organisations = organisations;
        this.names = names;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String username) {
        // a username, or a value-added operator's licence number standing for its admin account
        UserAccountRepository.Credentials c = names.resolve(username).flatMap(users::findByUsername)
                .orElseThrow(() -> new UsernameNotFoundException("no such account"));
        return principal(c);
    }

    AccountPrincipal principal(UserAccountRepository.Credentials c) {
        Organisation org = organisations.findUnscoped(c.organisationId()).orElseThrow();
        Actor actor = new Actor(c.id(), c.username(), org.id(), org.type(), org.province(), c.roles());
        return new AccountPrincipal(actor, c.displayName(), c.passwordHash(), c.enabled());
    }
}
