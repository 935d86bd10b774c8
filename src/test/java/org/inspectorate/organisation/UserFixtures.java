package org.inspectorate.organisation;

import java.util.EnumSet;
import java.util.Set;

import org.inspectorate.support.Codes;

/** Real accounts for tests, made through the module's API, and the actor that signs in as each. */
public final class UserFixtures {

    public static final String PASSWORD = "Fixture#Pass2026";

    private UserFixtures() {
    }

    /** Provisions an account of {@code organisation} holding {@code roles} (possibly none). */
    public static UserAccount account(UserAccounts accounts, Organisation organisation, Role... roles) {
        Set<Role> set = roles.length == 0 ? EnumSet.noneOf(Role.class) : EnumSet.of(roles[0], roles);
        return accounts.provision(new AccountProvisioning(Codes.username("u"), "Test " + Codes.username("n"),
                organisation.id(), PASSWORD, set, false));
    }

    /** The actor of a provisioned account, as sign-in would make it. */
    public static Actor actor(UserAccount account, Organisation organisation) {
        return new Actor(account.id(), account.username(), organisation.id(), organisation.type(),
                organisation.province(), account.roles());
    }
}
