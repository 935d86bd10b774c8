package org.inspectorate.finding;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.inspectorate.organisation.Actor;
import org.inspectorate.organisation.OrganisationType;
import org.inspectorate.organisation.Province;
import org.inspectorate.organisation.Role;
import org.junit.jupiter.api.Test;

class FindingAccessTest {

    private final FindingAccess access = new FindingAccess();

    private static Actor actor(OrganisationType type, Province province, Role role) {
        return new Actor(1, "u", 2, type, province, Set.of(role));
    }

    private static final Actor ADMIN = actor(OrganisationType.INTERNET_ENTERPRISE, Province.HUBEI, Role.OPERATOR_ADMIN);
    private static final Actor STAFF = actor(OrganisationType.INTERNET_ENTERPRISE, Province.HUBEI, Role.OPERATOR_STAFF);
    private static final Actor PROVINCIAL = actor(OrganisationType.PROVINCIAL_ADMINISTRATION, Province.HUBEI,
            Role.PROVINCIAL_OFFICER);
    private static final Actor PROVINCELESS = actor(OrganisationType.PROVINCIAL_ADMINISTRATION, null,
            Role.PROVINCIAL_OFFICER);
    private static final Actor MINISTRY = actor(OrganisationType.MINISTRY_BUREAU, null, Role.MINISTRY_OFFICER);
    private static final Actor INSPECTOR = actor(OrganisationType.TESTING_AGENCY, Province.HUBEI, Role.INSPECTOR);

    @Test
    void operatorsAndRegulatorsOpenFindingsAndNobodyElseDoes() {
        assertThat(List.of(ADMIN, STAFF, PROVINCIAL, MINISTRY)).allMatch(access::mayOpen);
        assertThat(List.of(PROVINCELESS, INSPECTOR)).noneMatch(access::mayOpen);
    }

    @Test
    void onlyTheOperatorsTeamRectifies() {
        assertThat(List.of(ADMIN, STAFF)).allMatch(access::mayRectify);
        assertThat(List.of(PROVINCIAL, MINISTRY, PROVINCELESS, INSPECTOR)).noneMatch(access::mayRectify);
    }

    @Test
    void theOperatorsAdministratorAndRegulatorsReviewButNotItsStaff() {
        assertThat(List.of(ADMIN, PROVINCIAL, MINISTRY)).allMatch(access::mayReview);
        assertThat(List.of(STAFF, PROVINCELESS, INSPECTOR)).noneMatch(access::mayReview);
    }

    @Test
    void fixingAndMitigatingRectifyWhileEveryOtherStepReviewsAndNobodySuppressesByHand() {
        for (FindingStatus to : FindingStatus.values()) {
            if (to == FindingStatus.SUPPRESSED) {
                assertThat(List.of(ADMIN, STAFF, PROVINCIAL, MINISTRY)).noneMatch(a -> access.mayTake(a, to));
                continue;
            }
            boolean rectifying = to == FindingStatus.FIXED || to == FindingStatus.MITIGATED;
            assertThat(access.mayTake(STAFF, to)).as("staff " + to).isEqualTo(rectifying);
            assertThat(access.mayTake(PROVINCIAL, to)).as("officer " + to).isEqualTo(!rectifying);
            assertThat(access.mayTake(ADMIN, to)).as("admin " + to).isTrue();
        }
    }

    @Test
    void onlyRegulatorsWithAnAreaSeeTheReportsAndOnlyTheMinistryByProvince() {
        assertThat(List.of(PROVINCIAL, MINISTRY)).allMatch(access::mayReport);
        assertThat(List.of(ADMIN, STAFF, PROVINCELESS, INSPECTOR)).noneMatch(access::mayReport);
        assertThat(access.reportsNationwide(MINISTRY)).isTrue();
        assertThat(access.reportsNationwide(PROVINCIAL)).isFalse();
    }
}
