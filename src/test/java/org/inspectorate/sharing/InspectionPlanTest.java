package org.inspectorate.sharing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.inspectorate.system.ConflictException;
import org.inspectorate.system.InvalidInputException.FieldProblem;
import org.junit.jupiter.api.Test;

/** The planned inspection's life: every state × act of the table, joining, and the plan form's rules. */
class InspectionPlanTest {

    private static final Instant NOW = Instant.parse("2027-05-01T02:00:00Z");
    private static final LocalDate TODAY = LocalDate.of(2027, 5, 1);

    private static InspectionPlan plan(PlanState state) {
        return new InspectionPlan(9, new InspectionPlan.Facts(7, "110000", 100, TODAY.plusDays(10), TODAY.plusDays(12),
                "等级保护", "police"), state, List.of(new InspectionPlan.Participant(100, "公安", "张三")), 0);
    }

    private static InspectionPlan.Participant cac() {
        return new InspectionPlan.Participant(200, "网信", "李四");
    }

    @Test
    void everyStateAndActFollowsTheTransitionTable() {
        for (PlanState state : PlanState.values()) {
            for (InspectionPlan.Act act : InspectionPlan.Act.values()) {
                InspectionPlan p = plan(state);
                boolean allowed = InspectionPlan.FROM.get(act).contains(state);
                Runnable doIt = act == InspectionPlan.Act.JOIN ? () -> p.join(cac(), NOW) : () -> p.cancel("police");
                if (allowed) {
                    doIt.run();
                    assertThat(p.state()).as(state + " " + act)
                            .isEqualTo(act == InspectionPlan.Act.JOIN ? PlanState.JOINT : PlanState.CANCELLED);
                } else {
                    assertThatThrownBy(doIt::run).as(state + " " + act).isInstanceOf(ConflictException.class);
                    assertThat(p.state()).isEqualTo(state);
                }
            }
        }
    }

    @Test
    void joiningMakesOneJointInspectionWithTheMembersOfBothDepartments() {
        InspectionPlan p = plan(PlanState.PLANNED);
        InspectionJoined joined = p.join(cac(), NOW);
        assertThat(p.participants()).extracting(InspectionPlan.Participant::orgId).containsExactly(100L, 200L);
        assertThat(joined.action()).isEqualTo("sharing.calendar.joined");
        assertThat(joined.subject()).isEqualTo("inspection-plan:9/operator:7");
    }

    @Test
    void aDepartmentJoiningAPlanItAlreadyTakesPartInIsRefusedAsOverlappingItself() {
        InspectionPlan p = plan(PlanState.PLANNED);
        assertThatThrownBy(() -> p.join(new InspectionPlan.Participant(100, "公安", "王五"), NOW))
                .isInstanceOf(ConflictException.class).hasMessageContaining("alreadyParticipant");
        assertThat(p.participants()).hasSize(1);
        assertThat(p.state()).isEqualTo(PlanState.PLANNED);
    }

    @Test
    void aCalendarEntryInThePastIsRefusedOnItsStartDate() {
        PlanInput past = new PlanInput("x", TODAY.minusDays(1), TODAY.plusDays(1), "范围", "成员", true);
        assertThat(PlanValidation.problems(past, TODAY)).extracting(FieldProblem::field, FieldProblem::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("startsOn", "sharing.calendar.inPast"));
    }

    @Test
    void todayIsNotThePastButAnEndBeforeTheStartAndMissingTextAreRefusedEachOnItsField() {
        assertThat(PlanValidation.problems(new PlanInput("x", TODAY, TODAY, "范围", "成员", true), TODAY)).isEmpty();
        assertThat(PlanValidation.problems(new PlanInput("x", TODAY.plusDays(3), TODAY.plusDays(2), " ", null, true),
                TODAY)).extracting(FieldProblem::field).containsExactly("endsOn", "scope", "members");
    }
}
