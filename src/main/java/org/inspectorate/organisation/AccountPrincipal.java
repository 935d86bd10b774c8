package org.inspectorate.organisation;

import java.util.Collection;
import java.util.List;

import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** The signed-in account inside Spring Security; other modules see only its {@link Actor}. */
final class AccountPrincipal implements UserDetails, CredentialsContainer {

    private final Actor actor;
    private final String displayName;
    private String passwordHash;
    private final boolean enabled;

    AccountPrincipal(Actor actor, String displayName, String passwordHash, boolean enabled) {
        this.actor = actor;
        this.displayName = displayName;
        this.passwordHash = passwordHash;
        this.enabled = enabled;
    }

    Actor actor() {
        return actor;
    }

    String displayName() {
        return displayName;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return actor.roles().stream().map(r -> (GrantedAuthority) new SimpleGrantedAuthority(r.authority())).toList();
    }

    List<String> authorityNames() {
        return actor.roles().stream().map(Role::authority).toList();
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return actor.username();
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AccountPrincipal other && other.actor.userId() == actor.userId();
    }

    @Override
    public int hashCode() {
        return Long.hashCode(actor.userId());
    }

    @Override
    public String toString() {
        return "AccountPrincipal[" + actor.username() + "]";
    }
}
