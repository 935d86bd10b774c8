package org.inspectorate.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.inspectorate.system.InvalidInputException.FieldProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class RoleGrantPolicyTest {

    private static final EnumSet<Role> ADMINISTRATORS = EnumSet.of(Role.SYSTEM_ADMIN, Role.SECURITY_ADMIN,
            Role.AUDIT_ADMIN);

    private static List<String> codes(Set<Role> roles, OrganisationType type) {
        return RoleGrantPolicy.problemsWith(roles, type).stream().map(FieldProblem::code).toList();
    }

    @Test
    void noAccountHoldsTwoOfTheThreeAdministratorRoles() {
        for (Role a : ADMINISTRATORS) {
            for (Role b : ADMINISTRATORS) {
                if (a != b) {
                    for (OrganisationType type : List.of(OrganisationType.MINISTRY_BUREAU,
                            OrganisationType.PROVINCIAL_ADMINISTRATION)) {
                        assertThat(codes(EnumSet.of(a, b), type)).as("%s + %s at %s", a, b, type)
                                .containsExactly("user.role.twoAdministrators");
                    }
                }
            }
        }
        assertThat(codes(ADMINISTRATORS, OrganisationType.MINISTRY_BUREAU)).containsExactly("user.role.twoAdministrators");
    }

    @Test
    void anAdministratorRoleNeverComesWithABusinessRole() {
        for (Role admin : ADMINISTRATORS) {
            for (Role business : RoleGrantPolicy.inspectionRoles()) {
                for (OrganisationType type : OrganisationType.values()) {
                    assertThat(codes(EnumSet.of(admin, business), type)).as("%s + %s at %s", admin, business, type)
                            .contains("user.role.administratorWithBusinessRole");
                }
            }
        }
    }

    @Test
    void theBusinessRolesAreEveryRoleButTheThreeAdministrators() {
        assertThat(RoleGrantPolicy.inspectionRoles()).containsExactlyInAnyOrder(Role.MINISTRY_OFFICER,
                Role.PROVINCIAL_OFFICER, Role.OPERATOR_ADMIN, Role.OPERATOR_STAFF, Role.INSPECTOR,
                Role.OTHER_DEPARTMENT_USER);
    }

    @ParameterizedTest
    @EnumSource(Role.class)
    void everyRoleIsRefusedForAnOrganisationTypeItDoesNotSuit(Role role) {
        for (OrganisationType type : OrganisationType.values()) {
            List<String> codes = codes(EnumSet.of(role), type);
            if (role.allowedFor(type)) {
                assertThat(codes).as("%s at %s", role, type).isEmpty();
            } else {
                assertThat(codes).as("%s at %s", role, type).containsExactly("user.role.notAllowed");
            }
        }
    }

    @Test
    void theRegulatorsAndOperatorsKeepToTheirOwnOrganisations() {
        assertThat(codes(EnumSet.of(Role.PROVINCIAL_OFFICER), OrganisationType.INTERNET_ENTERPRISE))
                .containsExactly("user.role.notAllowed");
        assertThat(codes(EnumSet.of(Role.OPERATOR_ADMIN), OrganisationType.PROVINCIAL_ADMINISTRATION))
                .containsExactly("user.role.notAllowed");
        assertThat(codes(EnumSet.of(Role.SYSTEM_ADMIN), OrganisationType.TESTING_AGENCY))
                .containsExactly("user.role.notAllowed");
        assertThat(codes(EnumSet.of(Role.INSPECTOR), OrganisationType.MINISTRY_BUREAU))
                .containsExactly("user.role.notAllowed");
    }

    @Test
    void compatibleBusinessRolesMayBeCombinedAndNoRolesAtAllIsAllowed() {
        assertThat(codes(EnumSet.of(Role.OPERATOR_ADMIN, Role.OPERATOR_STAFF), OrganisationType.INTERNET_ENTERPRISE))
                .isEmpty();
        assertThat(codes(EnumSet.noneOf(Role.class), OrganisationType.TESTING_AGENCY)).isEmpty();
        assertThat(codes(EnumSet.of(Role.AUDIT_ADMIN), OrganisationType.PROVINCIAL_ADMINISTRATION)).isEmpty();
    }

    @Test
    void everyProblemIsReportedAgainstTheRolesField() {
        assertThat(RoleGrantPolicy.problemsWith(EnumSet.of(Role.SYSTEM_ADMIN, Role.SECURITY_ADMIN, Role.INSPECTOR),
                OrganisationType.MINISTRY_BUREAU))
                .extracting(FieldProblem::field).containsOnly("roles").hasSize(3);
    }

    @Test
    void theRolesOfferedForAnOrganisationAreThoseThatSuitItsType() {
        assertThat(RoleGrantPolicy.grantableFor(OrganisationType.MINISTRY_BUREAU)).containsExactly(
                Role.MINISTRY_OFFICER, Role.SYSTEM_ADMIN, Role.SECURITY_ADMIN, Role.AUDIT_ADMIN);
        assertThat(RoleGrantPolicy.grantableFor(OrganisationType.TESTING_AGENCY)).containsExactly(Role.INSPECTOR);
    }
}
