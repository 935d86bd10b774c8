package org.inspectorate.draw;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.inspectorate.agency.Agencies;
import org.inspectorate.agency.AgencyFixtures;
import org.inspectorate.draw.algorithm.PoolSnapshot;
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
import org.inspectorate.organisation.UserAccounts;
import org.inspectorate.support.DatabaseTest;
import org.inspectorate.system.ConflictException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * "Last inspected" (docs/draw-algorithm.md §4): an operator's latest spot check that its team started before the
 * draw date, whichever of its units it was on; a planned check that has not started, or started on or after the draw
 * date, does not count.
 */
@DatabaseTest
class DrawLastInspectedIntegrationTest {

    static final Province PROVINCE = Province.HAINAN;

    @Autowired
    Draws draws;
    @Autowired
    DrawRepository repository;
    @Autowired
    Clock clock;
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

    Actor preparer;
    Actor approver;
    LocalDate today;

    @BeforeEach
    void pools() {
        today = LocalDate.now(clock);
        preparer = officer(OrganisationType.PROVINCIAL_ADMINISTRATION, Role.PROVINCIAL_OFFICER);
        approver = officer(OrganisationType.PROVINCIAL_ADMINISTRATION, Role.PROVINCIAL_OFFICER);
        Organisation agency = AgencyFixtures.agency(organisations, agencies, preparer, today.plusYears(1));
        for (int i = 0; i < 2; i++) {
            AgencyFixtures.inspector(accounts, agencies, preparer, agency, List.of("TEAM_LEADER", "PENETRATION_TESTING"),
                    today.plusYears(1), today.plusYears(1));
        }
    }

    private Actor officer(OrganisationType type, Role role) {
        return OrganisationFixtures.actor(OrganisationFixtures.organisation(organisations, type, PROVINCE, null), role);
    }

    private NetworkUnit filedUnit(Actor operator) {
        NetworkUnit draft = units.create(operator, NetworkUnitFixtures.unitInput("门户网站", "PORTAL", "3.1",
                List.of(NetworkUnitFixtures.domain("portal.example.cn"))));
        NetworkUnit submitted = units.submit(operator, draft.id(), draft.version());
        return units.accept(approver, draft.id(), submitted.version());
    }

    private DrawView scheduled(String sample, LocalDate drawDate) {
        DrawRulesVersion rules = drawRules.save(preparer, new RulesInput("last-inspected-hainan", sample, "2",
                List.of("PENETRATION_TESTING"), "TEAM_LEADER", "1000", "3", "12", ""));
        DrawView draft = draws.prepare(preparer, new DrawInput("海南省抽查", Long.toString(rules.id()), PROVINCE.code(),
                "VALUE_ADDED_TELECOM", "", "", List.of(), drawDate.toString()));
        try {
            return draws.approve(approver, draft.id());
        } catch (ConflictException e) { // name the shortfalls
            throw new AssertionError(e.code() + ": " + java.util.Arrays.toString(e.args()), e);
        }
    }

    private LocalDate lastInspected(long drawId, long unitId) {
        PoolSnapshot snapshot = repository.snapshot(drawId);
        return snapshot.targets().stream().filter(t -> t.id().equals(Long.toString(unitId))).findFirst()
                .orElseThrow().lastInspected();
    }

    @Test
    void aCheckPlannedByALaterDrawOrNotStartedOrStartedOnTheDrawDateDoesNotCountOneStartedBeforeCountsForEveryUnit() {
        Actor operator = officer(OrganisationType.VALUE_ADDED_TELECOM, Role.OPERATOR_ADMIN);
        NetworkUnit inspected = filedUnit(operator);
        NetworkUnit sibling = filedUnit(operator);
        filedUnit(officer(OrganisationType.VALUE_ADDED_TELECOM, Role.OPERATOR_ADMIN)); // another operator's: eligible

        // A draw dated a month ahead plans checks on every eligible target of the pool (its sample is all of them).
        int pool = (int) repository.snapshot(scheduled("1", today.plusDays(30)).id()).targets().stream()
                .filter(t -> t.lastInspected() == null).count();
        DrawView later = scheduled(Integer.toString(pool), today.plusDays(30));
        draws.run(preparer, later.id(), "");
        long check = jdbc.sql("SELECT id FROM planned_spot_check WHERE draw_id = :d AND target_unit_id = :u")
                .param("d", later.id()).param("u", inspected.id()).query(Long.class).single();

        // An earlier draw approved afterwards: the later plan is neither done nor started, nor before its date.
        DrawView earlier = scheduled("1", today.plusDays(10));
        assertThat(lastInspected(earlier.id(), inspected.id())).isNull();
        assertThat(lastInspected(earlier.id(), sibling.id())).isNull();

        // Started on the draw date itself: not before it.
        jdbc.sql("UPDATE planned_spot_check SET started_on = :on WHERE id = :id").param("on", today.plusDays(10))
                .param("id", check).update();
        assertThat(lastInspected(scheduled("1", today.plusDays(10)).id(), inspected.id())).isNull();

        // Started the day before: the operator was inspected then, which counts for each of its units.
        jdbc.sql("UPDATE planned_spot_check SET started_on = :on WHERE id = :id").param("on", today.plusDays(9))
                .param("id", check).update();
        DrawView after = scheduled("1", today.plusDays(10));
        assertThat(lastInspected(after.id(), inspected.id())).isEqualTo(today.plusDays(9));
        assertThat(lastInspected(after.id(), sibling.id())).isEqualTo(today.plusDays(9));
    }
}
