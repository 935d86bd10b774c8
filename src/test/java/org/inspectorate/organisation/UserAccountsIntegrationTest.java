package org.inspectorate.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.assertj.core.groups.Tuple;
import org.inspectorate.support.Codes;
import org.inspectorate.support.DatabaseTest;
import org.inspectorate.system.InvalidInputException;
import org.inspectorate.system.InvalidInputException.FieldProblem;
import org.inspectorate.system.NotFoundException;
import org.inspectorate.system.PageRequest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

@DatabaseTest
class UserAccountsIntegrationTest {

    @Autowired
    Organisations organisations;

    @Autowired
    UserAccounts accounts;

    @Autowired
    JdbcClient jdbc;

    private Organisation org(OrganisationType type, Province province, Long parent) {
        return OrganisationFixtures.organisation(organisations, type, province, parent);
    }

    private Actor systemAdmin() {
        return OrganisationFixtures.actor(org(OrganisationType.MINISTRY_BUREAU, null, null), Role.SYSTEM_ADMIN);
    }

    private static List<String> codesOf(Throwable e) {
        return ((InvalidInputException) e).problems().stream().map(FieldProblem::code).toList();
    }

    @Test
    void theSystemAdministratorCreatesAnAccountThatMustChangeItsPasswordAndHasNoRolesYet() {
        Organisation agency = org(OrganisationType.TESTING_AGENCY, null, null);
        String username = Codes.username("new");

        AccountSummary created = accounts.create(systemAdmin(),
                new AccountInput(username, "张三", agency.id(), "Kestrel#Meadow41"));

        assertThat(created.account().username()).isEqualTo(username);
        assertThat(created.account().mustChangePassword()).isTrue();
        assertThat(created.account().roles()).isEmpty();
        assertThat(created.organisationName()).isEqualTo(agency.name());
        String hash = jdbc.sql("SELECT password_hash FROM user_account WHERE id = :id")
                .param("id", created.account().id()).query(String.class).single();
        assertThat(hash).startsWith("{bcrypt}").doesNotContain("Kestrel#Meadow41");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE action = 'user.created' AND subject = :s")
                .param("s", "user:" + username).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aDuplicateUsernameInAnyLetterCaseIsRefusedAndNothingIsSaved() {
        Organisation agency = org(OrganisationType.TESTING_AGENCY, null, null);
        String username = Codes.username("dup");
        accounts.create(systemAdmin(), new AccountInput(username, "张三", agency.id(), "Kestrel#Meadow41"));

        assertThatThrownBy(() -> accounts.create(systemAdmin(),
                new AccountInput(username.toUpperCase(), "李四", agency.id(), "Kestrel#Meadow41")))
                .satisfies(e -> assertThat(codesOf(e)).containsExactly("user.username.duplicate"));
        assertThat(accounts.search(systemAdmin(), new UserQuery(null, agency.id(), null, null), PageRequest.first(10))
                .total()).isEqualTo(1);
    }

    @Test
    void badUsernameNameUnknownOrganisationAndShortPasswordAreEachNamed() {
        assertThatThrownBy(() -> accounts.create(systemAdmin(),
                new AccountInput("a b", " ", 987_654_321L, "short")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(FieldProblem::field, FieldProblem::code)
                        .containsExactlyInAnyOrder(
                                Tuple.tuple("username", "user.username.invalid"),
                                Tuple.tuple("displayName", "user.displayName.invalid"),
                                Tuple.tuple("organisationId", "user.organisation.unknown"),
                                Tuple.tuple("initialPassword", "password.tooShort"),
                                Tuple.tuple("initialPassword", "password.classes")));
        assertThatThrownBy(() -> accounts.create(systemAdmin(), new AccountInput("ab", "x", null, "Kestrel#Meadow41")))
                .satisfies(e -> assertThat(codesOf(e)).containsExactlyInAnyOrder("user.username.invalid",
                        "user.organisation.required"));
    }

    @Test
    void aValueAddedOperatorMaySignInWithItsLicenceNumber() {
        Organisation vas = org(OrganisationType.VALUE_ADDED_TELECOM, Province.BEIJING, null);
        String licence = Codes.licence("京").toLowerCase();

        AccountSummary created = accounts.create(systemAdmin(), new AccountInput(licence, "王五", vas.id(),
                "Kestrel#Meadow41"));

        assertThat(created.account().username()).isEqualTo(licence.toUpperCase());
    }

    @Test
    void anOperatorAdministratorCreatesStaffOnlyInItsOwnOrganisationTree() {
        Organisation group = org(OrganisationType.BASIC_TELECOM_GROUP, null, null);
        Organisation subsidiary = org(OrganisationType.BASIC_TELECOM_PROVINCIAL, Province.HEBEI, group.id());
        Organisation stranger = org(OrganisationType.INTERNET_ENTERPRISE, Province.HEBEI, null);
        Actor admin = OrganisationFixtures.actor(group, Role.OPERATOR_ADMIN);

        AccountSummary staff = accounts.create(admin, new AccountInput(Codes.username("s"), "员工", subsidiary.id(),
                "Kestrel#Meadow41"));
        assertThat(staff.account().roles()).containsExactly(Role.OPERATOR_STAFF);

        assertThatThrownBy(() -> accounts.create(admin, new AccountInput(Codes.username("s"), "员工", stranger.id(),
                "Kestrel#Meadow41"))).satisfies(e -> assertThat(codesOf(e)).containsExactly("user.organisation.unknown"));
        Actor staffActor = OrganisationFixtures.actor(group, Role.OPERATOR_STAFF);
        assertThatThrownBy(() -> accounts.create(staffActor, new AccountInput(Codes.username("s"), "员工", group.id(),
                "Kestrel#Meadow41"))).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void anOperatorAdministratorSeesOnlyTheAccountsOfItsTree() {
        Organisation operator = org(OrganisationType.INTERNET_ENTERPRISE, Province.GUANGDONG, null);
        Organisation other = org(OrganisationType.INTERNET_ENTERPRISE, Province.GUANGDONG, null);
        UserAccount own = UserFixtures.account(accounts, operator, Role.OPERATOR_STAFF);
        UserAccount foreign = UserFixtures.account(accounts, other, Role.OPERATOR_STAFF);
        Actor admin = OrganisationFixtures.actor(operator, Role.OPERATOR_ADMIN);

        assertThat(accounts.search(admin, UserQuery.all(), PageRequest.first(200)).items())
                .extracting(s -> s.account().organisationId()).containsOnly(operator.id());
        assertThat(accounts.get(admin, own.id()).account().username()).isEqualTo(own.username());
        assertThatThrownBy(() -> accounts.get(admin, foreign.id())).isInstanceOf(NotFoundException.class);
    }

    @Test
    void officersAndTheAuditAdministratorDoNotAdministerAccounts() {
        Organisation province = org(OrganisationType.PROVINCIAL_ADMINISTRATION, Province.HUNAN, null);
        for (Role role : List.of(Role.PROVINCIAL_OFFICER, Role.AUDIT_ADMIN)) {
            Actor actor = OrganisationFixtures.actor(province, role);
            assertThatThrownBy(() -> accounts.search(actor, UserQuery.all(), PageRequest.first(10)))
                    .isInstanceOf(AccessDeniedException.class);
        }
    }

    @Test
    void theSecurityAdministratorGrantsRolesAndTheChangeIsAudited() {
        Organisation ministry = org(OrganisationType.MINISTRY_BUREAU, null, null);
        UserAccount target = UserFixtures.account(accounts, ministry);
        Actor security = OrganisationFixtures.actor(ministry, Role.SECURITY_ADMIN);

        AccountSummary changed = accounts.changeRoles(security, target.id(), List.of("AUDIT_ADMIN"));

        assertThat(changed.account().roles()).containsExactly(Role.AUDIT_ADMIN);
        assertThat(jdbc.sql("SELECT detail FROM audit_entry WHERE action = 'user.roles.changed' AND subject = :s")
                .param("s", "user:" + target.username()).query(String.class).single())
                .contains("from=[]").contains("to=[AUDIT_ADMIN]");
    }

    @Test
    void aUserInTwoAdministratorRolesIsRejectedAndKeepsTheRolesItHad() {
        Organisation ministry = org(OrganisationType.MINISTRY_BUREAU, null, null);
        UserAccount target = UserFixtures.account(accounts, ministry, Role.SYSTEM_ADMIN);
        Actor security = OrganisationFixtures.actor(ministry, Role.SECURITY_ADMIN);

        assertThatThrownBy(() -> accounts.changeRoles(security, target.id(), List.of("SYSTEM_ADMIN", "AUDIT_ADMIN")))
                .satisfies(e -> assertThat(codesOf(e)).containsExactly("user.role.twoAdministrators"));
        assertThatThrownBy(() -> accounts.changeRoles(security, target.id(), List.of("SYSTEM_ADMIN", "MINISTRY_OFFICER")))
                .satisfies(e -> assertThat(codesOf(e)).containsExactly("user.role.administratorWithBusinessRole"));
        assertThatThrownBy(() -> accounts.changeRoles(security, target.id(), List.of("NO_SUCH_ROLE")))
                .satisfies(e -> assertThat(codesOf(e)).containsExactly("user.role.unknown"));
        assertThat(accounts.get(security, target.id()).account().roles()).containsExactly(Role.SYSTEM_ADMIN);
    }

    @Test
    void provisioningAlsoRefusesTwoAdministratorRoles() {
        Organisation ministry = org(OrganisationType.MINISTRY_BUREAU, null, null);
        assertThatThrownBy(() -> UserFixtures.account(accounts, ministry, Role.SYSTEM_ADMIN, Role.SECURITY_ADMIN))
                .satisfies(e -> assertThat(codesOf(e)).containsExactly("user.role.twoAdministrators"));
    }

    @Test
    void nobodyGrantsRolesToThemselvesAndOnlyTheSecurityAdministratorGrantsAtAll() {
        Organisation ministry = org(OrganisationType.MINISTRY_BUREAU, null, null);
        UserAccount security = UserFixtures.account(accounts, ministry, Role.SECURITY_ADMIN);
        UserAccount other = UserFixtures.account(accounts, ministry);
        Actor self = UserFixtures.actor(security, ministry);
        Actor system = OrganisationFixtures.actor(ministry, Role.SYSTEM_ADMIN);

        assertThatThrownBy(() -> accounts.changeRoles(self, security.id(), List.of("SECURITY_ADMIN", "MINISTRY_OFFICER")))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> accounts.changeRoles(system, other.id(), List.of("MINISTRY_OFFICER")))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(accounts.get(system, other.id()).account().roles()).isEmpty();
    }

    @Test
    void theSystemAdministratorDisablesAnAccountButNotTheirOwn() {
        Organisation ministry = org(OrganisationType.MINISTRY_BUREAU, null, null);
        UserAccount admin = UserFixtures.account(accounts, ministry, Role.SYSTEM_ADMIN);
        UserAccount target = UserFixtures.account(accounts, ministry, Role.MINISTRY_OFFICER);
        Actor system = UserFixtures.actor(admin, ministry);

        assertThat(accounts.setEnabled(system, target.id(), false).account().enabled()).isFalse();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE action = 'user.disabled' AND subject = :s")
                .param("s", "user:" + target.username()).query(Long.class).single()).isEqualTo(1);
        assertThat(accounts.setEnabled(system, target.id(), true).account().enabled()).isTrue();
        assertThatThrownBy(() -> accounts.setEnabled(system, admin.id(), false)).isInstanceOf(AccessDeniedException.class);
        Actor security = OrganisationFixtures.actor(ministry, Role.SECURITY_ADMIN);
        assertThatThrownBy(() -> accounts.setEnabled(security, target.id(), false))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void anInitialPasswordMadeOfTheAccountsDisplayNameIsRefusedAsGuessable() {
        Organisation agency = org(OrganisationType.TESTING_AGENCY, null, null);
        assertThat(PasswordPolicy.standard().violations(PasswordContext.of("someone"), "Harbourmaster#2031")).isEmpty();

        assertThatThrownBy(() -> accounts.create(systemAdmin(), new AccountInput(Codes.username("ctx"),
                "Harbourmaster Qian", agency.id(), "Harbourmaster#2031")))
                .satisfies(e -> assertThat(((InvalidInputException) e).problems())
                        .extracting(FieldProblem::field, FieldProblem::code)
                        .containsExactly(Tuple.tuple("initialPassword", "password.guessable.context")));
    }

    @Test
    void outsideDemoModeNotEvenAProvisionedAccountMayHaveTheDemoPassword() {
        Organisation ministry = org(OrganisationType.MINISTRY_BUREAU, null, null);
        assertThatThrownBy(() -> accounts.provision(new AccountProvisioning(Codes.username("demo"), "演示",
                ministry.id(), Passwords.DEMO_PASSWORD, java.util.Set.of(Role.SYSTEM_ADMIN), false)))
                .satisfies(e -> assertThat(codesOf(e)).containsExactly("password.guessable.context"));
    }
}
