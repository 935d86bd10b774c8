package org.inspectorate.demo;

import org.springframework.test.context.TestPropertySource;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.inspectorate.agency.Agencies;
import org.inspectorate.agency.EligibleInspector;
import org.inspectorate.draw.DrawRuleVersions;
import org.inspectorate.draw.DrawState;
import org.inspectorate.draw.DrawView;
import org.inspectorate.draw.Draws;
import org.inspectorate.draw.PlannedSpotCheck;
import org.inspectorate.draw.algorithm.PublishedDraw;
import org.inspectorate.draw.algorithm.TeamAssignment;
import org.inspectorate.filing.NetworkUnits;
import org.inspectorate.filing.attachment.UnitAttachments;
import org.inspectorate.obligation.Obligations;
import org.inspectorate.organisation.Actor;
import org.inspectorate.organisation.OrganisationType;
import org.inspectorate.organisation.Organisations;
import org.inspectorate.organisation.Province;
import org.inspectorate.organisation.Role;
import org.inspectorate.organisation.UserAccount;
import org.inspectorate.organisation.UserAccounts;
import org.inspectorate.support.DatabaseTest;
import org.inspectorate.system.PageRequest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

@DatabaseTest
// The demo data is loaded in demo mode only, where its documented password is allowed (Passwords).
@TestPropertySource(properties = "inspectorate.demo=true")
class DemoDrawsTest {

    @Autowired
    UnitAttachments attachments;
    @Autowired
    Organisations organisations;
    @Autowired
    UserAccounts accounts;
    @Autowired
    NetworkUnits units;
    @Autowired
    Obligations obligations;
    @Autowired
    Agencies agencies;
    @Autowired
    Draws draws;
    @Autowired
    DrawRuleVersions drawRules;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    Clock clock;

    private long id(String username) {
        return accounts.findByUsernameUnscoped(username).orElseThrow().id();
    }

    @Test
    void theDemoHasVettedInspectorsAnExcludedOneAndAPublishedBeijingDrawThatVerifiesAndASecondRunAddsNothing() {
        new DemoDataLoader(organisations, accounts, new TransactionTemplate(transactions)).load();
        new DemoFilings(organisations, units, obligations, attachments, new TransactionTemplate(transactions), clock).load();
        DemoDraws demo = new DemoDraws(organisations, accounts, agencies, draws, drawRules, new TransactionTemplate(transactions),
                clock);
        Long id = demo.load();
        assertThat(id).isNotNull();
        assertThat(demo.load()).isNull();

        Set<Long> pool = agencies.eligiblePool(LocalDate.now(clock)).stream().map(EligibleInspector::userId)
                .collect(Collectors.toSet());
        for (String eligible : List.of("inspector", "inspector2", "inspector3", "inspector4", "inspector5")) {
            assertThat(pool).as(eligible).contains(id(eligible));
        }
        assertThat(pool).as("expired commitment").doesNotContain(id("inspector6"));
        assertThat(pool).as("expired vetting").doesNotContain(id("inspector7"));

        Actor ministry = new Actor(0, "test", 0, OrganisationType.MINISTRY_BUREAU, null, Set.of(Role.MINISTRY_OFFICER));
        DrawView draw = draws.get(ministry, id);
        assertThat(draw.state()).isEqualTo(DrawState.PUBLISHED);
        assertThat(draw.preparedBy()).isEqualTo("beijing");
        assertThat(draw.approvedBy()).isEqualTo("beijing2");
        assertThat(draws.verify(ministry, id).matches()).isTrue();
        List<PlannedSpotCheck> checks = draws.plannedChecks(ministry, id);
        assertThat(checks).hasSize(4).allSatisfy(c -> assertThat(c.state()).isEqualTo("PLANNED"));
        PublishedDraw published = draws.published(ministry, id);
        assertThat(published.snapshot().targets()).allSatisfy(t -> assertThat(t.province())
                .isEqualTo(Province.BEIJING.code()));
        assertThat(published.snapshot().inspectors()).noneSatisfy(i -> assertThat(i.id())
                .isIn(Long.toString(id("inspector6")), Long.toString(id("inspector7"))));
        assertThat(draws.list(ministry, DrawState.DRAFT, PageRequest.first(100)).items())
                .anySatisfy(d -> assertThat(d.preparedBy()).isEqualTo("beijing"));

        // With only the demo's inspectors in the pool (a fresh database), the demo inspector leads two teams.
        Set<String> demoInspectors = List.of("inspector", "inspector2", "inspector3", "inspector4", "inspector5")
                .stream().map(u -> Long.toString(id(u))).collect(Collectors.toSet());
        if (published.snapshot().inspectors().stream().allMatch(i -> demoInspectors.contains(i.id()))) {
            assertThat(published.result()).extracting(TeamAssignment::leaderId)
                    .filteredOn(l -> l.equals(Long.toString(id("inspector")))).hasSize(2);
            UserAccount inspector = accounts.findByUsernameUnscoped("inspector").orElseThrow();
            Actor me = new Actor(inspector.id(), inspector.username(), inspector.organisationId(),
                    OrganisationType.TESTING_AGENCY, null, Set.of(Role.INSPECTOR));
            assertThat(draws.myPlannedChecks(me)).hasSize(2);
            assertThat(draws.get(me, id).id()).isEqualTo(id);
        }
    }
}
