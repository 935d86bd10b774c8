package org.inspectorate.obligation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Set;

import org.inspectorate.filing.FilingAuthority;
import org.inspectorate.filing.FilingKind;
import org.inspectorate.filing.FilingState;
import org.inspectorate.filing.NetworkUnit;
import org.inspectorate.organisation.Actor;
import org.inspectorate.organisation.OrganisationType;
import org.inspectorate.organisation.Province;
import org.inspectorate.organisation.Role;
import org.junit.jupiter.api.Test;

/** Who may record evaluations and whose obligations each actor sees. */
class ObligationAccessTest {

    private final ObligationAccess access = new ObligationAccess();

    private static Actor actor(OrganisationType type, Province province, Role... roles) {
        return new Actor(1, "user", 10, type, province, Set.of(roles));
    }

    private static final Actor OPERATOR = actor(OrganisationType.INTERNET_ENTERPRISE, Province.JILIN,
            Role.OPERATOR_ADMIN);
    private static final Actor MINISTRY = actor(OrganisationType.MINISTRY_BUREAU, null, Role.MINISTRY_OFFICER);
    private static final Actor JILIN = actor(OrganisationType.PROVINCIAL_ADMINISTRATION, Province.JILIN,
            Role.PROVINCIAL_OFFICER);

    private static NetworkUnit unit(FilingState state, FilingKind kind, String filingNumber) {
        Instant at = Instant.parse("2026-03-02T08:00:00Z");
        return new NetworkUnit(7, 10, FilingAuthority.of(Province.JILIN), null, state, kind, 1, 1, filingNumber, null,
                null, at, at, at, 0);
    }

    @Test
    void anOperatorRecordsForAFiledUnitUntilItIsRetired() {
        assertThat(access.mayRecordFor(OPERATOR, unit(FilingState.FILED, FilingKind.INITIAL, "220000-2026-000001")))
                .isTrue();
        assertThat(access.mayRecordFor(OPERATOR, unit(FilingState.DRAFT, FilingKind.INITIAL, null))).isFalse();
        assertThat(access.mayRecordFor(OPERATOR, unit(FilingState.FILED, FilingKind.DECOMMISSION,
                "220000-2026-000001"))).isFalse();
        assertThat(access.mayRecordFor(JILIN, unit(FilingState.FILED, FilingKind.INITIAL, "220000-2026-000001")))
                .isFalse();
    }

    @Test
    void theAuthoritiesSeeTheObligationsOfTheUnitsRoutedToThemAndOperatorsTheirTree() {
        assertThat(access.viewScope(MINISTRY).sql()).isEqualTo("u.authority_province_code IS NULL");
        assertThat(access.viewScope(JILIN).params()).containsEntry("obligation_province", Province.JILIN.code());
        assertThat(access.viewScope(OPERATOR).sql()).startsWith("(").doesNotContain("authority_province_code");
        assertThat(access.operatorScope(JILIN).sql()).isEqualTo("1 = 0");
        assertThat(access.viewScope(actor(OrganisationType.MINISTRY_BUREAU, null, Role.AUDIT_ADMIN)).sql())
                .isEqualTo("1 = 0");
    }
}
