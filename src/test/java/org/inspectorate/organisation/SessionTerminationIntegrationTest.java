package org.inspectorate.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.inspectorate.support.DatabaseTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Sessions do not outlive the account's rights: disabling an account, changing its roles and changing its
 * password end its sessions at once (a password change keeps only the session it was made in).
 */
@DatabaseTest
class SessionTerminationIntegrationTest {

    @Autowired
    Clock clock;
    @Autowired
    Organisations organisations;
    @Autowired
    UserAccountRepository users;
    @Autowired
    UserAccounts accounts;
    @Autowired
    SignInService signIn;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    JdbcClient jdbc;

    @Test
    void disablingAnAccountEndsEverySessionOfItAndNoOneElses() {
        SignInFixtures.Account staff = officer();
        SignInFixtures.Account bystander = officer();
        storeSession(staff.username());
        storeSession(staff.username());
        storeSession(bystander.username());

        accounts.setEnabled(admin(Role.SYSTEM_ADMIN).actor(), staff.id(), false);

        assertThat(sessionsOf(staff.username())).isZero();
        assertThat(sessionsOf(bystander.username())).isEqualTo(1);
    }

    @Test
    void changingAnAccountsRolesEndsItsSessionsSoTheNewRolesHoldFromTheNextRequest() {
        SignInFixtures.Account officer = officer();
        storeSession(officer.username());

        accounts.changeRoles(admin(Role.SECURITY_ADMIN).actor(), officer.id(), List.of());

        assertThat(sessionsOf(officer.username())).isZero();
    }

    @Test
    void changingOnesPasswordEndsEveryOtherSessionButKeepsTheCurrentOne() {
        SignInFixtures.Account officer = officer();
        String current = storeSession(officer.username());
        storeSession(officer.username());
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setSession(new MockHttpSession(null, current));
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
        try {
            signIn.changePassword(officer.id(), new SignInService.PasswordChange(SignInFixtures.PASSWORD,
                    "Quiet-Lantern9-Orchard", "Quiet-Lantern9-Orchard"));
        } finally {
            RequestContextHolder.resetRequestAttributes();
        }

        assertThat(jdbc.sql("SELECT SESSION_ID FROM SPRING_SESSION WHERE PRINCIPAL_NAME = :p")
                .param("p", officer.username()).query(String.class).list()).containsExactly(current);
    }

    private SignInFixtures.Account officer() {
        Organisation org = OrganisationFixtures.organisation(organisations, OrganisationType.PROVINCIAL_ADMINISTRATION,
                Province.HUNAN, null);
        return SignInFixtures.account(users, encoder, org, false, Role.PROVINCIAL_OFFICER);
    }

    private SignInFixtures.Account admin(Role role) {
        Organisation ministry = OrganisationFixtures.organisation(organisations, OrganisationType.MINISTRY_BUREAU, null,
                null);
        return SignInFixtures.account(users, encoder, ministry, false, role);
    }

    /** A stored session of {@code principal}; returns its session id. */
    private String storeSession(String principal) {
        String sessionId = UUID.randomUUID().toString();
        long now = clock.millis();
        jdbc.sql("""
                INSERT INTO SPRING_SESSION (PRIMARY_ID, SESSION_ID, CREATION_TIME, LAST_ACCESS_TIME,
                    MAX_INACTIVE_INTERVAL, EXPIRY_TIME, PRINCIPAL_NAME)
                VALUES (:id, :sid, :now, :now, 1800, :expiry, :principal)""")
                .param("id", UUID.randomUUID().toString()).param("sid", sessionId).param("now", now)
                .param("expiry", now + 1_800_000).param("principal", principal).update();
        return sessionId;
    }

    private long sessionsOf(String principal) {
        return jdbc.sql("SELECT COUNT(*) FROM SPRING_SESSION WHERE PRINCIPAL_NAME = :p").param("p", principal)
                .query(Long.class).single();
    }
}
