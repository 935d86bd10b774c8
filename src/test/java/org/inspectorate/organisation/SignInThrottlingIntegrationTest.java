package org.inspectorate.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.servlet.http.Cookie;

import org.hamcrest.Matchers;
import org.inspectorate.support.DatabaseTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Issue 14, item 3: failed sign-ins slow the guesser down and never lock the owner out nor stop the account's API
 * tokens. Each attacker gets addresses of their own (the documentation range, random per run); the address
 * throttle runs with the product's setting, the first delay is a minute.
 */
@DatabaseTest
@TestPropertySource(properties = {"inspectorate.security.throttle.source-free-failures=100",
        // a first delay no slow test machine outruns between two requests (the product's is a second: SignInThrottleTest)
        "inspectorate.security.throttle.first-delay=1m"})
class SignInThrottlingIntegrationTest {

    private static final String KNOWN_SOURCE_COOKIE = "INSPECTORATE_KNOWN";
    private static final String WRONG = "Wrong-Pass-123";

    @Autowired
    MockMvc mvc;
    @Autowired
    Organisations organisations;
    @Autowired
    UserAccountRepository users;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    ApiTokens tokens;
    @Autowired
    JdbcClient jdbc;

    private SignInFixtures.Account owner() {
        Organisation org = OrganisationFixtures.organisation(organisations, OrganisationType.INTERNET_ENTERPRISE,
                Province.BEIJING, null);
        return SignInFixtures.account(users, encoder, org, false, Role.OPERATOR_ADMIN);
    }

    /** An address of the documentation range no other test (nor an earlier run) uses. */
    private static String address() {
        byte[] b = new byte[8];
        ThreadLocalRandom.current().nextBytes(b);
        String h = HexFormat.of().formatHex(b);
        return "2001:db8:" + h.substring(0, 4) + ":" + h.substring(4, 8) + ":" + h.substring(8, 12) + ":"
                + h.substring(12, 16) + "::1";
    }

    private MvcResult signIn(String username, String password, String from, Cookie known) throws Exception {
        var request = post("/login").param("username", username).param("password", password).with(csrf())
                .with(r -> {
                    r.setRemoteAddr(from);
                    return r;
                });
        if (known != null) {
            request.cookie(known);
        }
        return mvc.perform(request).andExpect(status().is3xxRedirection()).andReturn();
    }

    private static String redirect(MvcResult result) {
        return result.getResponse().getRedirectedUrl();
    }

    private long audited(String action, String username) {
        return jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE action = :a AND subject = :s")
                .param("a", action).param("s", "user:" + username).query(Long.class).single();
    }

    @Test
    void anAttackerFailingFiftyTimesFromOneAddressDoesNotStopTheOwnerSigningInFromTheirKnownBrowser()
            throws Exception {
        SignInFixtures.Account owner = owner();
        String attackerAddress = address();
        String ownerAddress = address();
        MvcResult first = signIn(owner.username(), SignInFixtures.PASSWORD, ownerAddress, null);
        Cookie known = first.getResponse().getCookie(KNOWN_SOURCE_COOKIE);

        List<String> answers = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            answers.add(redirect(signIn(owner.username(), WRONG, attackerAddress, null)));
        }
        MvcResult ownerAgain = signIn(owner.username(), SignInFixtures.PASSWORD, ownerAddress, known);
        assertThat(redirect(ownerAgain)).isEqualTo("/account?failedAttempts");
        // while the attacker was slowed down from the fifth failure on
        assertThat(answers.subList(0, 4)).containsOnly("/login?error");
        assertThat(answers.get(answers.size() - 1)).startsWith("/login?error&wait=");
        mvc.perform(get("/account").session((MockHttpSession) ownerAgain.getRequest().getSession(false)))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("id=\"failures-notice\"")))
                .andExpect(content().string(Matchers.containsString(attackerAddress)));
    }

    @Test
    void anAttackerBehindTheOwnersOwnAddressIsSlowedDownButTheOwnersKnownBrowserIsNot() throws Exception {
        SignInFixtures.Account owner = owner();
        String office = address();
        Cookie known = signIn(owner.username(), SignInFixtures.PASSWORD, office, null).getResponse()
                .getCookie(KNOWN_SOURCE_COOKIE);
        for (int i = 0; i < 10; i++) {
            signIn(owner.username(), WRONG, office, null);
        }
        assertThat(redirect(signIn(owner.username(), SignInFixtures.PASSWORD, office, null)))
                .startsWith("/login?error&wait=");
        assertThat(redirect(signIn(owner.username(), SignInFixtures.PASSWORD, office, known)))
                .isEqualTo("/account?failedAttempts");
    }

    @Test
    void theAccountsApiTokensKeepWorkingAfterAnyNumberOfFailedSignIns() throws Exception {
        SignInFixtures.Account owner = owner();
        ApiTokens.CreatedToken token = tokens.create(owner.actor(), new ApiTokens.NewToken("integration", 30));
        String attacker = address();
        for (int i = 0; i < 20; i++) {
            signIn(owner.username(), WRONG, attacker, null);
        }
        mvc.perform(get("/api/v1/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + token.value()))
                .andExpect(status().isOk());
    }

    @Test
    void eachThrottleIsAuditedAndTheSignInPageSaysWhenToTryAgainInBothLanguages() throws Exception {
        SignInFixtures.Account owner = owner();
        String attacker = address();
        for (int i = 0; i < 4; i++) {
            signIn(owner.username(), WRONG, attacker, null);
        }
        assertThat(audited("signin.throttled", owner.username())).isZero();
        assertThat(redirect(signIn(owner.username(), WRONG, attacker, null))).isEqualTo("/login?error&wait=60");
        assertThat(audited("signin.throttled", owner.username())).isEqualTo(1);
        // the next attempt, at once, is refused before its password is checked, and audited as well
        String refused = redirect(signIn(owner.username(), SignInFixtures.PASSWORD, attacker, null));
        assertThat(refused).matches("/login\\?error&wait=(59|60)");
        assertThat(audited("signin.throttled", owner.username())).isEqualTo(2);

        mvc.perform(get("/login").param("error", "").param("wait", "7"))
                .andExpect(content().string(Matchers.containsString("请在 7 秒后再试")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("id=\"signin-error\""))));
        mvc.perform(get("/login").param("error", "").param("wait", "7").param("lang", "en"))
                .andExpect(content().string(Matchers.containsString("try again in 7 seconds")));
    }

    @Test
    void aNameThatStandsForNoAccountIsAnsweredExactlyAsAnAccountsName() throws Exception {
        SignInFixtures.Account owner = owner();
        String attacker = address();
        List<String> known = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            known.add(redirect(signIn(owner.username(), WRONG, attacker, null)));
            unknown.add(redirect(signIn("nobody-" + owner.username(), WRONG, attacker, null)));
        }
        // the same answers, but for the seconds that pass between them
        assertThat(unknown.stream().map(u -> u.replaceAll("wait=\\d+", "wait=N")).toList())
                .isEqualTo(known.stream().map(u -> u.replaceAll("wait=\\d+", "wait=N")).toList());
        assertThat(known.get(4)).isEqualTo("/login?error&wait=60");
    }

    @Test
    void whenTheWaitHasPassedTheRightPasswordSignsInAndStartsTheCountAfresh() throws Exception {
        SignInFixtures.Account owner = owner();
        String from = address();
        for (int i = 0; i < 6; i++) {
            signIn(owner.username(), WRONG, from, null);
        }
        assertThat(redirect(signIn(owner.username(), SignInFixtures.PASSWORD, from, null))).startsWith("/login?error&wait=");
        jdbc.sql("UPDATE sign_in_throttle SET next_attempt_at = NULL WHERE throttle_key IN (:keys)")
                .param("keys", List.of("account:" + owner.username().toLowerCase(), "source:" + from)).update();

        assertThat(redirect(signIn(owner.username(), SignInFixtures.PASSWORD, from, null)))
                .isEqualTo("/account?failedAttempts");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM sign_in_throttle WHERE throttle_key = :k")
                .param("k", "account:" + owner.username().toLowerCase()).query(Long.class).single()).isZero();
    }
}
