package org.inspectorate.spotcheck;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.inspectorate.agency.Agencies;
import org.inspectorate.agency.AgencyFixtures;
import org.inspectorate.agency.Inspector;
import org.inspectorate.draw.DrawInput;
import org.inspectorate.draw.DrawRuleVersions;
import org.inspectorate.draw.DrawRulesVersion;
import org.inspectorate.draw.DrawView;
import org.inspectorate.draw.Draws;
import org.inspectorate.draw.RulesInput;
import org.inspectorate.filing.NetworkUnit;
import org.inspectorate.filing.NetworkUnitFixtures;
import org.inspectorate.filing.NetworkUnits;
import org.inspectorate.organisation.Actor;
import org.inspectorate.organisation.Organisation;
import org.inspectorate.organisation.OrganisationFixtures;
import org.inspectorate.organisation.OrganisationType;
import org.inspectorate.organisation.Organisations;
import org.inspectorate.organisation.Province;
import org.inspectorate.organisation.Role;
import org.inspectorate.organisation.UserAccount;
import org.inspectorate.organisation.UserAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * What the spot-check tests share: a province (宁夏) with two officers, an operator with a filed unit, an agency with
 * three cleared inspectors, a check outside a draw of that operator by those inspectors, and the way to a published
 * draw.
 */
abstract class SpotCheckFixture {

    static final Province PROVINCE = Province.NINGXIA;

    @Autowired
    SpotChecks checks;
    @Autowired
    SpotCheckWork work;
    @Autowired
    SpotCheckFollowUp followUp;
    @Autowired
    Draws draws;
    @Autowired
    DrawRuleVersions drawRules;
    @Autowired
    Agencies agencies;
    @Autowired
    Organisations organisations;
    @Autowired
    UserAccounts accounts;
    @Autowired
    NetworkUnits units;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MockMvc mvc;
    @Autowired
    Clock clock;

    Actor officer;
    Actor secondOfficer;
    Actor ministry;
    Actor operator;
    NetworkUnit unit;
    Organisation agency;
    Actor leader;
    Actor member;
    Actor bystander;
    LocalDate today;

    @BeforeEach
    void world() {
        today = LocalDate.now(clock);
        officer = actor(OrganisationType.PROVINCIAL_ADMINISTRATION, PROVINCE, Role.PROVINCIAL_OFFICER);
        secondOfficer = actor(OrganisationType.PROVINCIAL_ADMINISTRATION, PROVINCE, Role.PROVINCIAL_OFFICER);
        ministry = actor(OrganisationType.MINISTRY_BUREAU, null, Role.MINISTRY_OFFICER);
        operator = actor(OrganisationType.VALUE_ADDED_TELECOM, PROVINCE, Role.OPERATOR_ADMIN);
        unit = filedUnit(operator);
        agency = AgencyFixtures.agency(organisations, agencies, officer, today.plusYears(1));
        leader = inspector(List.of("TEAM_LEADER", "PENETRATION_TESTING"));
        member = inspector(List.of("TEAM_LEADER", "PENETRATION_TESTING"));
        bystander = inspector(List.of("PENETRATION_TESTING"));
    }

    Actor actor(OrganisationType type, Province province, Role role) {
        return OrganisationFixtures.actor(OrganisationFixtures.organisation(organisations, type, province, null), role);
    }

    NetworkUnit filedUnit(Actor owner) {
        NetworkUnit draft = units.create(owner, NetworkUnitFixtures.unitInput("门户网站", "PORTAL", "3.1",
                List.of(NetworkUnitFixtures.domain("portal.example.cn"))));
        NetworkUnit submitted = units.submit(owner, draft.id(), draft.version());
        return units.accept(officer, draft.id(), submitted.version());
    }

    Actor inspector(List<String> skills) {
        Inspector i = AgencyFixtures.inspector(accounts, agencies, officer, agency, skills, today.plusYears(1),
                today.plusYears(1));
        return inspectorActor(i.userId());
    }

    /** The actor of an inspector account, as the web layer builds it. */
    Actor inspectorActor(long userId) {
        UserAccount a = accounts.findUnscoped(userId).orElseThrow();
        return new Actor(a.id(), a.username(), a.organisationId(), OrganisationType.TESTING_AGENCY, null,
                Set.of(Role.INSPECTOR));
    }

    /** The target operator's admin of a check made from a draw. */
    Actor operatorOf(SpotCheckView check) {
        return OrganisationFixtures.actor(organisations.findUnscoped(check.targetOrganisationId()).orElseThrow(),
                Role.OPERATOR_ADMIN);
    }

    /** A check outside a draw of the fixture's operator by the leader and the member, in state PLANNED. */
    SpotCheckView outsideDraw() {
        return checks.create(officer, new NewSpotCheck(Long.toString(operator.organisationId()),
                Long.toString(unit.id()), Long.toString(leader.userId()), Long.toString(member.userId()),
                today.plusDays(1).toString(), "部交办：举报核查"));
    }

    /** The check scheduled with interviews and remote penetration testing, and started by its leader. */
    SpotCheckView started(SpotCheckView check) {
        SpotCheckView scheduled = checks.schedule(officer, check.id(), check.version(), new ScheduleInput(
                List.of("INTERVIEW", "REMOTE_PENETRATION"), today.toString(), today.plusDays(3).toString(),
                "网络安全管理制度、资产清单"));
        return checks.start(leader, scheduled.id(), scheduled.version());
    }

    /** A published draw of the province: a draw of two targets with teams of two. */
    DrawView published() {
        for (int i = 0; i < 2; i++) {
            filedUnit(actor(OrganisationType.VALUE_ADDED_TELECOM, PROVINCE, Role.OPERATOR_ADMIN));
        }
        inspector(List.of("PENETRATION_TESTING", "CODE_REVIEW"));
        DrawRulesVersion rules = drawRules.save(officer, new RulesInput("spot-check-rules", "2", "2",
                List.of("PENETRATION_TESTING"), "TEAM_LEADER", "5", "3", "0",
                "operatorType=VALUE_ADDED_TELECOM; per=province; atLeast=1"));
        DrawView draft = draws.prepare(officer, new DrawInput("宁夏抽查", Long.toString(rules.id()), PROVINCE.code(),
                "VALUE_ADDED_TELECOM", "", "", List.of("PENETRATION_TESTING", "TEAM_LEADER"), today.toString()));
        draws.approve(secondOfficer, draft.id());
        draws.run(officer, draft.id(), "");
        return draws.publish(secondOfficer, draft.id());
    }

    static RequestPostProcessor as(Actor actor) {
        return SecurityMockMvcRequestPostProcessors.authentication(OrganisationFixtures.authentication(actor));
    }
}
