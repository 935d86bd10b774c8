package org.inspectorate.agency;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.inspectorate.organisation.Actor;
import org.inspectorate.organisation.OrganisationType;
import org.inspectorate.organisation.Province;
import org.inspectorate.organisation.Role;
import org.junit.jupiter.api.Test;

/** Who keeps the agencies' records. */
class AgencyAccessTest {

    private static Actor actor(OrganisationType type, Province province, Role role) {
        return new Actor(1, "u", 1, type, province, Set.of(role));
    }

    @Test
    void theMinistrysAndProvincialOfficersKeepAgencyRecordsAndNobodyElse() {
        assertThat(AgencyAccess.mayManage(actor(OrganisationType.MINISTRY_BUREAU, null, Role.MINISTRY_OFFICER)))
                .isTrue();
        assertThat(AgencyAccess.mayManage(actor(OrganisationType.PROVINCIAL_ADMINISTRATION, Province.BEIJING,
                Role.PROVINCIAL_OFFICER))).isTrue();
        assertThat(AgencyAccess.mayManage(actor(OrganisationType.PROVINCIAL_ADMINISTRATION, null,
                Role.PROVINCIAL_OFFICER))).isTrue();
        assertThat(AgencyAccess.mayManage(actor(OrganisationType.TESTING_AGENCY, null, Role.INSPECTOR))).isFalse();
        assertThat(AgencyAccess.mayManage(actor(OrganisationType.INTERNET_ENTERPRISE, Province.BEIJING,
                Role.OPERATOR_ADMIN))).isFalse();
        assertThat(AgencyAccess.mayManage(actor(OrganisationType.MINISTRY_BUREAU, null, Role.SYSTEM_ADMIN)))
                .isFalse();
    }
}
