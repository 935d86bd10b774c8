package org.inspectorate.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Locale;

import org.inspectorate.support.DatabaseTest;
import org.inspectorate.system.Jdbc;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** A value-added operator's admin signs in with the organisation's licence number (许可证编号). */
@DatabaseTest
class LicenceSignInIntegrationTest {

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

    private Organisation valueAdded() {
        return OrganisationFixtures.organisation(organisations, OrganisationType.VALUE_ADDED_TELECOM, Province.BEIJING,
                null);
    }

    private SignInFixtures.Account account(Organisation org, Role role) {
        return SignInFixtures.account(users, encoder, org, false, role);
    }

    private MvcResult signIn(String username, String password) throws Exception {
        return mvc.perform(post("/login").param("username", username).param("password", password).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn();
    }

    private void signedInAs(MvcResult result, String username) throws Exception {
        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/");
        MockHttpSession session = (MockHttpSession) result.getRequest().getSession(false);
        mvc.perform(get("/").session(session)).andExpect(status().isOk());
        SecurityContext context = (SecurityContext)
                session.getAttribute(HttpSessionSecurityContextRepository
                        .SPRING_SECURITY_CONTEXT_KEY);
        assertThat(((AccountPrincipal) context.getAuthentication().getPrincipal()).actor().username())
                .isEqualTo(username);
    }

    private static String lowerAndPadded(String licence) {
        return "  " + licence.toLowerCase(Locale.ROOT) + " ";
    }

    @Test
    void theLicenceNumberInAnyCaseAndTrimmedSignsInTheOrganisationsOnlyAdmin() throws Exception {
        Organisation org = valueAdded();
        SignInFixtures.Account admin = account(org, Role.OPERATOR_ADMIN);
        account(org, Role.OPERATOR_STAFF);
        String licence = org.licenceNumber().value();

        signedInAs(signIn(licence, SignInFixtures.PASSWORD), admin.username());
        signedInAs(signIn(lowerAndPadded(licence), SignInFixtures.PASSWORD), admin.username());
    }

    @Test
    void anAccountNamedByTheLicenceNumberSignsInWithItInAnyCase() throws Exception {
        Organisation org = valueAdded();
        String licence = org.licenceNumber().value();
        users.insert(licence, "许可证账号", encoder.encode(SignInFixtures.PASSWORD), org.id(), false,
                EnumSet.of(Role.OPERATOR_ADMIN), clock.instant());
        account(org, Role.OPERATOR_ADMIN);

        signedInAs(signIn(lowerAndPadded(licence), SignInFixtures.PASSWORD), licence);
    }

    @Test
    void aLicenceWithSeveralOrNoAdminsSignsNobodyInWithTheGenericFailure() throws Exception {
        Organisation several = valueAdded();
        account(several, Role.OPERATOR_ADMIN);
        account(several, Role.OPERATOR_ADMIN);
        Organisation none = valueAdded();
        account(none, Role.OPERATOR_STAFF);

        assertThat(signIn(several.licenceNumber().value(), SignInFixtures.PASSWORD).getResponse().getRedirectedUrl())
                .isEqualTo("/login?error");
        assertThat(signIn(none.licenceNumber().value(), SignInFixtures.PASSWORD).getResponse().getRedirectedUrl())
                .isEqualTo("/login?error");
    }

    @Test
    void wrongPasswordsUnderTheLicenceNumberCountTowardTheAdminsThrottle() throws Exception {
        Organisation org = valueAdded();
        SignInFixtures.Account admin = account(org, Role.OPERATOR_ADMIN);
        String licence = org.licenceNumber().value();
        for (int i = 0; i < 4; i++) {
            assertThat(signIn(lowerAndPadded(licence), "Wrong-Pass-123").getResponse().getRedirectedUrl())
                    .isEqualTo("/login?error");
        }
        // the fifth failure, under the username this time, is the same account's: its next attempt must wait
        assertThat(signIn(admin.username(), "Wrong-Pass-123").getResponse().getRedirectedUrl())
                .isEqualTo("/login?error&wait=1");
    }
}
