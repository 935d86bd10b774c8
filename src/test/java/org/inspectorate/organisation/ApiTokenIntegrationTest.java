package org.inspectorate.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.security.SecureRandom;
import java.time.Clock;

import org.hamcrest.Matchers;
import org.inspectorate.support.DatabaseTest;
import org.inspectorate.system.Jdbc;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;

/** Personal API tokens end to end: created on the account page or by the service, used on /api/v1/me. */
@DatabaseTest
class ApiTokenIntegrationTest {

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
    ApiTokens tokens;
    @Autowired
    JdbcClient jdbc;

    private SignInFixtures.Account account() {
        Organisation org = OrganisationFixtures.organisation(organisations, OrganisationType.INTERNET_ENTERPRISE,
                Province.GUANGDONG, null);
        return SignInFixtures.account(users, encoder, org, false, Role.OPERATOR_ADMIN);
    }

    private ResultActions me(String authorization) throws Exception {
        return mvc.perform(get("/api/v1/me").header(HttpHeaders.AUTHORIZATION, authorization));
    }

    private static void expectUnauthorisedProblem(ResultActions result) throws Exception {
        result.andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE, containsString("Bearer")))
                .andExpect(jsonPath("$.status").value(401))
                .andExpect(jsonPath("$.title").value("未认证"));
    }

    @Test
    void aValidTokenAuthenticatesAsItsUserWithTheirRoles() throws Exception {
        SignInFixtures.Account a = account();
        ApiTokens.CreatedToken token = tokens.create(a.actor(), new ApiTokens.NewToken("ci", null));

        me("Bearer " + token.value()).andExpect(status().isOk())
                .andExpect(jsonPath("$.username").value(a.username()))
                .andExpect(jsonPath("$.organisationId").value(a.actor().organisationId()))
                .andExpect(jsonPath("$.roles[0]").value("OPERATOR_ADMIN"));

        assertThat(jdbc.sql("SELECT last_used_at FROM api_token WHERE id = :id").param("id", token.id())
                .query((rs, n) -> Jdbc.instant(rs, "last_used_at")).list().get(0)).isNotNull();
        assertThat(jdbc.sql("SELECT token_hash FROM api_token WHERE id = :id").param("id", token.id())
                .query(String.class).single()).isEqualTo(ApiTokenPolicy.hash(token.value())).doesNotContain(token.value());
        assertThat(token.expiresAt()).isBetween(clock.instant().plusSeconds(89L * 86400), clock.instant().plusSeconds(91L * 86400));
    }

    @Test
    void anExpiredTokenIsRefusedWithAProblemInTheCallersLanguage() throws Exception {
        ApiTokens.CreatedToken token = tokens.create(account().actor(), new ApiTokens.NewToken("old", 1));
        jdbc.sql("UPDATE api_token SET expires_at = :t WHERE id = :id")
                .param("t", Jdbc.ts(clock.instant().minusSeconds(1))).param("id", token.id()).update();

        expectUnauthorisedProblem(me("Bearer " + token.value()));
        mvc.perform(get("/api/v1/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + token.value())
                        .header(HttpHeaders.ACCEPT_LANGUAGE, "en"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.title").value("Unauthorised"));
    }

    @Test
    void aRevokedTokenIsRefused() throws Exception {
        SignInFixtures.Account a = account();
        ApiTokens.CreatedToken token = tokens.create(a.actor(), new ApiTokens.NewToken("revoke me", 30));
        me("Bearer " + token.value()).andExpect(status().isOk());

        tokens.revoke(a.actor(), token.id());

        expectUnauthorisedProblem(me("Bearer " + token.value()));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE action = 'apitoken.revoked' AND subject = :s")
                .param("s", "apitoken:" + token.id()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aMalformedUnknownOrMissingAuthorizationIsRefused() throws Exception {
        expectUnauthorisedProblem(me("Token abc"));
        expectUnauthorisedProblem(me("Bearer "));
        expectUnauthorisedProblem(me("Bearer insp_notatoken"));
        expectUnauthorisedProblem(me("Bearer " + ApiTokenPolicy.newToken(new SecureRandom())));
        mvc.perform(get("/api/v1/me")).andExpect(status().isUnauthorized())
                .andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE, containsString("Bearer")))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void aTokenKeepsWorkingWhileItsAccountsSignInsAreThrottled() throws Exception {
        SignInFixtures.Account a = account();
        ApiTokens.CreatedToken token = tokens.create(a.actor(), new ApiTokens.NewToken("throttled", 30));
        for (int i = 0; i < 8; i++) {
            mvc.perform(post("/login").param("username", a.username()).param("password", "Wrong-Pass-123")
                    .with(csrf())).andExpect(status().is3xxRedirection());
        }
        me("Bearer " + token.value()).andExpect(status().isOk());
    }

    @Test
    void aTokenStopsWorkingWhenItsAccountIsDisabledAndSaysWhy() throws Exception {
        SignInFixtures.Account a = account();
        ApiTokens.CreatedToken token = tokens.create(a.actor(), new ApiTokens.NewToken("disabled", 30));
        me("Bearer " + token.value()).andExpect(status().isOk());
        jdbc.sql("UPDATE user_account SET enabled = FALSE WHERE id = :id").param("id", a.id()).update();

        expectUnauthorisedProblem(me("Bearer " + token.value()));
        me("Bearer " + token.value()).andExpect(jsonPath("$.detail").value(containsString("停用")));
        mvc.perform(get("/api/v1/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + token.value())
                        .header(HttpHeaders.ACCEPT_LANGUAGE, "en"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.detail").value("The token's account is disabled: the token can no longer be used."));
    }

    @Test
    void aTokenStopsWorkingWhileItsAccountMustChangeItsPasswordAndWorksAgainAfterwards() throws Exception {
        SignInFixtures.Account a = account();
        ApiTokens.CreatedToken token = tokens.create(a.actor(), new ApiTokens.NewToken("must-change", 30));
        jdbc.sql("UPDATE user_account SET must_change_password = TRUE WHERE id = :id").param("id", a.id()).update();

        expectUnauthorisedProblem(me("Bearer " + token.value()));
        me("Bearer " + token.value()).andExpect(jsonPath("$.detail").value(containsString("修改密码")));

        jdbc.sql("UPDATE user_account SET must_change_password = FALSE WHERE id = :id").param("id", a.id()).update();
        me("Bearer " + token.value()).andExpect(status().isOk());
    }

    @Test
    void anUnknownTokenIsRefusedWithoutSayingAnythingAboutAnAccount() throws Exception {
        SignInFixtures.Account a = account();
        ApiTokens.CreatedToken token = tokens.create(a.actor(), new ApiTokens.NewToken("revoked", 30));
        tokens.revoke(a.actor(), token.id());

        me("Bearer " + token.value()).andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.detail").value("令牌无效、已过期或已撤销。"));
    }

    @Test
    void revokingOwnTokenOnTheAccountPageSaysSoAndRevokingItAgainIsAConflict() throws Exception {
        SignInFixtures.Account a = account();
        ApiTokens.CreatedToken token = tokens.create(a.actor(), new ApiTokens.NewToken("一次性", 30));

        MvcResult revoked = mvc.perform(post("/account/tokens/{id}/revoke", token.id()).with(csrf())
                        .with(authentication(OrganisationFixtures.authentication(a.actor()))))
                .andExpect(redirectedUrl("/account"))
                .andExpect(flash().attribute("done", "apitoken.revoked"))
                .andReturn();
        mvc.perform(get("/account").flashAttrs(revoked.getFlashMap())
                        .with(authentication(OrganisationFixtures.authentication(a.actor()))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"flash-done\" role=\"status\">令牌已撤销。")));
        mvc.perform(post("/account/tokens/{id}/revoke", token.id()).with(csrf())
                        .with(authentication(OrganisationFixtures.authentication(a.actor()))))
                .andExpect(status().isConflict());
    }

    @Test
    void theAccountPageCreatesATokenShownOnceAndRevokesOnlyOwnTokens() throws Exception {
        SignInFixtures.Account a = account();
        SignInFixtures.Account other = account();
        ApiTokens.CreatedToken othersToken = tokens.create(other.actor(), new ApiTokens.NewToken("other", 30));

        String value = (String) ((ApiTokens.CreatedToken) mvc.perform(post("/account/tokens").with(csrf())
                        .with(authentication(OrganisationFixtures.authentication(a.actor())))
                        .param("name", "报表脚本").param("validityDays", "30"))
                .andExpect(redirectedUrl("/account"))
                .andExpect(flash().attributeExists("createdToken"))
                .andReturn().getFlashMap().get("createdToken")).value();
        me("Bearer " + value).andExpect(status().isOk());

        mvc.perform(get("/account").with(authentication(OrganisationFixtures.authentication(a.actor()))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("报表脚本")))
                .andExpect(content().string(Matchers.not(containsString(value))));

        mvc.perform(post("/account/tokens").with(csrf())
                        .with(authentication(OrganisationFixtures.authentication(a.actor())))
                        .param("name", "").param("validityDays", "400"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("令牌名称必填")))
                .andExpect(content().string(containsString("有效期须为 1 至 365 天")));

        mvc.perform(post("/account/tokens/{id}/revoke", othersToken.id()).with(csrf())
                        .with(authentication(OrganisationFixtures.authentication(a.actor()))))
                .andExpect(status().isNotFound());
        me("Bearer " + othersToken.value()).andExpect(status().isOk());
    }
}
