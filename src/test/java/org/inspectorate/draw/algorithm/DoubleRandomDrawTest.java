package org.inspectorate.draw.algorithm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.inspectorate.draw.algorithm.DrawFixtures.CODE;
import static org.inspectorate.draw.algorithm.DrawFixtures.DRAW_DATE;
import static org.inspectorate.draw.algorithm.DrawFixtures.LEADER;
import static org.inspectorate.draw.algorithm.DrawFixtures.PEN;
import static org.inspectorate.draw.algorithm.DrawFixtures.VALID;
import static org.inspectorate.draw.algorithm.DrawFixtures.draw;
import static org.inspectorate.draw.algorithm.DrawFixtures.inspector;
import static org.inspectorate.draw.algorithm.DrawFixtures.inspectors;
import static org.inspectorate.draw.algorithm.DrawFixtures.rules;
import static org.inspectorate.draw.algorithm.DrawFixtures.seed;
import static org.inspectorate.draw.algorithm.DrawFixtures.snapshot;
import static org.inspectorate.draw.algorithm.DrawFixtures.target;
import static org.inspectorate.draw.algorithm.DrawFixtures.targets;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.assertj.core.groups.Tuple;
import org.inspectorate.draw.algorithm.DrawInfeasibleException.Shortfall;
import org.inspectorate.draw.algorithm.InspectorCandidate.Employment;
import org.junit.jupiter.api.Test;

class DoubleRandomDrawTest {

    private static final PoolSnapshot POOL = snapshot(targets(30), inspectors(12, 4), List.of());

    @Test
    void sameInputsGiveTheSameResultEveryTime() {
        DrawRules rules = rules(8, 3, List.of(), Set.of(PEN, CODE), 1000);
        DrawResult first = draw(POOL, rules, 7);
        List<TargetCandidate> shuffledTargets = new ArrayList<>(targets(30));
        Collections.reverse(shuffledTargets);
        List<InspectorCandidate> shuffledInspectors = new ArrayList<>(inspectors(12, 4));
        Collections.shuffle(shuffledInspectors, new Random(1));
        PoolSnapshot sameInOtherOrder = snapshot(shuffledTargets, shuffledInspectors, List.of());

        for (int i = 0; i < 5; i++) {
            assertThat(draw(POOL, rules, 7).assignments()).isEqualTo(first.assignments());
            assertThat(draw(sameInOtherOrder, rules, 7).assignments()).isEqualTo(first.assignments());
        }
        assertThat(sameInOtherOrder.hash()).isEqualTo(POOL.hash());
        assertThat(first.assignments()).hasSize(8);
        assertThat(new HashSet<>(first.targetIds())).hasSize(8);
        assertThat(draw(POOL, rules, 8).assignments()).isNotEqualTo(first.assignments());
    }

    @Test
    void witnessEntropyChangesTheDraw() {
        DrawRules rules = rules(8);
        assertThat(draw(POOL, rules, seed(1), List.of("witness: 7 19 23")).assignments())
                .isNotEqualTo(draw(POOL, rules, seed(1), List.of("witness: 7 19 24")).assignments())
                .isNotEqualTo(draw(POOL, rules, seed(1), List.of()).assignments());
    }

    @Test
    void revealingASeedThatDoesNotMatchItsCommitmentDrawsNothing() {
        DrawRules rules = rules(3);
        DrawCommitment commitment = DrawCommitment.of(seed(1), POOL, rules, DRAW_DATE);

        assertThatThrownBy(() -> DoubleRandomDraw.draw(POOL, rules, commitment, seed(2), List.of()))
                .isInstanceOf(CommitmentMismatchException.class)
                .hasMessageContaining("the revealed seed does not match the commitment")
                .hasMessageContaining(seed(2).sha256Hex())
                .hasMessageContaining(seed(1).sha256Hex());
    }

    @Test
    void everyProvinceGetsItsMinimumOfValueAddedTelecomTargets() {
        List<TargetCandidate> pool = new ArrayList<>();
        for (String province : List.of("11", "31", "44")) {
            for (int i = 0; i < 12; i++) {
                pool.add(target("vat-" + province + "-" + i, "op-v" + province + i, "VALUE_ADDED_TELECOM", province));
                pool.add(target("bt-" + province + "-" + i, "op-b" + province + i, "BASIC_TELECOM", province));
            }
        }
        Quota tenPerProvince = new Quota(Map.of("operatorType", "VALUE_ADDED_TELECOM"), List.of("province"), 10);
        DrawRules rules = rules(35, 2, List.of(tenPerProvince), Set.of(), 1000);
        PoolSnapshot snapshot = snapshot(pool, inspectors(10, 5), List.of());

        for (int s = 0; s < 20; s++) {
            List<String> drawn = draw(snapshot, rules, s).targetIds();
            assertThat(drawn).hasSize(35).doesNotHaveDuplicates();
            for (String province : List.of("11", "31", "44")) {
                assertThat(drawn.stream().filter(id -> id.startsWith("vat-" + province + "-")).count())
                        .isGreaterThanOrEqualTo(10);
            }
            // Quota strata come first, in stratum order (province 11, 31, 44).
            assertThat(drawn.subList(0, 10)).allMatch(id -> id.startsWith("vat-11-"));
            assertThat(drawn.subList(10, 20)).allMatch(id -> id.startsWith("vat-31-"));
            assertThat(drawn.subList(20, 30)).allMatch(id -> id.startsWith("vat-44-"));
        }
    }

    @Test
    void aQuotaThatCannotBeMetIsReportedWithItsNumbersAndNothingIsDrawn() {
        List<TargetCandidate> pool = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            pool.add(target("vat-44-" + i, "op-44-" + i, "VALUE_ADDED_TELECOM", "44"));
        }
        for (int i = 0; i < 3; i++) {
            pool.add(target("vat-45-" + i, "op-45-" + i, "VALUE_ADDED_TELECOM", "45"));
        }
        // One target of province 46 was inspected last month: it is not eligible.
        pool.add(new TargetCandidate("vat-46-0", "op-46-0", "VALUE_ADDED_TELECOM", "46", "PUBLIC_NETWORK", "2",
                DRAW_DATE.minusMonths(1)));
        Quota tenPerProvince = new Quota(Map.of("operatorType", "VALUE_ADDED_TELECOM"), List.of("province"), 10);
        DrawRules rules = rules(30, 2, List.of(tenPerProvince), Set.of(), 1000);

        assertThatThrownBy(() -> draw(snapshot(pool, inspectors(6, 3), List.of()), rules, 1))
                .isInstanceOfSatisfying(DrawInfeasibleException.class, e -> assertThat(e.shortfalls())
                        .containsExactly(
                                new Shortfall("sample", 30, 15, "eligible targets: 16 in the snapshot, 1 inspected within 12 months"),
                                new Shortfall("quota 1 (operatorType=VALUE_ADDED_TELECOM per [province] at least 10), "
                                        + "stratum province=45", 10, 3, "eligible targets in the stratum"),
                                new Shortfall("quota 1 (operatorType=VALUE_ADDED_TELECOM per [province] at least 10), "
                                        + "stratum province=46", 10, 0, "eligible targets in the stratum")))
                .hasMessageContaining("stratum province=45: needs 10, 3 available, short by 7");
    }

    @Test
    void quotaMinimumsAboveTheSampleSizeAreReported() {
        Quota fivePerProvince = new Quota(Map.of(), List.of("province"), 5);
        List<TargetCandidate> pool = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            pool.add(target("a" + i, "oa" + i, "VALUE_ADDED_TELECOM", "11"));
            pool.add(target("b" + i, "ob" + i, "VALUE_ADDED_TELECOM", "12"));
        }
        DrawRules rules = rules(8, 2, List.of(fivePerProvince), Set.of(), 1000);

        assertThatThrownBy(() -> draw(snapshot(pool, inspectors(4, 2), List.of()), rules, 1))
                .isInstanceOfSatisfying(DrawInfeasibleException.class, e -> assertThat(e.shortfalls())
                        .extracting(Shortfall::requirement, Shortfall::required, Shortfall::available, Shortfall::shortBy)
                        .containsExactly(Tuple.tuple("sample size for the quotas", 10, 8, 2)));
    }

    @Test
    void aPoolSmallerThanTheSampleIsAClearError() {
        assertThatThrownBy(() -> draw(POOL, rules(31), 1))
                .isInstanceOf(DrawInfeasibleException.class)
                .hasMessage("the draw is infeasible: sample: needs 31, 30 available, short by 1 "
                        + "(eligible targets: 30 in the snapshot, 0 inspected within 12 months)");
    }

    @Test
    void targetsInspectedWithinTheRecentMonthsAreNeverDrawn() {
        List<TargetCandidate> pool = new ArrayList<>(targets(6));
        pool.add(new TargetCandidate("recent", "op-r", "VALUE_ADDED_TELECOM", "44", "PUBLIC_NETWORK", "2",
                DRAW_DATE.minusMonths(12)));
        pool.add(new TargetCandidate("older", "op-o", "VALUE_ADDED_TELECOM", "44", "PUBLIC_NETWORK", "2",
                DRAW_DATE.minusMonths(12).minusDays(1)));
        PoolSnapshot snapshot = snapshot(pool, inspectors(4, 2), List.of());
        Set<String> seen = new HashSet<>();
        for (int s = 0; s < 200; s++) {
            seen.addAll(draw(snapshot, rules(7), s).targetIds());
        }
        assertThat(seen).doesNotContain("recent").contains("older").hasSize(7);
    }

    // --- inspectors: conflicts and qualification -------------------------------------------------------------

    /** One target run by "op-x", and the given inspectors plus two who may always serve. */
    private static Set<Set<String>> teamsOver(int draws, List<AgencyRelation> relations, InspectorCandidate... extra) {
        List<InspectorCandidate> pool = new ArrayList<>(List.of(extra));
        pool.add(inspector("free-1", "ag-1", LEADER));
        pool.add(inspector("free-2", "ag-1", LEADER));
        PoolSnapshot snapshot = snapshot(List.of(target("only", "op-x", "VALUE_ADDED_TELECOM", "44")), pool, relations);
        Set<Set<String>> teams = new HashSet<>();
        for (int s = 0; s < draws; s++) {
            teams.add(Set.copyOf(draw(snapshot, rules(1), s).assignments().get(0).team()));
        }
        return teams;
    }

    private static InspectorCandidate employedBy(String id, LocalDate until) {
        return inspector(id, "ag-1", List.of(new Employment("op-x", LocalDate.of(2010, 1, 1), until)), Set.of(),
                VALID, VALID, LEADER);
    }

    @Test
    void anInspectorNeverInspectsTheirOwnEmployer() {
        assertThat(teamsOver(100, List.of(), employedBy("insider", null))).containsOnly(Set.of("free-1", "free-2"));
    }

    @Test
    void anInspectorNeverInspectsAFormerEmployerWithinTheLookback() {
        // Look-back 3 years: left exactly 3 years before the draw date is still within it.
        assertThat(teamsOver(100, List.of(), employedBy("recent-leaver", DRAW_DATE.minusYears(3))))
                .containsOnly(Set.of("free-1", "free-2"));
    }

    @Test
    void aFormerEmployerLeftLongerAgoThanTheLookbackIsNoConflict() {
        assertThat(teamsOver(100, List.of(), employedBy("old-leaver", DRAW_DATE.minusYears(3).minusDays(1))))
                .anySatisfy(team -> assertThat(team).contains("old-leaver"));
    }

    @Test
    void anAgencyThatEvaluatedTheOperatorWithinTheLookbackSendsNobody() {
        InspectorCandidate fromAdvisor = inspector("advisor", "ag-3", LEADER);
        InspectorCandidate colleague = inspector("colleague", "ag-3", LEADER);
        AgencyRelation recent = new AgencyRelation("ag-3", "op-x", DRAW_DATE.minusYears(2), "EVALUATED");
        AgencyRelation old = new AgencyRelation("ag-3", "op-x", DRAW_DATE.minusYears(3).minusDays(1), "ADVISED");

        assertThat(teamsOver(100, List.of(recent), fromAdvisor, colleague)).containsOnly(Set.of("free-1", "free-2"));
        assertThat(teamsOver(100, List.of(old), fromAdvisor, colleague))
                .anySatisfy(team -> assertThat(team).containsExactlyInAnyOrder("advisor", "colleague"));
    }

    @Test
    void declaredConflictsWithTheTargetOrItsOperatorAreExcluded() {
        InspectorCandidate byTarget = inspector("declares-target", "ag-1", List.of(), Set.of("target:only"), VALID,
                VALID, LEADER);
        InspectorCandidate byOperator = inspector("declares-op", "ag-1", List.of(), Set.of("operator:op-x"), VALID,
                VALID, LEADER);
        InspectorCandidate unrelated = inspector("declares-other", "ag-1", List.of(), Set.of("operator:op-y"), VALID,
                VALID, LEADER);

        Set<Set<String>> teams = teamsOver(200, List.of(), byTarget, byOperator, unrelated);
        assertThat(teams).noneSatisfy(team -> assertThat(team).containsAnyOf("declares-target", "declares-op"));
        assertThat(teams).anySatisfy(team -> assertThat(team).contains("declares-other"));
    }

    @Test
    void anOperatorConflictNeverExcludesFromATargetWhoseIdIsTheSameTextNorATargetConflictFromAnOperator() {
        // Ids are numbers in both lists of the application: operator 7 and target (unit) 7 are different things.
        InspectorCandidate operatorSeven = inspector("declares-operator-7", "ag-1", List.of(), Set.of("operator:7"),
                VALID, VALID, LEADER);
        InspectorCandidate targetOfOperator = inspector("declares-target-op-x", "ag-1", List.of(),
                Set.of("target:op-x"), VALID, VALID, LEADER);
        List<InspectorCandidate> pool = List.of(operatorSeven, targetOfOperator, inspector("free", "ag-1", LEADER));
        PoolSnapshot snapshot = snapshot(List.of(target("7", "op-x", "VALUE_ADDED_TELECOM", "44")), pool, List.of());
        Set<String> served = new HashSet<>();
        for (int s = 0; s < 200; s++) {
            served.addAll(draw(snapshot, rules(1), s).assignments().get(0).team());
        }
        assertThat(served).contains("declares-operator-7", "declares-target-op-x");
        assertThatThrownBy(() -> inspector("untyped", "ag-1", List.of(), Set.of("7"), VALID, VALID, LEADER))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must be operator:<operator id> or target:<target id>");
    }

    @Test
    void inspectorsWhoseVettingOrCommitmentExpiredByTheDrawDateAreOut() {
        LocalDate dayBefore = DRAW_DATE.minusDays(1);
        InspectorCandidate vettingExpired = inspector("vetting-expired", "ag-1", List.of(), Set.of(), dayBefore, VALID, LEADER);
        // Valid when the snapshot was taken, expired between snapshot and draw.
        InspectorCandidate commitmentExpired =
                inspector("commitment-expired", "ag-1", List.of(), Set.of(), VALID, dayBefore, LEADER);
        InspectorCandidate validOnTheDay = inspector("valid-today", "ag-1", List.of(), Set.of(), DRAW_DATE, DRAW_DATE, LEADER);

        Set<Set<String>> teams = teamsOver(200, List.of(), vettingExpired, commitmentExpired, validOnTheDay);
        assertThat(teams).noneSatisfy(team -> assertThat(team).containsAnyOf("vetting-expired", "commitment-expired"));
        assertThat(teams).anySatisfy(team -> assertThat(team).contains("valid-today"));
    }

    // --- teams ---------------------------------------------------------------------------------------------------

    @Test
    void everyTeamHasExactlyOneLeaderTheRightSizeAndTheRequiredSkills() {
        List<InspectorCandidate> pool = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            String[] skills = i % 5 == 0 ? new String[] {LEADER} : i % 2 == 0 ? new String[] {PEN} : new String[] {CODE};
            pool.add(inspector(String.format("i%02d", i), "ag-" + (i % 3), skills));
        }
        PoolSnapshot snapshot = snapshot(targets(20), pool, List.of());
        DrawRules rules = rules(10, 3, List.of(), Set.of(PEN, CODE), 1000);
        Map<String, InspectorCandidate> byId = new HashMap<>();
        pool.forEach(i -> byId.put(i.id(), i));

        for (int s = 0; s < 50; s++) {
            for (TeamAssignment a : draw(snapshot, rules, s).assignments()) {
                assertThat(a.team()).hasSize(3).doesNotHaveDuplicates();
                assertThat(a.team().stream().map(m -> byId.get(m).agencyId()).distinct()).hasSize(1);
                assertThat(byId.get(a.leaderId()).skills()).contains(LEADER);
                assertThat(a.memberIds()).noneMatch(m -> byId.get(m).skills().contains(LEADER));
                Set<String> covered = new HashSet<>();
                a.team().forEach(m -> covered.addAll(byId.get(m).skills()));
                assertThat(covered).contains(PEN, CODE);
            }
        }
    }

    @Test
    void aTeamIsFoundEvenWhenOnlyOneInspectorCoversTwoRequiredSkills() {
        List<InspectorCandidate> pool = List.of(inspector("leader", "ag-1", LEADER), inspector("pen-only", "ag-1", PEN),
                inspector("code-only", "ag-1", CODE), inspector("both", "ag-1", PEN, CODE));
        PoolSnapshot snapshot = snapshot(targets(1), pool, List.of());
        DrawRules rules = rules(1, 2, List.of(), Set.of(PEN, CODE), 1000);

        for (int s = 0; s < 100; s++) {
            assertThat(draw(snapshot, rules, s).assignments().get(0).team()).containsExactly("leader", "both");
        }
    }

    @Test
    void noAgencyServesMoreThanKTargets() {
        PoolSnapshot snapshot = snapshot(targets(30), inspectors(12, 6), List.of());
        DrawRules rules = rules(12, 2, List.of(), Set.of(), 4);
        for (int s = 0; s < 30; s++) {
            Map<String, Integer> perAgency = new HashMap<>();
            for (TeamAssignment a : draw(snapshot, rules, s).assignments()) {
                Set<String> agencies = new HashSet<>();
                a.team().forEach(m -> agencies.add("ag-" + (Integer.parseInt(m.substring(1)) % 6)));
                agencies.forEach(ag -> perAgency.merge(ag, 1, Integer::sum));
            }
            assertThat(perAgency.values()).allMatch(n -> n <= 4);
        }
    }

    @Test
    void tooFewAgenciesForKTargetsEachIsReported() {
        assertThatThrownBy(() -> draw(snapshot(targets(30), inspectors(12, 3), List.of()),
                rules(10, 2, List.of(), Set.of(), 3), 1))
                .isInstanceOf(DrawInfeasibleException.class)
                .hasMessageContaining("agency capacity: needs 10, 9 available, short by 1");
    }

    @Test
    void aTargetForWhichNoTeamCanBeFormedIsNamed() {
        // Every inspector used to work for op-t01: target t01 can get no team.
        List<InspectorCandidate> pool = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            pool.add(inspector("i" + i, "ag-1", List.of(new Employment("op-t01", LocalDate.of(2020, 1, 1), null)),
                    Set.of(), VALID, VALID, LEADER));
        }
        assertThatThrownBy(() -> draw(snapshot(targets(2), pool, List.of()), rules(2), 1))
                .isInstanceOfSatisfying(DrawInfeasibleException.class, e -> assertThat(e.shortfalls())
                        .extracting(Shortfall::requirement, Shortfall::required, Shortfall::available)
                        .containsExactly(Tuple.tuple("team for target t01", 2, 0)));
    }

    @Test
    void aPoolWithoutLeadersOrARequiredSkillIsReported() {
        List<InspectorCandidate> pool = List.of(inspector("a", "ag-1", PEN), inspector("b", "ag-2", PEN));
        assertThatThrownBy(() -> draw(snapshot(targets(3), pool, List.of()), rules(1, 2, List.of(), Set.of(PEN, CODE), 5), 1))
                .isInstanceOfSatisfying(DrawInfeasibleException.class, e -> assertThat(e.shortfalls())
                        .extracting(Shortfall::requirement)
                        .containsExactly("team leader (TEAM_LEADER)", "required skill CODE_REVIEW"));
    }
}
