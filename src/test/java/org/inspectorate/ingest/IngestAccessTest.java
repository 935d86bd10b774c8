package org.inspectorate.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.inspectorate.organisation.Actor;
import org.inspectorate.organisation.OrganisationType;
import org.inspectorate.organisation.Province;
import org.inspectorate.organisation.Role;
import org.junit.jupiter.api.Test;

class IngestAccessTest {

    private final IngestAccess access = new IngestAccess();

    private static Actor actor(OrganisationType type, Province province, Role... roles) {
        return new Actor(1, "user", 10, type, province, Set.of(roles));
    }

    @Test
    void anOperatorsTeamImportsForItsOwnOrganisationWithoutChoosingAnOperator() {
        for (Role role : new Role[] {Role.OPERATOR_ADMIN, Role.OPERATOR_STAFF}) {
            Actor operator = actor(OrganisationType.INTERNET_ENTERPRISE, Province.ZHEJIANG, role);
            assertThat(access.mayImport(operator)).as(role.name()).isTrue();
            assertThat(access.choosesOperator(operator)).as(role.name()).isFalse();
            assertThat(access.mayAssign(operator, null)).as(role.name()).isTrue();
        }
    }

    @Test
    void aRegulatorsOfficerWithAnAreaImportsForTheOperatorsTheyChoose() {
        Actor ministry = actor(OrganisationType.MINISTRY_BUREAU, null, Role.MINISTRY_OFFICER);
        Actor provincial = actor(OrganisationType.PROVINCIAL_ADMINISTRATION, Province.TIBET, Role.PROVINCIAL_OFFICER);
        for (Actor officer : new Actor[] {ministry, provincial}) {
            assertThat(access.mayImport(officer)).isTrue();
            assertThat(access.choosesOperator(officer)).isTrue();
            assertThat(access.mayAssign(officer, null)).isTrue();
        }
    }

    @Test
    void anyoneElseImportsNothing() {
        Actor inspector = actor(OrganisationType.TESTING_AGENCY, Province.ZHEJIANG, Role.INSPECTOR);
        Actor noProvince = actor(OrganisationType.PROVINCIAL_ADMINISTRATION, null, Role.PROVINCIAL_OFFICER);
        for (Actor actor : new Actor[] {inspector, noProvince}) {
            assertThat(access.mayImport(actor)).isFalse();
            assertThat(access.choosesOperator(actor)).isFalse();
            assertThat(access.mayAssign(actor, null)).isFalse();
        }
    }
}
