package org.inspectorate.draw;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.inspectorate.organisation.Actor;
import org.inspectorate.organisation.OrganisationType;
import org.inspectorate.organisation.Province;
import org.inspectorate.organisation.Role;
import org.junit.jupiter.api.Test;

/** Who may do what with a draw: the answers the service and the pages share. */
class DrawAccessTest {

    static final Actor MINISTRY = actor(1, "ministry", OrganisationType.MINISTRY_BUREAU, null, Role.MINISTRY_OFFICER);
    static final Actor GUANGDONG = actor(2, "guangdong", OrganisationType.PROVINCIAL_ADMINISTRATION,
            Province.GUANGDONG, Role.PROVINCIAL_OFFICER);
    static final Actor GUANGDONG2 = actor(3, "guangdong2", OrganisationType.PROVINCIAL_ADMINISTRATION,
            Province.GUANGDONG, Role.PROVINCIAL_OFFICER);
    static final Actor SICHUAN = actor(4, "sichuan", OrganisationType.PROVINCIAL_ADMINISTRATION, Province.SICHUAN,
            Role.PROVINCIAL_OFFICER);
    static final Actor NO_PROVINCE = actor(5, "nowhere", OrganisationType.PROVINCIAL_ADMINISTRATION, null,
            Role.PROVINCIAL_OFFICER);
    static final Actor INSPECTOR = actor(6, "inspector", OrganisationType.TESTING_AGENCY, null, Role.INSPECTOR);
    static final Actor OPERATOR = actor(7, "operator", OrganisationType.VALUE_ADDED_TELECOM, Province.GUANGDONG,
            Role.OPERATOR_ADMIN);

    static final Actor OTHER_DEPARTMENT = actor(8, "other", OrganisationType.OTHER_DEPARTMENT, null,
            Role.OTHER_DEPARTMENT_USER);

    static Actor actor(long id, String username, OrganisationType type, Province province, Role role) {
        return new Actor(id, username, 100 + id, type, province, Set.of(role));
    }

    static DrawView draw(String province, DrawState state, String preparedBy, String redrawRequestedBy) {
        return new DrawView(9, "抽查", province, 1, "rules", 1, province, null, null, null, null,
                LocalDate.parse("2026-03-10"), state, preparedBy, null, null, null, null, null, null, null, null,
                Instant.parse("2026-03-01T00:00:00Z"), 0, null, redrawRequestedBy, null);
    }

    @Test
    void regulatorsOfficersPrepareDrawsAndKeepRulesAndNobodyElse() {
        assertThat(DrawAccess.mayManageDraws(MINISTRY)).isTrue();
        assertThat(DrawAccess.mayManageDraws(GUANGDONG)).isTrue();
        assertThat(DrawAccess.mayManageDraws(INSPECTOR)).isFalse();
        assertThat(DrawAccess.mayManageDraws(OPERATOR)).isFalse();
    }

    @Test
    void theMinistryManagesEveryDrawAProvincialOfficerOnlyTheirOwnProvinces() {
        DrawView guangdong = draw("440000", DrawState.DRAFT, "guangdong", null);
        DrawView national = draw(null, DrawState.DRAFT, "ministry", null);
        assertThat(DrawAccess.mayManage(MINISTRY, guangdong)).isTrue();
        assertThat(DrawAccess.mayManage(GUANGDONG, guangdong)).isTrue();
        assertThat(DrawAccess.mayManage(SICHUAN, guangdong)).isFalse();
        assertThat(DrawAccess.mayManage(GUANGDONG, national)).isFalse();
        assertThat(DrawAccess.mayManage(NO_PROVINCE, guangdong)).isFalse();
        assertThat(DrawAccess.mayManage(INSPECTOR, guangdong)).isFalse();
    }

    @Test
    void theSecondApprovalIsAnotherOfficersOfTheSameAuthority() {
        DrawView draft = draw("440000", DrawState.DRAFT, "guangdong", null);
        assertThat(DrawAccess.maySecond(GUANGDONG, draft)).as("the preparer").isFalse();
        assertThat(DrawAccess.maySecond(GUANGDONG2, draft)).isTrue();
        assertThat(DrawAccess.maySecond(SICHUAN, draft)).as("another province").isFalse();
        DrawView requested = draw("440000", DrawState.REDRAW_REQUESTED, "guangdong", "guangdong2");
        assertThat(DrawAccess.maySecond(GUANGDONG2, requested)).as("the requester").isFalse();
        assertThat(DrawAccess.maySecond(GUANGDONG, requested)).isTrue();
        assertThat(DrawAccess.maySecond(GUANGDONG2, draw("440000", DrawState.SCHEDULED, "guangdong", null)))
                .as("nothing awaits a second approval").isFalse();
    }

    @Test
    void whoManagesADrawSeesItsWholeResultAnotherAuthorityItsTargetsAnInspectorTheirTeamAnOperatorItsOwnUnits() {
        DrawView guangdong = draw("440000", DrawState.PUBLISHED, "guangdong", null);
        assertThat(DrawAccess.reach(GUANGDONG, guangdong)).isEqualTo(ResultReach.WHOLE);
        assertThat(DrawAccess.reach(MINISTRY, guangdong)).isEqualTo(ResultReach.WHOLE);
        assertThat(DrawAccess.reach(SICHUAN, guangdong)).isEqualTo(ResultReach.AUTHORITY);
        assertThat(DrawAccess.reach(INSPECTOR, guangdong)).isEqualTo(ResultReach.TEAM);
        assertThat(DrawAccess.resultScope(GUANGDONG, guangdong).sql()).isEqualTo("1 = 1");
        assertThat(DrawAccess.resultScope(SICHUAN, guangdong).params()).containsEntry("result_province", "510000");
        assertThat(DrawAccess.resultScope(INSPECTOR, guangdong).params()).containsEntry("result_user", 6L);
        assertThat(DrawAccess.reach(OPERATOR, guangdong)).isEqualTo(ResultReach.TARGET);
        assertThat(DrawAccess.resultScope(OPERATOR, guangdong).sql()).startsWith("c.target_organisation_id IN");
        assertThat(DrawAccess.resultScope(OPERATOR, guangdong).params()).containsEntry("jur_org", 107L);
        assertThat(DrawAccess.resultScope(OTHER_DEPARTMENT, guangdong).sql()).isEqualTo("1 = 0");
    }

    @Test
    void onlyOfficersInspectorsAndOperatorsHaveAListOfDraws() {
        assertThat(List.of(MINISTRY, GUANGDONG, INSPECTOR, OPERATOR)).allMatch(DrawAccess::readsDraws);
        assertThat(DrawAccess.readsDraws(OTHER_DEPARTMENT)).isFalse();
        assertThat(DrawAccess.readsDraws(actor(9, "sysadmin", OrganisationType.MINISTRY_BUREAU, null,
                Role.SYSTEM_ADMIN))).isFalse();
    }

    @Test
    void operatorsSeeOnlyPublishedDrawsOfTheirOwnUnitsAndChangeNone() {
        assertThat(DrawAccess.visibleDraws(OPERATOR).sql()).startsWith("d.published_at IS NOT NULL AND d.id IN")
                .contains("so.target_organisation_id IN");
        assertThat(DrawAccess.visibleDraws(OPERATOR).params()).containsEntry("jur_org", 107L);
        assertThat(DrawAccess.visibleDraws(OTHER_DEPARTMENT).sql()).isEqualTo("1 = 0");
        assertThat(DrawAccess.managedDraws(OPERATOR).sql()).isEqualTo("1 = 0");
        assertThat(DrawAccess.managedDraws(INSPECTOR).sql()).isEqualTo("1 = 0");
        assertThat(DrawAccess.visibleDraws(MINISTRY).sql()).isEqualTo("1 = 1");
        assertThat(DrawAccess.managedDraws(GUANGDONG).params()).containsEntry("scope_province", "440000");
    }

    @Test
    void aProvincialOfficerKeepsTheirProvincesRulesAndDrawsUnderThoseAndTheNationalOnes() {
        assertThat(DrawAccess.ownProvince(GUANGDONG)).contains("440000");
        assertThat(DrawAccess.ownProvince(MINISTRY)).isEmpty();
        assertThat(DrawAccess.drawsInOwnProvinceOnly(GUANGDONG)).isTrue();
        assertThat(DrawAccess.drawsInOwnProvinceOnly(MINISTRY)).isFalse();
        assertThat(DrawAccess.mayExtendRules(GUANGDONG, "440000")).isTrue();
        assertThat(DrawAccess.mayExtendRules(GUANGDONG, "510000")).isFalse();
        assertThat(DrawAccess.mayExtendRules(GUANGDONG, "")).as("the Ministry's national rules").isFalse();
        assertThat(DrawAccess.mayExtendRules(MINISTRY, "510000")).isTrue();
        assertThat(DrawAccess.usableRules(GUANGDONG).sql()).contains("province_code IS NULL");
        assertThat(DrawAccess.usableRules(MINISTRY).sql()).isEqualTo("1 = 1");
    }

    @Test
    void onlyInspectorsHavePlannedChecksOfTheirOwn() {
        assertThat(DrawAccess.servesOnTeams(INSPECTOR)).isTrue();
        assertThat(DrawAccess.servesOnTeams(GUANGDONG)).isFalse();
    }
}
