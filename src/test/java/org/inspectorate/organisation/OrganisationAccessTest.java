package org.inspectorate.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.Test;

/** Who may do what to the directory and to accounts, role by role (三员分立). */
class OrganisationAccessTest {

    private static final long OWN_ID = 7;
    private static final long OTHER_ID = 42;

    private static Actor actor(OrganisationType type, Province province, Role... roles) {
        return new Actor(OWN_ID, "u", 1, type, province, Set.of(roles));
    }

    private static final Actor SYSTEM = actor(OrganisationType.MINISTRY_BUREAU, null, Role.SYSTEM_ADMIN);
    private static final Actor SECURITY = actor(OrganisationType.MINISTRY_BUREAU, null, Role.SECURITY_ADMIN);
    private static final Actor AUDITOR = actor(OrganisationType.MINISTRY_BUREAU, null, Role.AUDIT_ADMIN);
    private static final Actor OPERATOR_ADMIN = actor(OrganisationType.INTERNET_ENTERPRISE, Province.BEIJING,
            Role.OPERATOR_ADMIN);
    private static final Actor OPERATOR_STAFF = actor(OrganisationType.INTERNET_ENTERPRISE, Province.BEIJING,
            Role.OPERATOR_STAFF);
    private static final Actor OFFICER = actor(OrganisationType.MINISTRY_BUREAU, null, Role.MINISTRY_OFFICER);

    @Test
    void onlyTheSecurityAdministratorChangesRolesAndNeverTheirOwn() {
        assertThat(OrganisationAccess.mayChangeRoles(SECURITY, OTHER_ID)).isTrue();
        assertThat(OrganisationAccess.mayChangeRoles(SECURITY, OWN_ID)).isFalse();
        assertThat(OrganisationAccess.mayChangeRoles(SYSTEM, OTHER_ID)).isFalse();
        assertThat(OrganisationAccess.mayChangeRoles(OPERATOR_ADMIN, OTHER_ID)).isFalse();
    }

    @Test
    void onlyTheSystemAdministratorEnablesAndDisablesAccountsAndNeverTheirOwn() {
        assertThat(OrganisationAccess.mayChangeEnabled(SYSTEM, OTHER_ID)).isTrue();
        assertThat(OrganisationAccess.mayChangeEnabled(SYSTEM, OWN_ID)).isFalse();
        assertThat(OrganisationAccess.mayChangeEnabled(SECURITY, OTHER_ID)).isFalse();
        assertThat(OrganisationAccess.mayChangeEnabled(OPERATOR_ADMIN, OTHER_ID)).isFalse();
    }

    @Test
    void onlyTheSecurityAdministratorResetsASecondFactorAndNeverTheirOwn() {
        assertThat(OrganisationAccess.mayResetMfa(SECURITY, OTHER_ID)).isTrue();
        assertThat(OrganisationAccess.mayResetMfa(SECURITY, OWN_ID)).isFalse();
        assertThat(OrganisationAccess.mayResetMfa(SYSTEM, OTHER_ID)).isFalse();
        assertThat(OrganisationAccess.mayResetMfa(AUDITOR, OTHER_ID)).isFalse();
    }

    @Test
    void theSystemAndSecurityAdministratorsAndAnOperatorsAdministratorManageAccountsAndNobodyElse() {
        assertThat(OrganisationAccess.mayManageAccounts(SYSTEM)).isTrue();
        assertThat(OrganisationAccess.mayManageAccounts(SECURITY)).isTrue();
        assertThat(OrganisationAccess.mayManageAccounts(OPERATOR_ADMIN)).isTrue();
        assertThat(OrganisationAccess.mayManageAccounts(AUDITOR)).isFalse();
        assertThat(OrganisationAccess.mayManageAccounts(OPERATOR_STAFF)).isFalse();
        assertThat(OrganisationAccess.mayManageAccounts(OFFICER)).isFalse();
    }

    @Test
    void theSystemAdministratorCreatesAccountsAnywhereAndAnOperatorsAdministratorOnlyInItsOwnTree() {
        assertThat(OrganisationAccess.mayCreateAccounts(SYSTEM)).isTrue();
        assertThat(OrganisationAccess.createsAccountsAnywhere(SYSTEM)).isTrue();
        assertThat(OrganisationAccess.mayCreateAccounts(OPERATOR_ADMIN)).isTrue();
        assertThat(OrganisationAccess.createsAccountsAnywhere(OPERATOR_ADMIN)).isFalse();
        assertThat(OrganisationAccess.mayCreateAccounts(SECURITY)).isFalse();
        assertThat(OrganisationAccess.mayCreateAccounts(OPERATOR_STAFF)).isFalse();
    }

    @Test
    void theSystemAndSecurityAdministratorsAdministerEveryAccountAndAnOperatorsAdministratorItsOwnTree() {
        assertThat(OrganisationAccess.administersEveryAccount(SYSTEM)).isTrue();
        assertThat(OrganisationAccess.administersEveryAccount(SECURITY)).isTrue();
        assertThat(OrganisationAccess.administersEveryAccount(OPERATOR_ADMIN)).isFalse();
        assertThat(OrganisationAccess.administersOwnOrganisationsAccounts(OPERATOR_ADMIN)).isTrue();
        assertThat(OrganisationAccess.administersOwnOrganisationsAccounts(OPERATOR_STAFF)).isFalse();
    }

    @Test
    void onlyTheSystemAdministratorRegistersOrganisations() {
        assertThat(OrganisationAccess.mayRegisterOrganisations(SYSTEM)).isTrue();
        assertThat(OrganisationAccess.mayRegisterOrganisations(SECURITY)).isFalse();
        assertThat(OrganisationAccess.mayRegisterOrganisations(OFFICER)).isFalse();
        assertThat(OrganisationAccess.mayRegisterOrganisations(OPERATOR_ADMIN)).isFalse();
    }
}
