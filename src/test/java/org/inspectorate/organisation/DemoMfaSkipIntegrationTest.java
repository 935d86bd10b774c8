package org.inspectorate.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.inspectorate.support.DatabaseTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/** In demo mode only the shipped demo accounts may skip MFA enrolment, not an account created later. */
@DatabaseTest
@TestPropertySource(properties = "inspectorate.demo=true")
class DemoMfaSkipIntegrationTest {

    @Autowired
    Organisations organisations;
    @Autowired
    UserAccounts accounts;
    @Autowired
    SignInService signIn;

    @Test
    void aShippedDemoAccountMaySkipEnrolmentButAnAccountCreatedLaterMayNot() {
        Organisation ministry = OrganisationFixtures.organisation(organisations, OrganisationType.MINISTRY_BUREAU,
                null, null);
        UserAccount shipped = accounts.provision(new AccountProvisioning("demo-shipped-officer", "演示", ministry.id(),
                SignInFixtures.PASSWORD, Set.of(Role.SYSTEM_ADMIN), false));
        UserAccount admin = accounts.provision(new AccountProvisioning("demo-shipped-admin", "演示", ministry.id(),
                SignInFixtures.PASSWORD, Set.of(Role.SYSTEM_ADMIN), false));
        Actor actor = new Actor(admin.id(), admin.username(), ministry.id(), ministry.type(), null,
                Set.of(Role.SYSTEM_ADMIN));
        long later = accounts.create(actor, new AccountInput("created-later", "后建", ministry.id(),
                SignInFixtures.PASSWORD)).account().id();

        assertThat(signIn.mayskipEnrolment(shipped.id())).isTrue();
        assertThat(signIn.mayskipEnrolment(later)).isFalse();
    }
}
