package org.inspectorate.organisation;

import java.time.Instant;
import java.util.EnumSet;

import org.inspectorate.support.Codes;
import org.springframework.context.ApplicationContext;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Real accounts that can sign in through the login form, for browser journeys: password already
 * changed, so the journey lands on the home page.
 */
public final class BrowserAccountFixtures {

    private BrowserAccountFixtures() {
    }

    /** The username of a new account of {@code organisation} with {@code password} and {@code roles}. */
    public static String account(ApplicationContext context, Organisation organisation, String password,
            Role... roles) {
        UserAccountRepository accounts = context.getBean(UserAccountRepository.class);
        PasswordEncoder encoder = context.getBean(PasswordEncoder.class);
        String username = Codes.username("browser");
        accounts.insert(username, "浏览器测试 " + username, encoder.encode(password), organisation.id(), false,
                EnumSet.of(roles[0], roles), Instant.now());
        return username;
    }

    /** Enrols the account {@code username} in the second factor with {@code secret}, sealed as the application keeps it. */
    public static void enrolMfa(ApplicationContext context, String username, String secret) {
        UserAccountRepository accounts = context.getBean(UserAccountRepository.class);
        long id = accounts.findByUsername(username).orElseThrow().id();
        context.getBean(org.springframework.jdbc.core.simple.JdbcClient.class)
                .sql("UPDATE user_account SET totp_secret_sealed = :s, mfa_enrolled = TRUE WHERE id = :id")
                .param("s", context.getBean(TotpSecretSeal.class).seal(id, secret)).param("id", id).update();
    }
}
