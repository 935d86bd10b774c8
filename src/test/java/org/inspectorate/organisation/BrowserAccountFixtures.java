package org.inspectorate.organisation;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;

import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.code.HashingAlgorithm;
import dev.samstevens.totp.exceptions.CodeGenerationException;
import org.inspectorate.support.Codes;
import org.inspectorate.support.TestClock;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Real accounts that can sign in through the login form, for browser journeys: password already
 * changed, so the journey lands on the home page.
 */
public final class BrowserAccountFixtures {

    private static final int PERIOD_SECONDS = 30;

    /** The highest time step whose code each secret has used: the server refuses a code's step twice. */
    private static final Map<String, Long> LAST_STEP = new HashMap<>();

    private BrowserAccountFixtures() {
    }

    /** The username of a new account of {@code organisation} with {@code password} and {@code roles}. */
    public static String account(ApplicationContext context, Organisation organisation, String password,
            Role... roles) {
        UserAccountRepository accounts = context.getBean(UserAccountRepository.class);
        PasswordEncoder encoder = context.getBean(PasswordEncoder.class);
        String username = Codes.username("browser");
        accounts.insert(username, "浏览器测试 " + username, encoder.encode(password), organisation.id(), false,
                EnumSet.of(roles[0], roles), TestClock.now());
        return username;
    }

    /** Enrols the account {@code username} in the second factor with {@code secret}, sealed as the application keeps it. */
    public static void enrolMfa(ApplicationContext context, String username, String secret) {
        UserAccountRepository accounts = context.getBean(UserAccountRepository.class);
        long id = accounts.findByUsername(username).orElseThrow().id();
        context.getBean(JdbcClient.class)
                .sql("UPDATE user_account SET totp_secret_sealed = :s, mfa_enrolled = TRUE WHERE id = :id")
                .param("s", context.getBean(TotpSecretSeal.class).seal(id, secret)).param("id", id).update();
    }

    /**
     * A TOTP code for {@code secret} the server has not seen, computed as an authenticator app does (RFC 6238): the
     * current step's, or — when that step was used already — the next step's (the server accepts one step of clock
     * drift either way). Only when even that was used does it wait for the next step boundary. Never the previous
     * step's code, which a busy machine may let expire before the server checks it.
     */
    public static synchronized String freshCode(String secret) {
        long used = LAST_STEP.getOrDefault(secret, Long.MIN_VALUE);
        long now = currentStep();
        while (used + 1 > now + 1) {
            sleepToNextStep();
            now = currentStep();
        }
        long step = Math.max(now, used + 1);
        LAST_STEP.put(secret, step);
        return codeAt(secret, step);
    }

    /** The code of {@code secret} at time step {@code step}. */
    public static String codeAt(String secret, long step) {
        try {
            return new DefaultCodeGenerator(HashingAlgorithm.SHA1, 6).generate(secret, step);
        } catch (CodeGenerationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The current time step (30 seconds each). */
    public static long currentStep() {
        return Math.floorDiv(TestClock.clock().millis() / 1000, PERIOD_SECONDS);
    }

    private static void sleepToNextStep() {
        long millis = (currentStep() + 1) * PERIOD_SECONDS * 1000L - TestClock.clock().millis() + 50;
        try {
            Thread.sleep(Math.max(millis, 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
