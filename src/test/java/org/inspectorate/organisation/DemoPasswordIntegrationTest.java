package org.inspectorate.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;

import org.inspectorate.support.Codes;
import org.inspectorate.support.DatabaseTest;
import org.inspectorate.system.InvalidInputException;
import org.inspectorate.system.InvalidInputException.FieldProblem;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/** The documented demo password is for the shipped demo accounts in demo mode, and for nobody else. */
@DatabaseTest
@TestPropertySource(properties = "inspectorate.demo=true")
class DemoPasswordIntegrationTest {

    @Autowired
    Organisations organisations;
    @Autowired
    UserAccounts accounts;

    @Test
    void aShippedDemoAccountHasTheDemoPasswordButAnAccountCreatedLaterMayNot() {
        Organisation ministry = OrganisationFixtures.organisation(organisations, OrganisationType.MINISTRY_BUREAU,
                null, null);
        UserAccount shipped = accounts.provision(new AccountProvisioning(Codes.username("demo"), "演示", ministry.id(),
                Passwords.DEMO_PASSWORD, Set.of(Role.SYSTEM_ADMIN), false));
        Actor admin = new Actor(shipped.id(), shipped.username(), ministry.id(), ministry.type(), null,
                Set.of(Role.SYSTEM_ADMIN));

        assertThatThrownBy(() -> accounts.create(admin, new AccountInput(Codes.username("later"), "后建",
                ministry.id(), Passwords.DEMO_PASSWORD)))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).problems()).extracting(FieldProblem::code)
                        .containsExactly("password.guessable.context"));
    }
}
