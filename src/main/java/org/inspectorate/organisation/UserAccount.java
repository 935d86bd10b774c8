package org.inspectorate.organisation;

import java.time.Instant;
import java.util.Set;

/** A user account as the directory shows it: never its password hash or MFA secret. */
public record UserAccount(long id, String username, String displayName, long organisationId, Set<Role> roles,
        boolean enabled, boolean mustChangePassword, boolean mfaEnrolled,
        Instant lastSignInAt, Instant createdAt) {

    public UserAccount {
        roles = Set.copyOf(roles);
    }
}
