package org.inspectorate.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.inspectorate.organisation.Actor;
import org.inspectorate.organisation.OrganisationType;
import org.inspectorate.organisation.Province;
import org.inspectorate.organisation.Role;
import org.junit.jupiter.api.Test;

/** Which tiles and links the home page shows each role. */
class ReportAccessTest {

    private static Actor actor(OrganisationType type, Province province, Role role) {
        return new Actor(1, "u", 1, type, province, Set.of(role));
    }

    private static final Actor MINISTRY = actor(OrganisationType.MINISTRY_BUREAU, null, Role.MINISTRY_OFFICER);
    private static final Actor PROVINCIAL = actor(OrganisationType.PROVINCIAL_ADMINISTRATION, Province.BEIJING,
            Role.PROVINCIAL_OFFICER);
    private static final Actor PROVINCIAL_WITHOUT_PROVINCE = actor(OrganisationType.PROVINCIAL_ADMINISTRATION, null,
            Role.PROVINCIAL_OFFICER);
    private static final Actor OPERATOR_ADMIN = actor(OrganisationType.INTERNET_ENTERPRISE, Province.BEIJING,
            Role.OPERATOR_ADMIN);
    private static final Actor OPERATOR_STAFF = actor(OrganisationType.INTERNET_ENTERPRISE, Province.BEIJING,
            Role.OPERATOR_STAFF);
    private static final Actor AUDITOR = actor(OrganisationType.MINISTRY_BUREAU, null, Role.AUDIT_ADMIN);
    private static final Actor INSPECTOR = actor(OrganisationType.TESTING_AGENCY, null, Role.INSPECTOR);

    @Test
    void regulatorsOfficersSeeTheRegulatorsHomeEvenAProvincialOneWithoutAProvince() {
        assertThat(ReportAccess.seesRegulatorsHome(MINISTRY)).isTrue();
        assertThat(ReportAccess.seesRegulatorsHome(PROVINCIAL)).isTrue();
        assertThat(ReportAccess.seesRegulatorsHome(PROVINCIAL_WITHOUT_PROVINCE)).isTrue();
        assertThat(ReportAccess.seesRegulatorsHome(OPERATOR_ADMIN)).isFalse();
        assertThat(ReportAccess.seesRegulatorsHome(INSPECTOR)).isFalse();
    }

    @Test
    void anOperatorsAdministratorAndStaffSeeTheOperatorsHomeAndNobodyElse() {
        assertThat(ReportAccess.seesOperatorsHome(OPERATOR_ADMIN)).isTrue();
        assertThat(ReportAccess.seesOperatorsHome(OPERATOR_STAFF)).isTrue();
        assertThat(ReportAccess.seesOperatorsHome(MINISTRY)).isFalse();
        assertThat(ReportAccess.seesOperatorsHome(AUDITOR)).isFalse();
    }

    @Test
    void onlyTheAuditAdministratorIsLinkedToTheAuditTrail() {
        assertThat(ReportAccess.seesAuditTrail(AUDITOR)).isTrue();
        assertThat(ReportAccess.seesAuditTrail(MINISTRY)).isFalse();
        assertThat(ReportAccess.seesAuditTrail(OPERATOR_ADMIN)).isFalse();
    }
}
