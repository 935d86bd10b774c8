package org.inspectorate.spotcheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;
import java.util.List;

import org.inspectorate.agency.AgencyFixtures;
import org.inspectorate.draw.DrawView;
import org.inspectorate.finding.FindingSource;
import org.inspectorate.finding.Findings;
import org.inspectorate.organisation.Actor;
import org.inspectorate.organisation.OrganisationType;
import org.inspectorate.organisation.Province;
import org.inspectorate.organisation.Role;
import org.inspectorate.support.DatabaseTest;
import org.inspectorate.system.ConflictException;
import org.inspectorate.system.InvalidInputException;
import org.inspectorate.system.NotFoundException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Spot checks on a real database (H2, PostgreSQL, MariaDB): a published draw's checks taken over, the operator told
 * only once scheduled, the authorisation refusing findings outside scope or window, on-site notices answered by the
 * target operator only, a major problem on the Ministry's list at once, the confidentiality gate closing mid-check,
 * and the discipline breach kept from the team.
 */
@DatabaseTest
class SpotCheckIntegrationTest extends SpotCheckFixture {

    @Autowired
    Findings findings;

    @Test
    void aPublishedDrawsPlannedChecksBecomeSpotChecksTheOperatorSeesOnlyOnceScheduledAndTheStartIsOnThePlan() {
        DrawView draw = published();
        List<SpotCheckView> drawn = checks.list(officer, new SpotCheckQuery(null, false), null, 100).items().stream()
                .filter(c -> draw.id() == (c.drawId() == null ? -1 : c.drawId())).toList();
        assertThat(drawn).hasSize(2).allSatisfy(c -> {
            assertThat(c.state()).isEqualTo(SpotCheckState.PLANNED);
            assertThat(c.authorityProvinceCode()).isEqualTo(PROVINCE.code());
            assertThat(c.memberUserIds()).hasSize(1);
        });
        SpotCheckView check = drawn.get(0);
        Actor target = operatorOf(check);
        Actor leaderOfCheck = inspectorActor(check.leaderUserId());
        assertThatThrownBy(() -> checks.get(target, check.id())).isInstanceOf(NotFoundException.class);
        assertThat(checks.get(leaderOfCheck, check.id()).id()).isEqualTo(check.id());

        SpotCheckView scheduled = checks.schedule(leaderOfCheck, check.id(), check.version(),
                new ScheduleInput(List.of("INTERVIEW"), today.toString(), today.plusDays(1).toString(), "制度文件"));
        assertThat(checks.get(target, check.id()).documents()).isEqualTo("制度文件");
        checks.start(leaderOfCheck, check.id(), scheduled.version());
        assertThat(jdbc.sql("SELECT started_on FROM planned_spot_check WHERE id = :id")
                .param("id", check.plannedCheckId()).query(java.sql.Date.class).single().toLocalDate()).isEqualTo(today);
        // publishing again takes nothing over twice
        assertThat(checks.takeOverDraw(draw.id())).isZero();
    }

    @Test
    void aCheckOutsideADrawNeedsAReasonATargetInTheJurisdictionAndAClearedTeamAndIsListedApart() {
        Actor elsewhere = actor(OrganisationType.VALUE_ADDED_TELECOM, Province.GANSU, Role.OPERATOR_ADMIN);
        long before = jdbc.sql("SELECT COUNT(*) FROM spot_check").query(Long.class).single();
        assertThatThrownBy(() -> checks.create(officer, new NewSpotCheck(Long.toString(elsewhere.organisationId()),
                Long.toString(unit.id()), Long.toString(leader.userId()), "", today.toString(), " ")))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).problems())
                        .extracting(p -> p.field() + ":" + p.code())
                        .contains("reason:spotcheck.outside.reasonRequired",
                                "organisationId:spotcheck.target.outsideJurisdiction"));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM spot_check").query(Long.class).single()).isEqualTo(before);

        SpotCheckView check = outsideDraw();
        assertThat(check.outsideDraw()).isTrue();
        assertThat(checks.list(officer, new SpotCheckQuery(null, true), null, 100).items())
                .extracting(SpotCheckView::id).contains(check.id());
        assertThat(checks.list(officer, new SpotCheckQuery(null, false), null, 100).items())
                .extracting(SpotCheckView::id).doesNotContain(check.id());
    }

    @Test
    void aFindingByRemotePenetrationNeedsAConfirmedAuthorisationInScopeAndWindowOtherwiseNothingIsSaved() {
        SpotCheckView check = started(outsideDraw());
        SpotFindingInput portal = finding("REMOTE_PENETRATION", "portal.example.cn", false);
        long findingsBefore = jdbc.sql("SELECT COUNT(*) FROM finding").query(Long.class).single();
        assertThatThrownBy(() -> work.record(leader, check.id(), portal)).isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(codes(e)).contains("spotcheck.authorisation.missing"));

        TestingAuthorisation a = authorise(check, "portal.example.cn\n10.8.0.0/16");
        assertThatThrownBy(() -> work.record(member, check.id(), portal))
                .satisfies(e -> assertThat(codes(e)).contains("spotcheck.authorisation.unconfirmed"));
        work.confirmWindow(operator, check.id(), a.id());
        assertThatThrownBy(() -> work.record(member, check.id(), finding("REMOTE_PENETRATION", "10.9.0.7", false)))
                .satisfies(e -> {
                    InvalidInputException.FieldProblem p = ((InvalidInputException) e).problems().get(0);
                    assertThat(p.code()).isEqualTo("spotcheck.authorisation.outOfScope");
                    assertThat(p.args()[0]).isEqualTo("10.9.0.7");
                    assertThat(p.args()[1].toString()).contains(" – ");
                });
        assertThat(jdbc.sql("SELECT COUNT(*) FROM finding").query(Long.class).single()).isEqualTo(findingsBefore);

        CheckFinding recorded = work.record(member, check.id(), portal);
        assertThat(findings.get(operator, recorded.findingId()).source()).isEqualTo(FindingSource.SPOT_CHECK);
        assertThat(findings.get(operator, recorded.findingId()).sourceRef())
                .isEqualTo("spot-check:" + check.id() + ":REMOTE_PENETRATION");
    }

    @Test
    void aFindingOutsideTheAuthorisedWindowIsRefusedNamingTheHostAndTheWindow() {
        SpotCheckView check = started(outsideDraw());
        LocalDateTime later = LocalDateTime.now(clock).plusDays(1);
        TestingAuthorisation a = work.authorise(leader, check.id(), new AuthorisationInput("REMOTE_PENETRATION",
                "portal.example.cn", later.toString(), later.plusHours(4).toString(), "组长 138", "运维 139"),
                "授权书.pdf", AgencyFixtures.PDF);
        work.confirmWindow(operator, check.id(), a.id());
        assertThatThrownBy(() -> work.record(leader, check.id(), finding("REMOTE_PENETRATION", "portal.example.cn",
                false))).satisfies(e -> {
                    InvalidInputException.FieldProblem p = ((InvalidInputException) e).problems().get(0);
                    assertThat(p.code()).isEqualTo("spotcheck.authorisation.outsideWindow");
                    assertThat(p.args()).hasSize(2).startsWith("portal.example.cn");
                });
    }

    @Test
    void onlyTheTargetOperatorAnswersANoticeAndAMajorProblemIsOnTheMinistrysListAtOnce() {
        SpotCheckView check = started(outsideDraw());
        CheckFinding f = work.record(leader, check.id(), finding("INTERVIEW", null, true));
        assertThat(followUp.majorProblems(ministry, null, 100).items()).extracting(CheckFinding::findingId)
                .contains(f.findingId());
        Actor otherProvince = actor(OrganisationType.PROVINCIAL_ADMINISTRATION, Province.GANSU,
                Role.PROVINCIAL_OFFICER);
        assertThat(followUp.majorProblems(otherProvince, null, 100).items()).extracting(CheckFinding::findingId)
                .doesNotContain(f.findingId());
        followUp.assess(officer, check.id(), f.findingId(), "可被利用，已通报");

        work.tell(member, check.id(), f.findingId(), "INTERVIEW");
        Actor anotherOperator = actor(OrganisationType.VALUE_ADDED_TELECOM, PROVINCE, Role.OPERATOR_ADMIN);
        assertThatThrownBy(() -> work.acknowledge(anotherOperator, check.id(), f.findingId(), "李四"))
                .isInstanceOf(NotFoundException.class);
        CheckFinding acknowledged = work.acknowledge(operator, check.id(), f.findingId(), "王五");
        assertThat(acknowledged.noticeState()).isEqualTo(NoticeState.ACKNOWLEDGED);
        assertThat(acknowledged.acknowledgedName()).isEqualTo("王五");
        assertThatThrownBy(() -> work.refuse(operator, check.id(), f.findingId(), "不认可"))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void anInspectorWhoseCommitmentLapsesMidCheckLosesAccessAtOnceAndTheLeaderAndAuthorityAreTold() {
        SpotCheckView check = started(outsideDraw());
        assertThat(checks.get(member, check.id()).id()).isEqualTo(check.id());
        jdbc.sql("UPDATE confidentiality_commitment SET valid_until = :d WHERE user_id = :u")
                .param("d", today.minusDays(1)).param("u", member.userId()).update();
        assertThatThrownBy(() -> checks.get(member, check.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> work.findings(member, check.id())).isInstanceOf(NotFoundException.class);
        SpotCheckView seen = checks.get(leader, check.id());
        assertThat(checks.lapses(leader, seen)).extracting(ClearanceLapse::userId, ClearanceLapse::lapse)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(member.userId(), "commitment"));
        assertThat(checks.lapses(officer, seen)).hasSize(1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE action = 'spotcheck.clearance.lapsed' "
                + "AND subject = :s").param("s", "spotcheck:" + check.id()).query(Long.class).single()).isEqualTo(1L);
    }

    @Test
    void aDisciplineBreachIsReadByTheAuthorityAndTheMinistryButNeverByTheTeam() {
        SpotCheckView check = started(outsideDraw());
        assertThatThrownBy(() -> followUp.declare(operator, check.id(), false, null))
                .isInstanceOf(ConflictException.class);
        SpotCheckView reported = checks.report(leader, check.id(), -1);
        assertThatThrownBy(() -> followUp.declare(operator, check.id(), true, " "))
                .isInstanceOf(InvalidInputException.class);
        followUp.declare(operator, check.id(), true, "检查组要求采购其推荐的安全产品");
        assertThat(followUp.discipline(leader, reported)).isEmpty();
        assertThat(followUp.discipline(officer, reported).orElseThrow().breachText()).contains("安全产品");
        assertThat(followUp.breaches(ministry)).extracting(DisciplineDeclaration::spotCheckId).contains(check.id());
        assertThat(followUp.breaches(officer)).extracting(DisciplineDeclaration::spotCheckId).contains(check.id());
        assertThatThrownBy(() -> followUp.breaches(leader)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void progressCountsEachProvincesChecksByStateAndTypeTheMinistryAllThirtyOneAndAnOperatorNothing() {
        ProvinceProgress before = checks.progress(officer).get(0);
        started(outsideDraw());
        outsideDraw();
        ProvinceProgress after = checks.progress(officer).get(0);
        assertThat(after.provinceCode()).isEqualTo(PROVINCE.code());
        assertThat(after.inProgress()).isEqualTo(before.inProgress() + 1);
        assertThat(after.planned()).isEqualTo(before.planned() + 1);
        assertThat(after.valueAdded()).isEqualTo(before.valueAdded() + 2);
        assertThat(checks.progress(ministry)).hasSize(Province.values().length);
        assertThatThrownBy(() -> checks.progress(operator)).isInstanceOf(NotFoundException.class);
    }

    TestingAuthorisation authorise(SpotCheckView check, String scope) {
        LocalDateTime now = LocalDateTime.now(clock);
        return work.authorise(leader, check.id(), new AuthorisationInput("REMOTE_PENETRATION", scope,
                now.minusHours(1).toString(), now.plusHours(8).toString(), "组长 138", "运维 139"), "授权书.pdf",
                AgencyFixtures.PDF);
    }

    SpotFindingInput finding(String method, String host, boolean major) {
        return new SpotFindingInput(method, host, unit.id(), "后台弱口令", "admin/admin123 可登录", "WEAK_PASSWORD", "HIGH",
                "", "", major, major ? "可直接控制核心业务系统" : "");
    }

    static List<String> codes(Throwable e) {
        return ((InvalidInputException) e).problems().stream().map(InvalidInputException.FieldProblem::code).toList();
    }
}
