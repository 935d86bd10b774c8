package org.inspectorate.selfinspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.inspectorate.organisation.Province;
import org.inspectorate.system.ConflictException;
import org.inspectorate.system.InvalidInputException;
import org.junit.jupiter.api.Test;

/** The workspace aggregate: its transition table walked pair by pair, and what each transition returns. */
class WorkspaceTest {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final Instant ON_TIME = Instant.parse("2018-09-29T02:00:00Z");
    private static final Instant LATE = Instant.parse("2018-10-02T02:00:00Z");

    /** Every state and the states a transition leads to from it (to itself: an edit). */
    private static final Map<WorkspaceState, Set<WorkspaceState>> MOVES = Map.of(
            WorkspaceState.IN_PROGRESS, EnumSet.of(WorkspaceState.IN_PROGRESS, WorkspaceState.SUBMITTED),
            WorkspaceState.RETURNED, EnumSet.of(WorkspaceState.RETURNED, WorkspaceState.SUBMITTED),
            WorkspaceState.SUBMITTED, EnumSet.of(WorkspaceState.ACCEPTED, WorkspaceState.RETURNED),
            WorkspaceState.ACCEPTED, EnumSet.noneOf(WorkspaceState.class));

    /** Takes a workspace in {@code from} by the transition that leads to {@code to}; returns its event. */
    private static Object step(WorkspaceState from, WorkspaceState to) {
        Workspace w = SelfInspectionFixtures.workspace(from);
        Object event;
        if (from == to) {
            event = w.saveReport("概况", "计划", ON_TIME);
        } else {
            event = switch (to) {
                case SUBMITTED -> w.submit("op", ON_TIME, BEIJING, 3, 3);
                case ACCEPTED -> w.accept("officer", ON_TIME);
                case RETURNED -> w.returnWith("请补充", "officer", ON_TIME);
                case IN_PROGRESS -> throw new AssertionError("no transition leads back to IN_PROGRESS");
            };
        }
        assertThat(w.state()).isEqualTo(to);
        return event;
    }

    @Test
    void everyStatePairIsEitherATransitionOrAConflictNamingTheCurrentState() {
        int allowed = 0;
        for (WorkspaceState from : WorkspaceState.values()) {
            for (WorkspaceState to : WorkspaceState.values()) {
                boolean expected = MOVES.get(from).contains(to);
                assertThat(Workspace.allows(from, to)).as(from + "->" + to).isEqualTo(expected);
                if (expected) {
                    assertThat(step(from, to)).as(from + "->" + to).isNotNull();
                    allowed++;
                } else if (to == WorkspaceState.IN_PROGRESS && from != to) {
                    // No transition leads back to IN_PROGRESS: a returned report stays RETURNED until resubmitted.
                    continue;
                } else {
                    assertThatThrownBy(() -> step(from, to)).as(from + "->" + to)
                            .isInstanceOfSatisfying(ConflictException.class,
                                    e -> assertThat(e.args()).containsExactly(from.name()));
                }
            }
        }
        assertThat(allowed).isEqualTo(6);
    }

    @Test
    void eachRefusalUsesTheMessageOfItsStep() {
        assertThatThrownBy(() -> SelfInspectionFixtures.workspace(WorkspaceState.SUBMITTED).requireEditable())
                .isInstanceOfSatisfying(ConflictException.class,
                        e -> assertThat(e.code()).isEqualTo("selfinspection.state.locked"));
        assertThatThrownBy(() -> SelfInspectionFixtures.workspace(WorkspaceState.ACCEPTED).submit("op", ON_TIME, BEIJING, 3, 3))
                .isInstanceOfSatisfying(ConflictException.class,
                        e -> assertThat(e.code()).isEqualTo("selfinspection.submit.state"));
        assertThatThrownBy(() -> SelfInspectionFixtures.workspace(WorkspaceState.RETURNED).accept("officer", ON_TIME))
                .isInstanceOfSatisfying(ConflictException.class,
                        e -> assertThat(e.code()).isEqualTo("selfinspection.review.state"));
        assertThatThrownBy(() -> SelfInspectionFixtures.workspace(WorkspaceState.IN_PROGRESS)
                .returnWith("x", "officer", ON_TIME))
                .isInstanceOfSatisfying(ConflictException.class,
                        e -> assertThat(e.code()).isEqualTo("selfinspection.review.state"));
    }

    @Test
    void theOperatorEditsExactlyWhileTheStateIsEditable() {
        for (WorkspaceState state : WorkspaceState.values()) {
            assertThat(Workspace.allows(state, state)).as(state.name()).isEqualTo(state.editable());
        }
    }

    @Test
    void aSubmissionNeedsTheOverviewAndEveryAnswerAndChangesNothingWithout() {
        Workspace w = SelfInspectionFixtures.workspace(WorkspaceState.IN_PROGRESS);
        w.saveReport(" ", null, ON_TIME);
        assertThatThrownBy(() -> w.submit("op", ON_TIME, BEIJING, 1, 3))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.problems()).extracting(InvalidInputException.FieldProblem::field)
                            .containsExactly("overview", "answers");
                    assertThat(e.problems().get(1).args()).containsExactly(2, 3);
                });
        assertThat(w.state()).isEqualTo(WorkspaceState.IN_PROGRESS);
        assertThat(w.submittedAt()).isNull();
    }

    @Test
    void theFirstSubmissionIsMarkedLateAfterTheDeadlineAndAResubmissionKeepsTheMark() {
        Workspace w = SelfInspectionFixtures.workspace(WorkspaceState.IN_PROGRESS);
        WorkspaceSubmitted first = w.submit("op", LATE, BEIJING, 3, 3);
        assertThat(first).isEqualTo(new WorkspaceSubmitted(11, "SI-TEST", Province.FUJIAN, true, false));
        assertThat(first.action()).isEqualTo("selfinspection.submitted");
        assertThat(first.subject()).isEqualTo("self-inspection:11");
        assertThat(first.detail()).isEqualTo("SI-TEST to " + Province.FUJIAN.code() + " late");
        assertThat(w.firstSubmittedAt()).isEqualTo(LATE);

        WorkspaceReturned returned = w.returnWith("请补充", "officer", LATE);
        assertThat(returned.action()).isEqualTo("selfinspection.returned");
        assertThat(w.returnReason()).isEqualTo("请补充");
        Instant again = LATE.plusSeconds(3600);
        WorkspaceSubmitted resubmitted = w.submit("op2", again, BEIJING, 3, 3);
        assertThat(resubmitted.action()).isEqualTo("selfinspection.resubmitted");
        assertThat(resubmitted.late()).isTrue();
        assertThat(w.firstSubmittedAt()).isEqualTo(LATE);
        assertThat(w.submittedAt()).isEqualTo(again);
        assertThat(w.submittedBy()).isEqualTo("op2");
    }

    @Test
    void anOnTimeFirstSubmissionIsNotLateAndAcceptanceClearsTheReturnReason() {
        Workspace w = SelfInspectionFixtures.workspace(WorkspaceState.RETURNED);
        WorkspaceSubmitted submitted = w.submit("op", ON_TIME, BEIJING, 3, 3);
        assertThat(submitted.late()).isFalse();
        assertThat(submitted.resubmission()).isTrue();
        WorkspaceAccepted accepted = w.accept("officer", ON_TIME);
        assertThat(accepted).isEqualTo(new WorkspaceAccepted(11, "SI-TEST", "officer"));
        assertThat(accepted.action()).isEqualTo("selfinspection.accepted");
        assertThat(accepted.detail()).isEqualTo("SI-TEST");
        assertThat(w.returnReason()).isNull();
        assertThat(w.reviewedBy()).isEqualTo("officer");
    }

    @Test
    void editsReturnTheirEventsWithTheDetailTheAuditTrailKeeps() {
        Workspace w = SelfInspectionFixtures.workspace(WorkspaceState.IN_PROGRESS);
        assertThat(w.answered("VUL-01", Answer.NOT_COMPLIANT, 5L, ON_TIME).detail()).isEqualTo("VUL-01 NOT_COMPLIANT finding:5");
        assertThat(w.answered("PWD-01", Answer.COMPLIANT, null, ON_TIME).detail()).isEqualTo("PWD-01 COMPLIANT");
        AnswerEvidenceAttached attached = w.evidenceAttached("PWD-01", 9, ON_TIME);
        assertThat(attached.action()).isEqualTo("selfinspection.evidence.attached");
        assertThat(attached.detail()).isEqualTo("PWD-01 evidence:9");
        assertThat(w.saveReport("概况", "计划", ON_TIME).action()).isEqualTo("selfinspection.report.saved");
        assertThat(w.updatedAt()).isEqualTo(ON_TIME);
        assertThat(new WorkspaceStarted(11, "SI-TEST", null, w.dueOn()).detail()).isEqualTo("SI-TEST to MINISTRY due 2018-09-30");
    }
}
