package org.inspectorate.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;

import org.inspectorate.organisation.Actor;
import org.inspectorate.organisation.OrganisationType;
import org.inspectorate.organisation.Province;
import org.inspectorate.organisation.Role;
import org.junit.jupiter.api.Test;
import org.springframework.security.access.AccessDeniedException;

class CampaignAccessTest {

    private final CampaignAccess access = new CampaignAccess();

    static Actor actor(OrganisationType type, Province province, Role role) {
        return new Actor(1, "u", 2, type, province, Set.of(role));
    }

    @Test
    void theMinistryManagesCampaignsAndSeesDrafts() {
        Actor ministry = actor(OrganisationType.MINISTRY_BUREAU, null, Role.MINISTRY_OFFICER);
        assertThat(access.mayManage(ministry)).isTrue();
        assertThat(access.maySeeDrafts(ministry)).isTrue();
        access.requireManager(ministry);
    }

    @Test
    void nobodyElseManagesCampaignsOrSeesDrafts() {
        for (Actor other : Set.of(actor(OrganisationType.PROVINCIAL_ADMINISTRATION, Province.FUJIAN, Role.PROVINCIAL_OFFICER),
                actor(OrganisationType.INTERNET_ENTERPRISE, Province.FUJIAN, Role.OPERATOR_ADMIN),
                actor(OrganisationType.TESTING_AGENCY, null, Role.INSPECTOR),
                actor(OrganisationType.MINISTRY_BUREAU, null, Role.SYSTEM_ADMIN))) {
            assertThat(access.mayManage(other)).as(other.roles().toString()).isFalse();
            assertThat(access.maySeeDrafts(other)).isFalse();
            assertThatThrownBy(() -> access.requireManager(other)).isInstanceOf(AccessDeniedException.class);
        }
    }
}
