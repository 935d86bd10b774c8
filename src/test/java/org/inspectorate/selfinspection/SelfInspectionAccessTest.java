package org.inspectorate.selfinspection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.inspectorate.campaign.Recipient;
import org.inspectorate.organisation.Actor;
import org.inspectorate.organisation.OrganisationType;
import org.inspectorate.organisation.Province;
import org.inspectorate.organisation.Role;
import org.junit.jupiter.api.Test;

class SelfInspectionAccessTest {

    private final SelfInspectionAccess access = new SelfInspectionAccess();

    private static final Actor MINISTRY = new Actor(1, "m", 1, OrganisationType.MINISTRY_BUREAU, null,
            Set.of(Role.MINISTRY_OFFICER));
    private static final Actor FUJIAN = new Actor(2, "f", 2, OrganisationType.PROVINCIAL_ADMINISTRATION,
            Province.FUJIAN, Set.of(Role.PROVINCIAL_OFFICER));
    private static final Actor JIANGXI = new Actor(3, "j", 3, OrganisationType.PROVINCIAL_ADMINISTRATION,
            Province.JIANGXI, Set.of(Role.PROVINCIAL_OFFICER));
    private static final Actor NO_PROVINCE = new Actor(4, "n", 4, OrganisationType.PROVINCIAL_ADMINISTRATION, null,
            Set.of(Role.PROVINCIAL_OFFICER));
    private static final Actor OPERATOR = new Actor(5, "o", 22, OrganisationType.INTERNET_ENTERPRISE, Province.FUJIAN,
            Set.of(Role.OPERATOR_STAFF));
    private static final Actor INSPECTOR = new Actor(6, "i", 6, OrganisationType.TESTING_AGENCY, null,
            Set.of(Role.INSPECTOR));

    @Test
    void operatorsSelfInspectAndRegulatorsWithAnAreaViewTheStatus() {
        assertThat(access.maySelfInspect(OPERATOR)).isTrue();
        for (Actor other : Set.of(MINISTRY, FUJIAN, INSPECTOR)) {
            assertThat(access.maySelfInspect(other)).isFalse();
        }
        assertThat(access.mayViewStatus(MINISTRY)).isTrue();
        assertThat(access.mayViewStatus(FUJIAN)).isTrue();
        assertThat(access.mayViewStatus(NO_PROVINCE)).isFalse();
        assertThat(access.mayViewStatus(OPERATOR)).isFalse();
        assertThat(access.mayViewStatus(INSPECTOR)).isFalse();
        assertThat(access.mayFilterByProvince(MINISTRY)).isTrue();
        assertThat(access.mayFilterByProvince(FUJIAN)).isFalse();
    }

    @Test
    void onlyTheRecipientProvinceReviewsAReportRoutedToIt() {
        Workspace toFujian = SelfInspectionFixtures.workspace(WorkspaceState.SUBMITTED);
        assertThat(access.reviews(FUJIAN, toFujian)).isTrue();
        assertThat(access.reviews(JIANGXI, toFujian)).isFalse();
        assertThat(access.reviews(MINISTRY, toFujian)).isFalse();
        assertThat(access.reviews(OPERATOR, toFujian)).isFalse();
    }

    @Test
    void onlyTheMinistryReviewsAReportRoutedToTheMinistry() {
        Workspace toMinistry = new Workspace(12, "SI-TEST", 22, WorkspaceState.SUBMITTED,
                Recipient.MINISTRY, null, null, "概况", null, null, null, null, false, null,
                null, null, "op", null, null, 0);
        assertThat(access.reviews(MINISTRY, toMinistry)).isTrue();
        assertThat(access.reviews(FUJIAN, toMinistry)).isFalse();
        assertThat(access.reviews(NO_PROVINCE, toMinistry)).isFalse();
    }
}
