package org.inspectorate.organisation;

import java.util.EnumSet;

import org.inspectorate.support.Codes;
import org.inspectorate.support.TestClock;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Accounts with a known password, for sign-in tests (straight into the repository, no admin flow). */
final class SignInFixtures {

    /** Passes the password policy for any fixture username. */
    static final String PASSWORD = "Tide-Pool7-Harbour";

    private SignInFixtures() {
    }

    record Account(long id, String username, Actor actor) {
    }

    static Account account(UserAccountRepository users, PasswordEncoder encoder, Organisation org,
            boolean mustChangePassword, Role role) {
        String username = Codes.username("u");
        long id = users.insert(username, "测试用户", encoder.encode(PASSWORD), org.id(), mustChangePassword,
                EnumSet.of(role), TestClock.now());
        return new Account(id, username, new Actor(id, username, org.id(), org.type(), org.province(), EnumSet.of(role)));
    }
}
