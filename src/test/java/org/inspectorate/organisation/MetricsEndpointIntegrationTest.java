package org.inspectorate.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.inspectorate.support.DatabaseTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The metrics are scraped with a bearer token of a system or audit administrator, and say what monitoring needs:
 * request latency as histograms, and the audit chain's length. Anyone else gets the API's answers (401, 403), and the
 * health probes answer the balancer without sign-in.
 */
@DatabaseTest
class MetricsEndpointIntegrationTest {

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

    private String bearerOf(OrganisationType type, Role role) {
        Organisation org = OrganisationFixtures.organisation(organisations, type, Province.BEIJING, null);
        SignInFixtures.Account account = SignInFixtures.account(users, encoder, org, false, role);
        return "Bearer " + tokens.create(account.actor(), new ApiTokens.NewToken("monitoring", 30)).value();
    }

    @Test
    void aSystemAdministratorsTokenScrapesLatencyHistogramsAndTheAuditChainsLength() throws Exception {
        String bearer = bearerOf(OrganisationType.MINISTRY_BUREAU, Role.SYSTEM_ADMIN);
        mvc.perform(get("/api/v1/me").header(HttpHeaders.AUTHORIZATION, bearer)).andExpect(status().isOk());

        String body = mvc.perform(get("/actuator/prometheus").header(HttpHeaders.AUTHORIZATION, bearer))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        assertThat(body).contains("http_server_requests_seconds_bucket{")
                .contains("uri=\"/api/v1/me\"")
                .containsPattern("inspectorate_audit_chain_length\\{[^}]*\\} [1-9]");
    }

    @Test
    void anAuditAdministratorMayScrapeToo() throws Exception {
        mvc.perform(get("/actuator/prometheus")
                        .header(HttpHeaders.AUTHORIZATION, bearerOf(OrganisationType.MINISTRY_BUREAU, Role.AUDIT_ADMIN)))
                .andExpect(status().isOk());
    }

    @Test
    void anOperatorsTokenIsRefusedAndNoTokenIsAskedFor() throws Exception {
        mvc.perform(get("/actuator/prometheus")
                        .header(HttpHeaders.AUTHORIZATION, bearerOf(OrganisationType.INTERNET_ENTERPRISE, Role.OPERATOR_ADMIN)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/actuator/prometheus"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void theProbesAnswerWithoutSignInAndReadinessCoversTheDatabaseAndTheUploadDisk() throws Exception {
        mvc.perform(get("/actuator/health/liveness")).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UP"));
        mvc.perform(get("/actuator/health/readiness")).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UP"))
                .andExpect(jsonPath("$.components").doesNotExist());
        mvc.perform(get("/actuator/health/readiness")
                        .with(authentication(OrganisationFixtures.authentication(OrganisationFixtures.actor(
                                OrganisationFixtures.organisation(organisations, OrganisationType.MINISTRY_BUREAU,
                                        Province.BEIJING, null), Role.SYSTEM_ADMIN)))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.components.db.status").value("UP"))
                .andExpect(jsonPath("$.components.diskSpace.status").value("UP"))
                .andExpect(header().exists("X-Request-Id"));
    }
}
