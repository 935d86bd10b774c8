package org.inspectorate.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.samstevens.totp.code.DefaultCodeGenerator;
import org.inspectorate.support.DatabaseTest;
import org.inspectorate.system.NotFoundException;
import org.inspectorate.system.SecretSeal;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The second factor's hardening end to end: secrets sealed at rest (and sealed at start-up when an earlier
 * version left them clear), recovery codes at sign-in, and the security administrator's MFA reset.
 */
@DatabaseTest
class MfaRecoveryIntegrationTest {

    private static final Pattern CODE = Pattern.compile("\\b[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}\\b");

    @Autowired
    Clock clock;
    @Autowired
    MockMvc mvc;
    @Autowired
    Organisations organisations;
    @Autowired
    UserAccountRepository users;
    @Autowired
    SignInRepository signIns;
    @Autowired
    UserAccounts accounts;
    @Autowired
    ApiTokens tokens;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TotpSecretSeal seal;
    @Autowired
    TotpSecretSealing sealing;
    @Value("${inspectorate.security.mfa-seal-key}")
    String appKey;

    /** An officer signing in for the first time: enrolled with the page's secret; the session is signed in. */
    private record Enrolled(SignInFixtures.Account account, String secret, long step, List<String> codes,
            MockHttpSession session) {
    }

    private SignInFixtures.Account officer() {
        Organisation org = OrganisationFixtures.organisation(organisations, OrganisationType.PROVINCIAL_ADMINISTRATION,
                Province.HUNAN, null);
        return SignInFixtures.account(users, encoder, org, false, Role.PROVINCIAL_OFFICER);
    }

    private SignInFixtures.Account securityAdmin() {
        Organisation ministry = OrganisationFixtures.organisation(organisations, OrganisationType.MINISTRY_BUREAU, null,
                null);
        return SignInFixtures.account(users, encoder, ministry, false, Role.SECURITY_ADMIN);
    }

    private MockHttpSession signIn(String username) throws Exception {
        MvcResult result = mvc.perform(post("/login").param("username", username)
                .param("password", SignInFixtures.PASSWORD).with(csrf())).andReturn();
        return (MockHttpSession) result.getRequest().getSession(false);
    }

    private String storedSecret(long id) {
        return jdbc.sql("SELECT totp_secret_sealed FROM user_account WHERE id = :id").param("id", id)
                .query(String.class).optional().orElse(null);
    }

    private static String codeAt(String secret, long step) throws Exception {
        return new DefaultCodeGenerator().generate(secret, step);
    }

    private static List<String> codesOn(String page) {
        Set<String> codes = new LinkedHashSet<>();
        Matcher m = CODE.matcher(page);
        while (m.find()) {
            codes.add(m.group());
        }
        return new ArrayList<>(codes);
    }

    private Enrolled enrol(SignInFixtures.Account a) throws Exception {
        MockHttpSession session = signIn(a.username());
        mvc.perform(get("/mfa/enrol").session(session)).andExpect(status().isOk());
        String secret = seal.open(a.id(), storedSecret(a.id()));
        long step = Math.floorDiv(clock.instant().getEpochSecond(), 30);
        String page = mvc.perform(post("/mfa/enrol").session(session).with(csrf()).param("code", codeAt(secret, step)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("download=\"inspectorate-recovery-codes.txt\"")))
                .andReturn().getResponse().getContentAsString();
        return new Enrolled(a, secret, step, codesOn(page), session);
    }

    private long audited(String action, String username) {
        return jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE action = :a AND subject = :s")
                .param("a", action).param("s", "user:" + username).query(Long.class).single();
    }

    /** Wrong second-factor codes in a row, as the throttle counts them (its key per account). */
    private int failedAttempts(long id) {
        return jdbc.sql("SELECT failures FROM sign_in_throttle WHERE throttle_key = :k").param("k", "mfa:" + id)
                .query(Integer.class).optional().orElse(0);
    }

    @Test
    void theStoredSecretIsSealedForItsAccountAndNeverTheSecretItself() throws Exception {
        Enrolled e = enrol(officer());

        String stored = storedSecret(e.account().id());
        assertThat(stored).startsWith(SecretSeal.MARKER).isNotEqualTo(e.secret()).doesNotContain(e.secret());
        SignInFixtures.Account other = officer();
        assertThatThrownBy(() -> seal.open(other.id(), stored)).isInstanceOf(SecretSeal.SealBroken.class);
    }

    @Test
    void startUpSealsClearTextSecretsOfEarlierVersionsOnceAndTheyStillWork() throws Exception {
        SignInFixtures.Account a = officer();
        String secret = TotpCodes.newSecret();
        jdbc.sql("UPDATE user_account SET totp_secret_sealed = :s, mfa_enrolled = TRUE WHERE id = :id")
                .param("s", secret).param("id", a.id()).update();

        TotpSecretSealing.Result first = sealing.sealAll();
        String sealed = storedSecret(a.id());
        assertThat(first.sealed()).isGreaterThanOrEqualTo(1);
        assertThat(sealed).startsWith(SecretSeal.MARKER).doesNotContain(secret);
        assertThat(seal.open(a.id(), sealed)).isEqualTo(secret);

        sealing.sealAll();
        assertThat(storedSecret(a.id())).as("a second pass leaves sealed values alone").isEqualTo(sealed);

        MockHttpSession session = signIn(a.username());
        mvc.perform(post("/mfa").session(session).with(csrf())
                        .param("code", codeAt(secret, Math.floorDiv(clock.instant().getEpochSecond(), 30))))
                .andExpect(redirectedUrl("/"));
    }

    @Test
    void startUpReSealsSecretsOfThePreviousKeyWithTheCurrentOne() {
        SignInFixtures.Account a = officer();
        String secret = TotpCodes.newSecret();
        String underOldKey = new TotpSecretSeal(TotpSecretSealTest.OLD_KEY, "").seal(a.id(), secret);
        jdbc.sql("UPDATE user_account SET totp_secret_sealed = :s, mfa_enrolled = TRUE WHERE id = :id")
                .param("s", underOldKey).param("id", a.id()).update();
        assertThatThrownBy(() -> seal.open(a.id(), underOldKey)).isInstanceOf(SecretSeal.SealBroken.class);

        new TotpSecretSealing(signIns, new TotpSecretSeal(appKey, TotpSecretSealTest.OLD_KEY), false).sealAll();

        assertThat(seal.open(a.id(), storedSecret(a.id()))).isEqualTo(secret);
    }

    @Test
    void aRecoveryCodeSignsInOnceAndIsRefusedTheSecondTime() throws Exception {
        Enrolled e = enrol(officer());
        String username = e.account().username();
        assertThat(e.codes()).hasSize(RecoveryCodes.COUNT);
        assertThat(jdbc.sql("SELECT code_hash FROM mfa_recovery_code WHERE user_id = :id").param("id", e.account().id())
                .query(String.class).list()).hasSize(10).noneMatch(h -> e.codes().contains(h));

        MockHttpSession second = signIn(username);
        mvc.perform(post("/mfa").session(second).with(csrf()).param("recoveryCode", e.codes().get(0).toLowerCase()))
                .andExpect(redirectedUrl("/"));
        mvc.perform(get("/").session(second)).andExpect(status().isOk());
        assertThat(audited("mfa.recovery-code-used", username)).isEqualTo(1);
        mvc.perform(get("/account").session(second)).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"recovery-left\">9<")));

        MockHttpSession third = signIn(username);
        mvc.perform(post("/mfa").session(third).with(csrf()).param("recoveryCode", e.codes().get(0)))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("恢复码不正确或已使用过")));
        mvc.perform(get("/").session(third)).andExpect(redirectedUrl("/mfa"));
        assertThat(failedAttempts(e.account().id())).isEqualTo(1);
        assertThat(audited("mfa.failed", username)).isEqualTo(1);

        mvc.perform(post("/mfa").session(third).with(csrf()).param("recoveryCode", e.codes().get(1)))
                .andExpect(redirectedUrl("/"));
    }

    @Test
    void newRecoveryCodesNeedTheCurrentCodeAndReplaceTheOldOnes() throws Exception {
        Enrolled e = enrol(officer());

        mvc.perform(post("/account/recovery-codes").session(e.session()).with(csrf()).param("code", "12345x"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("id=\"recovery-totp-error\"")));
        assertThat(failedAttempts(e.account().id())).isEqualTo(1);

        String page = mvc.perform(post("/account/recovery-codes").session(e.session()).with(csrf())
                        .param("code", codeAt(e.secret(), e.step() + 1)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"recovery-continue\" href=\"/account\"")))
                .andReturn().getResponse().getContentAsString();
        List<String> fresh = codesOn(page);
        assertThat(fresh).hasSize(10).doesNotContainAnyElementsOf(e.codes());
        assertThat(audited("mfa.recovery-codes-issued", e.account().username())).isEqualTo(2);

        MockHttpSession next = signIn(e.account().username());
        mvc.perform(post("/mfa").session(next).with(csrf()).param("recoveryCode", e.codes().get(2)))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/mfa").session(next).with(csrf()).param("recoveryCode", fresh.get(2)))
                .andExpect(redirectedUrl("/"));
    }

    private void storeSession(String principal) {
        String id = UUID.randomUUID().toString();
        long now = clock.millis();
        jdbc.sql("""
                INSERT INTO SPRING_SESSION (PRIMARY_ID, SESSION_ID, CREATION_TIME, LAST_ACCESS_TIME,
                    MAX_INACTIVE_INTERVAL, EXPIRY_TIME, PRINCIPAL_NAME)
                VALUES (:id, :sid, :now, :now, 1800, :expiry, :principal)""")
                .param("id", id).param("sid", UUID.randomUUID().toString()).param("now", now)
                .param("expiry", now + 1_800_000).param("principal", principal).update();
        jdbc.sql("""
                INSERT INTO SPRING_SESSION_ATTRIBUTES (SESSION_PRIMARY_ID, ATTRIBUTE_NAME, ATTRIBUTE_BYTES)
                VALUES (:id, 'SPRING_SECURITY_CONTEXT', :bytes)""")
                .param("id", id).param("bytes", new byte[] {1, 2, 3}).update();
    }

    private long sessionsOf(String principal) {
        return jdbc.sql("SELECT COUNT(*) FROM SPRING_SESSION WHERE PRINCIPAL_NAME = :p").param("p", principal)
                .query(Long.class).single();
    }

    @Test
    void theSecurityAdministratorResetsAnOfficersSecondFactorWhoseSessionsEndAndWhoEnrolsAgain() throws Exception {
        Enrolled e = enrol(officer());
        SignInFixtures.Account admin = securityAdmin();
        SignInFixtures.Account bystander = officer();
        storeSession(e.account().username());
        storeSession(e.account().username());
        storeSession(bystander.username());
        long attributesBefore = jdbc.sql("SELECT COUNT(*) FROM SPRING_SESSION_ATTRIBUTES").query(Long.class).single();

        mvc.perform(get("/users/{id}", e.account().id()).with(authentication(OrganisationFixtures.authentication(admin.actor()))))
                .andExpect(status().isOk()).andExpect(content().string(containsString("id=\"mfa-reset-form\"")));
        mvc.perform(post("/users/{id}/mfa/reset", e.account().id()).with(csrf())
                        .with(authentication(OrganisationFixtures.authentication(admin.actor()))))
                .andExpect(redirectedUrl("/users/" + e.account().id()))
                .andExpect(flash().attribute("mfaReset", true));

        UserAccountRepository.Credentials after = users.findById(e.account().id()).orElseThrow();
        assertThat(after.mfaEnrolled()).isFalse();
        assertThat(after.sealedTotpSecret()).isNull();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM mfa_recovery_code WHERE user_id = :id").param("id", e.account().id())
                .query(Long.class).single()).isZero();
        assertThat(sessionsOf(e.account().username())).isZero();
        assertThat(sessionsOf(bystander.username())).isEqualTo(1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM SPRING_SESSION_ATTRIBUTES").query(Long.class).single())
                .as("the ended sessions' attributes went with them").isEqualTo(attributesBefore - 2);
        assertThat(jdbc.sql("SELECT actor FROM audit_entry WHERE action = 'mfa.reset' AND subject = :s")
                .param("s", "user:" + e.account().username()).query(String.class).list())
                .containsExactly(admin.username());

        MockHttpSession next = signIn(e.account().username());
        mvc.perform(get("/mfa").session(next)).andExpect(redirectedUrl("/mfa/enrol"));
        mvc.perform(post("/mfa").session(next).with(csrf()).param("recoveryCode", e.codes().get(0)))
                .andExpect(status().isConflict());
    }

    @Test
    void nobodyResetsTheirOwnSecondFactorAndOnlyTheSecurityAdministratorResetsAnyone() throws Exception {
        SignInFixtures.Account admin = securityAdmin();
        SignInFixtures.Account target = officer();

        mvc.perform(post("/users/{id}/mfa/reset", admin.id()).with(csrf())
                        .with(authentication(OrganisationFixtures.authentication(admin.actor()))))
                .andExpect(status().isForbidden());
        mvc.perform(get("/users/{id}", admin.id()).with(authentication(OrganisationFixtures.authentication(admin.actor()))))
                .andExpect(status().isOk()).andExpect(content().string(not(containsString("mfa-reset-form"))));
        assertThatThrownBy(() -> accounts.resetMfa(admin.actor(), admin.id())).isInstanceOf(AccessDeniedException.class);

        Organisation ministry = OrganisationFixtures.organisation(organisations, OrganisationType.MINISTRY_BUREAU, null,
                null);
        Actor systemAdmin = OrganisationFixtures.actor(ministry, Role.SYSTEM_ADMIN);
        assertThatThrownBy(() -> accounts.resetMfa(systemAdmin, target.id())).isInstanceOf(AccessDeniedException.class);
        assertThat(audited("mfa.reset", target.username())).isZero();
    }

    @Test
    void anAccountOutsideTheCallersAdministrationIsNotFound() throws Exception {
        SignInFixtures.Account target = officer();
        Organisation enterprise = OrganisationFixtures.organisation(organisations, OrganisationType.INTERNET_ENTERPRISE,
                Province.HUNAN, null);
        Actor operatorAdmin = OrganisationFixtures.actor(enterprise, Role.OPERATOR_ADMIN);
        SignInFixtures.Account admin = securityAdmin();

        mvc.perform(post("/users/{id}/mfa/reset", target.id()).with(csrf())
                        .with(authentication(OrganisationFixtures.authentication(operatorAdmin))))
                .andExpect(status().isNotFound());
        mvc.perform(post("/users/{id}/mfa/reset", 987_654_321L).with(csrf())
                        .with(authentication(OrganisationFixtures.authentication(admin.actor()))))
                .andExpect(status().isNotFound());
        assertThatThrownBy(() -> accounts.resetMfa(operatorAdmin, target.id())).isInstanceOf(NotFoundException.class);
    }

    @Test
    void theApiResetsTheSecondFactorWithTheSecurityAdministratorsToken() throws Exception {
        Enrolled e = enrol(officer());
        SignInFixtures.Account admin = securityAdmin();
        String token = tokens.create(admin.actor(), new ApiTokens.NewToken("reset", 1)).value();

        mvc.perform(post("/api/v1/users/{id}/mfa/reset", e.account().id())
                        .header(HttpHeaders.AUTHORIZATION, "Bearer " + token))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.mfaEnrolled").value(false));
        mvc.perform(post("/api/v1/users/{id}/mfa/reset", admin.id()).header(HttpHeaders.AUTHORIZATION, "Bearer " + token))
                .andExpect(status().isForbidden());
    }
}
