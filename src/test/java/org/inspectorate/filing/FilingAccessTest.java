package org.inspectorate.filing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

import org.inspectorate.organisation.Actor;
import org.inspectorate.organisation.OrganisationType;
import org.inspectorate.organisation.Province;
import org.inspectorate.organisation.Role;
import org.junit.jupiter.api.Test;

/** Who may do what to network units and their filings, question by question. */
class FilingAccessTest {

    private final FilingAccess access = new FilingAccess();

    private static Actor actor(OrganisationType type, Province province, Role... roles) {
        return new Actor(1, "user", 10, type, province, Set.of(roles));
    }

    private static final Actor OPERATOR = actor(OrganisationType.INTERNET_ENTERPRISE, Province.ZHEJIANG,
            Role.OPERATOR_STAFF);
    private static final Actor MINISTRY = actor(OrganisationType.MINISTRY_BUREAU, null, Role.MINISTRY_OFFICER);
    private static final Actor ZHEJIANG = actor(OrganisationType.PROVINCIAL_ADMINISTRATION, Province.ZHEJIANG,
            Role.PROVINCIAL_OFFICER);
    private static final Actor NOWHERE = actor(OrganisationType.PROVINCIAL_ADMINISTRATION, null,
            Role.PROVINCIAL_OFFICER);
    private static final Actor AUDITOR = actor(OrganisationType.MINISTRY_BUREAU, null, Role.AUDIT_ADMIN);

    private static NetworkUnit unit(FilingAuthority authority, FilingState state) {
        Instant at = Instant.parse("2026-03-02T08:00:00Z");
        return new NetworkUnit(7, 10, authority, null, state, FilingKind.INITIAL, 1, null, null,
                LocalDate.of(2026, 4, 1), null, at, at, at, 0);
    }

    @Test
    void onlyOperatorsCreateEditSubmitAndAttach() {
        assertThat(access.mayOperate(OPERATOR)).isTrue();
        assertThat(access.mayOperate(MINISTRY)).isFalse();
        assertThat(access.mayOperate(ZHEJIANG)).isFalse();
        assertThat(access.mayOperate(AUDITOR)).isFalse();
    }

    @Test
    void theRegistryIsForOperatorsAndTheFilingAuthoritiesOnly() {
        assertThat(access.maySeeRegistry(OPERATOR)).isTrue();
        assertThat(access.maySeeRegistry(MINISTRY)).isTrue();
        assertThat(access.maySeeRegistry(ZHEJIANG)).isTrue();
        assertThat(access.maySeeRegistry(AUDITOR)).isFalse();
        assertThat(access.reviewsFilings(OPERATOR)).isFalse();
        assertThat(access.reviewsFilings(NOWHERE)).isTrue();
    }

    @Test
    void aFilingIsReviewedByTheAuthorityItIsRoutedToAndOnlyWhileSubmitted() {
        NetworkUnit toMinistry = unit(FilingAuthority.MINISTRY, FilingState.SUBMITTED);
        NetworkUnit toZhejiang = unit(FilingAuthority.of(Province.ZHEJIANG), FilingState.SUBMITTED);
        NetworkUnit filed = unit(FilingAuthority.of(Province.ZHEJIANG), FilingState.FILED);

        assertThat(access.mayReview(MINISTRY, toMinistry)).isTrue();
        assertThat(access.mayReview(MINISTRY, toZhejiang)).isFalse();
        assertThat(access.mayReview(ZHEJIANG, toZhejiang)).isTrue();
        assertThat(access.mayReview(ZHEJIANG, toMinistry)).isFalse();
        assertThat(access.mayReview(OPERATOR, toZhejiang)).isFalse();
        assertThat(access.isReviewerOf(ZHEJIANG, filed)).isTrue();
        assertThat(access.mayReview(ZHEJIANG, filed)).isFalse();
    }

    @Test
    void reportsAreForRegulatorsWithAnAreaAndOnlyTheMinistrySeesEveryProvince() {
        assertThat(access.maySeeReports(MINISTRY)).isTrue();
        assertThat(access.maySeeReports(ZHEJIANG)).isTrue();
        assertThat(access.maySeeReports(NOWHERE)).isFalse();
        assertThat(access.maySeeReports(OPERATOR)).isFalse();
        assertThat(access.seesEveryProvince(MINISTRY)).isTrue();
        assertThat(access.seesEveryProvince(ZHEJIANG)).isFalse();
    }

    @Test
    void scopesReachNothingForThoseWithoutARoleInTheRegistry() {
        assertThat(access.operatorScope(MINISTRY).sql()).isEqualTo("1 = 0");
        assertThat(access.reviewScope(OPERATOR).sql()).isEqualTo("1 = 0");
        assertThat(access.reviewScope(NOWHERE).sql()).isEqualTo("1 = 0");
        assertThat(access.reviewScope(MINISTRY).sql()).isEqualTo("u.authority_province_code IS NULL");
        assertThat(access.reviewScope(ZHEJIANG).params()).containsEntry("review_province", Province.ZHEJIANG.code());
        assertThat(access.viewScope(ZHEJIANG).params()).containsEntry("view_province", Province.ZHEJIANG.code());
    }
}
