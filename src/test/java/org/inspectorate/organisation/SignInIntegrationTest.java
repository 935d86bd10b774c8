package org.inspectorate.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.samstevens.totp.code.DefaultCodeGenerator;
import org.hamcrest.Matchers;
import org.inspectorate.support.DatabaseTest;
import org.inspectorate.system.Jdbc;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** Signing in through the pages: throttling, forced password change, and the second factor (demo mode off). */
@DatabaseTest
class SignInIntegrationTest {

    @Autowired
    Clock clock;
    @Autowired
    MockMvc mvc;
    @Autowired
    Organisations organisations;
    @Autowired
    UserAccountRepository users;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TotpSecretSeal seal;

    private SignInFixtures.Account account(OrganisationType type, Province province, Role role, boolean mustChange) {
        Organisation org = OrganisationFixtures.organisation(organisations, type, province, null);
        return SignInFixtures.account(users, encoder, org, mustChange, role);
    }

    private SignInFixtures.Account operatorStaff() {
        return account(OrganisationType.INTERNET_ENTERPRISE, Province.BEIJING, Role.OPERATOR_STAFF, false);
    }

    private MvcResult signIn(String username, String password) throws Exception {
        return mvc.perform(post("/login").param("username", username).param("password", password).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn();
    }

    private static MockHttpSession session(MvcResult result) {
        return (MockHttpSession) result.getRequest().getSession(false);
    }

    /** Wrong second-factor codes in a row, as the throttle counts them (its key per account). */
    private int mfaFailures(long id) {
        return jdbc.sql("SELECT failures FROM sign_in_throttle WHERE throttle_key = :k").param("k", "mfa:" + id)
                .query(Integer.class).optional().orElse(0);
    }

    private long accountThrottleRows(String username) {
        return jdbc.sql("SELECT COUNT(*) FROM sign_in_throttle WHERE throttle_key = :k")
                .param("k", "account:" + username.toLowerCase()).query(Long.class).single();
    }

    /** The account table's columns, lower case: no lock is kept on the account (throttling replaced it, ADR 6). */
    private List<String> accountColumns() {
        return jdbc.sql("SELECT * FROM user_account WHERE 1 = 0").query((ResultSet rs) -> {
            List<String> names = new ArrayList<>();
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                names.add(rs.getMetaData().getColumnLabel(i).toLowerCase(Locale.ROOT));
            }
            return names;
        });
    }

    private long auditCount(String action, String username) {
        return jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE action = :a AND subject = :s")
                .param("a", action).param("s", "user:" + username).query(Long.class).single();
    }

    private static String codeAt(String secret, long step) throws Exception {
        return new DefaultCodeGenerator().generate(secret, step);
    }

    private long currentStep() {
        return Math.floorDiv(clock.instant().getEpochSecond(), 30);
    }

    private String secretOf(long id) {
        return seal.open(id, jdbc.sql("SELECT totp_secret_sealed FROM user_account WHERE id = :id").param("id", id)
                .query(String.class).single());
    }

    @Test
    void theRightPasswordSignsAnOperatorInAndAWrongOneShowsTheGenericFailure() throws Exception {
        SignInFixtures.Account a = operatorStaff();
        assertThat(signIn(a.username(), "Wrong-Pass-123").getResponse().getRedirectedUrl()).isEqualTo("/login?error");
        assertThat(signIn("nobody-" + a.username(), "Wrong-Pass-123").getResponse().getRedirectedUrl())
                .isEqualTo("/login?error");
        MvcResult ok = signIn(a.username(), SignInFixtures.PASSWORD);
        // the owner is told of the failed attempt first
        assertThat(ok.getResponse().getRedirectedUrl()).isEqualTo("/account?failedAttempts");
        mvc.perform(get("/account").session(session(ok))).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("id=\"failures-notice\"")));
        mvc.perform(get("/").session(session(ok))).andExpect(status().isOk());
        assertThat(accountThrottleRows(a.username())).isZero();
        assertThat(signIn(a.username(), SignInFixtures.PASSWORD).getResponse().getRedirectedUrl()).isEqualTo("/");
    }

    @Test
    void fiveWrongPasswordsMakeTheNextAttemptWaitASecondButLockNothing() throws Exception {
        SignInFixtures.Account a = operatorStaff();
        for (int i = 0; i < 4; i++) {
            assertThat(signIn(a.username(), "Wrong-Pass-123").getResponse().getRedirectedUrl()).isEqualTo("/login?error");
        }
        assertThat(signIn(a.username(), "Wrong-Pass-123").getResponse().getRedirectedUrl())
                .isEqualTo("/login?error&wait=1");
        assertThat(auditCount("signin.throttled", a.username())).isEqualTo(1);
        assertThat(auditCount("signin.failed", a.username())).isGreaterThanOrEqualTo(5);
        assertThat(accountColumns()).doesNotContain("locked_until", "failed_attempts");
        mvc.perform(get("/login").param("error", "").param("wait", "1")).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("请在 1 秒后再试")));
        // that the right password then waits too is SignInThrottlingIntegrationTest's, on delays a slow machine
        // cannot outrun
    }

    @Test
    void aSuccessfulSignInStartsTheAccountsCountAfresh() throws Exception {
        SignInFixtures.Account a = operatorStaff();
        for (int i = 0; i < 4; i++) {
            signIn(a.username(), "Wrong-Pass-123");
        }
        assertThat(signIn(a.username(), SignInFixtures.PASSWORD).getResponse().getRedirectedUrl())
                .isEqualTo("/account?failedAttempts");
        for (int i = 0; i < 4; i++) {
            assertThat(signIn(a.username(), "Wrong-Pass-123").getResponse().getRedirectedUrl()).isEqualTo("/login?error");
        }
    }

    @Test
    void aUserWhoMustChangeTheirPasswordReachesOnlyTheChangePageUntilTheyDo() throws Exception {
        SignInFixtures.Account a = account(OrganisationType.INTERNET_ENTERPRISE, Province.SHANGHAI,
                Role.OPERATOR_ADMIN, true);
        MvcResult signedIn = signIn(a.username(), SignInFixtures.PASSWORD);
        assertThat(signedIn.getResponse().getRedirectedUrl()).isEqualTo("/account/password");
        MockHttpSession session = session(signedIn);

        mvc.perform(get("/").session(session)).andExpect(redirectedUrl("/account/password"));
        mvc.perform(get("/account").session(session)).andExpect(redirectedUrl("/account/password"));
        mvc.perform(get("/api/v1/me").session(session)).andExpect(status().isUnauthorized());
        mvc.perform(get("/account/password").session(session)).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("password-forced")));

        // A weak new password: refused with the policy's message beside the field, nothing changed.
        mvc.perform(post("/account/password").session(session).with(csrf())
                        .param("currentPassword", SignInFixtures.PASSWORD)
                        .param("newPassword", "Woaini1314!").param("confirmPassword", "Woaini1314!"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("密码过于常见")));
        // The same password again, and a wrong current password.
        mvc.perform(post("/account/password").session(session).with(csrf())
                        .param("currentPassword", SignInFixtures.PASSWORD)
                        .param("newPassword", SignInFixtures.PASSWORD).param("confirmPassword", SignInFixtures.PASSWORD))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("新密码不能与当前密码相同")));
        mvc.perform(post("/account/password").session(session).with(csrf())
                        .param("currentPassword", "Not-The-Password-1")
                        .param("newPassword", "Granite#Meadow42").param("confirmPassword", "Granite#Meadow42"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("当前密码不正确")));
        assertThat(users.findById(a.id()).orElseThrow().mustChangePassword()).isTrue();
        assertThat(auditCount("password.change-refused", a.username())).isEqualTo(3);

        mvc.perform(post("/account/password").session(session).with(csrf())
                        .param("currentPassword", SignInFixtures.PASSWORD)
                        .param("newPassword", "Granite#Meadow42").param("confirmPassword", "Granite#Meadow42"))
                .andExpect(redirectedUrl("/"));
        mvc.perform(get("/").session(session)).andExpect(status().isOk());
        UserAccountRepository.Credentials after = users.findById(a.id()).orElseThrow();
        assertThat(after.mustChangePassword()).isFalse();
        assertThat(encoder.matches("Granite#Meadow42", after.passwordHash())).isTrue();
        assertThat(auditCount("password.changed", a.username())).isEqualTo(1);
        assertThat(signIn(a.username(), "Granite#Meadow42").getResponse().getRedirectedUrl()).isEqualTo("/");
    }

    @Test
    void aRegulatorAfterThePasswordReachesOnlyTheSecondFactorAndCannotSkipItOutsideDemoMode() throws Exception {
        SignInFixtures.Account a = account(OrganisationType.PROVINCIAL_ADMINISTRATION, Province.HEBEI,
                Role.PROVINCIAL_OFFICER, false);
        MvcResult signedIn = signIn(a.username(), SignInFixtures.PASSWORD);
        assertThat(signedIn.getResponse().getRedirectedUrl()).isEqualTo("/mfa");
        MockHttpSession session = session(signedIn);

        mvc.perform(get("/").session(session)).andExpect(redirectedUrl("/mfa"));
        mvc.perform(get("/organisations").session(session)).andExpect(redirectedUrl("/mfa"));
        mvc.perform(get("/account/password").session(session)).andExpect(redirectedUrl("/mfa"));
        mvc.perform(get("/mfa").session(session)).andExpect(redirectedUrl("/mfa/enrol"));
        mvc.perform(get("/mfa/enrol").session(session)).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("data:image/png;base64,")))
                .andExpect(content().string(Matchers.containsString(secretOf(a.id()))))
                .andExpect(content().string(Matchers.not(
                        Matchers.containsString("mfa-skip"))));

        mvc.perform(post("/mfa/skip").session(session).with(csrf())).andExpect(status().isConflict());
        mvc.perform(get("/").session(session)).andExpect(redirectedUrl("/mfa"));
        assertThat(users.findById(a.id()).orElseThrow().lastSignInAt()).isNull();
    }

    @Test
    void aCorrectTotpCodeCompletesSignInAndAWrongOneDoesNot() throws Exception {
        SignInFixtures.Account a = account(OrganisationType.PROVINCIAL_ADMINISTRATION, Province.HUBEI,
                Role.PROVINCIAL_OFFICER, false);
        MockHttpSession session = session(signIn(a.username(), SignInFixtures.PASSWORD));
        mvc.perform(get("/mfa/enrol").session(session)).andExpect(status().isOk());
        String secret = secretOf(a.id());

        mvc.perform(post("/mfa/enrol").session(session).with(csrf()).param("code", "000000x"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("验证码不正确")));
        assertThat(mfaFailures(a.id())).isEqualTo(1);
        long step = currentStep();
        mvc.perform(post("/mfa/enrol").session(session).with(csrf()).param("code", codeAt(secret, step)))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("id=\"recovery-continue\" href=\"/\"")));
        mvc.perform(get("/").session(session)).andExpect(status().isOk());
        assertThat(users.findById(a.id()).orElseThrow().mfaEnrolled()).isTrue();
        assertThat(mfaFailures(a.id())).isZero();
        assertThat(auditCount("mfa.enrolled", a.username())).isEqualTo(1);

        // Next sign-in: the code is asked for; a wrong one is refused, audited and counted.
        MockHttpSession second = session(signIn(a.username(), SignInFixtures.PASSWORD));
        mvc.perform(get("/mfa").session(second)).andExpect(status().isOk());
        String wrong = codeAt(secret, step + 1).equals("123456") ? "654321" : "123456";
        mvc.perform(post("/mfa").session(second).with(csrf()).param("code", wrong))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/").session(second)).andExpect(redirectedUrl("/mfa"));
        assertThat(auditCount("mfa.failed", a.username())).isGreaterThanOrEqualTo(2);
        assertThat(mfaFailures(a.id())).isEqualTo(1);
        // The code already used at enrolment cannot be replayed; the next one is accepted.
        mvc.perform(post("/mfa").session(second).with(csrf()).param("code", codeAt(secret, step)))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/mfa").session(second).with(csrf()).param("code", codeAt(secret, step + 1)))
                .andExpect(redirectedUrl("/"));
        mvc.perform(get("/").session(second)).andExpect(status().isOk());
        assertThat(auditCount("mfa.verified", a.username())).isEqualTo(1);
    }

    @Test
    void wrongTotpCodesSlowTheSecondFactorDownAndEndTheSessionWithoutLockingTheAccount() throws Exception {
        SignInFixtures.Account a = account(OrganisationType.PROVINCIAL_ADMINISTRATION, Province.HUNAN,
                Role.PROVINCIAL_OFFICER, false);
        MockHttpSession session = session(signIn(a.username(), SignInFixtures.PASSWORD));
        mvc.perform(get("/mfa/enrol").session(session)).andExpect(status().isOk());
        for (int i = 0; i < 4; i++) {
            mvc.perform(post("/mfa/enrol").session(session).with(csrf()).param("code", "abcdef"))
                    .andExpect(status().isBadRequest());
        }
        mvc.perform(post("/mfa/enrol").session(session).with(csrf()).param("code", "abcdef"))
                .andExpect(redirectedUrl("/login?error"));
        assertThat(auditCount("signin.throttled", a.username())).isEqualTo(1);
        assertThat(accountColumns()).doesNotContain("locked_until", "failed_attempts");
        assertThat(jdbc.sql("SELECT next_attempt_at FROM sign_in_throttle WHERE throttle_key = :k")
                .param("k", "mfa:" + a.id()).query((rs, n) -> Jdbc.instant(rs, "next_attempt_at")).single())
                .isAfter(clock.instant().minusSeconds(1));
        // the password still signs in: nothing is locked
        assertThat(signIn(a.username(), SignInFixtures.PASSWORD).getResponse().getRedirectedUrl()).isEqualTo("/mfa");
    }

    @Test
    void theForcedPasswordChangeComesAfterTheSecondFactor() throws Exception {
        SignInFixtures.Account a = account(OrganisationType.TESTING_AGENCY, Province.BEIJING, Role.INSPECTOR, true);
        MockHttpSession session = session(signIn(a.username(), SignInFixtures.PASSWORD));
        mvc.perform(get("/account/password").session(session)).andExpect(redirectedUrl("/mfa"));
        mvc.perform(get("/mfa/enrol").session(session)).andExpect(status().isOk());
        mvc.perform(post("/mfa/enrol").session(session).with(csrf())
                        .param("code", codeAt(secretOf(a.id()), currentStep())))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString(
                        "id=\"recovery-continue\" href=\"/account/password\"")));
        mvc.perform(get("/").session(session)).andExpect(redirectedUrl("/account/password"));
    }
}
