package org.inspectorate.draw;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.inspectorate.organisation.Actor;
import org.inspectorate.organisation.OrganisationType;
import org.inspectorate.organisation.Province;
import org.inspectorate.organisation.Role;
import org.inspectorate.system.AuditableEvent;
import org.inspectorate.system.ConflictException;
import org.inspectorate.system.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The draw aggregate's transition table, walked for every move from every state, and its four-eyes guards. */
class DrawTest {

    static final Instant AT = Instant.parse("2026-03-02T08:00:00Z");
    static final LocalDate TODAY = LocalDate.parse("2026-03-02");
    static final LocalDate DRAW_DATE = LocalDate.parse("2026-03-10");

    static final Actor PREPARER = officer(11, "preparer");
    static final Actor SECOND = officer(12, "second");

    static final Draw.Commitment COMMITMENT = new Draw.Commitment(3, 4, "snapshot-hash", "seed-hash", "digest");

    /** What each move leads to from each state it may start from; from any other state it is refused. */
    static final Map<Draw.Move, Map<DrawState, DrawState>> EXPECTED = new EnumMap<>(Map.of(
            Draw.Move.EDIT, Map.of(DrawState.DRAFT, DrawState.DRAFT),
            Draw.Move.APPROVE, Map.of(DrawState.DRAFT, DrawState.SCHEDULED),
            Draw.Move.RUN, Map.of(DrawState.SCHEDULED, DrawState.DRAWN),
            Draw.Move.PUBLISH, Map.of(DrawState.DRAWN, DrawState.PUBLISHED),
            Draw.Move.REQUEST_REDRAW, Map.of(DrawState.DRAWN, DrawState.REDRAW_REQUESTED,
                    DrawState.PUBLISHED, DrawState.REDRAW_REQUESTED, DrawState.INFEASIBLE, DrawState.RETRY_REQUESTED),
            Draw.Move.APPROVE_REDRAW, Map.of(DrawState.REDRAW_REQUESTED, DrawState.SCHEDULED,
                    DrawState.RETRY_REQUESTED, DrawState.SCHEDULED),
            // the fixture's re-draw was asked for from PUBLISHED, its new attempt from INFEASIBLE
            Draw.Move.REFUSE_REDRAW, Map.of(DrawState.REDRAW_REQUESTED, DrawState.PUBLISHED,
                    DrawState.RETRY_REQUESTED, DrawState.INFEASIBLE)));

    static final Map<Draw.Move, String> REFUSAL = Map.of(Draw.Move.EDIT, "draw.notEditable", Draw.Move.APPROVE,
            "draw.notDraft", Draw.Move.RUN, "draw.notScheduled", Draw.Move.PUBLISH, "draw.notDrawn",
            Draw.Move.REQUEST_REDRAW, "draw.notDrawn", Draw.Move.APPROVE_REDRAW, "draw.redraw.notRequested",
            Draw.Move.REFUSE_REDRAW, "draw.redraw.notRequested");

    static Actor officer(long id, String username) {
        return new Actor(id, username, 1, OrganisationType.PROVINCIAL_ADMINISTRATION, Province.GUANGDONG,
                Set.of(Role.PROVINCIAL_OFFICER));
    }

    /** A draw of Guangdong prepared by {@link #PREPARER}, in the given state; a re-draw asked for by SECOND. */
    static Draw draw(DrawState state) {
        DrawView view = new DrawView(7, "广东省抽查", "44", 3, "rules", 1, "44", null, null, null, null, DRAW_DATE,
                state, PREPARER.username(), null, null, "snapshot-hash", "seed-hash", "rules-hash", "digest", null,
                null, AT, 1, "复核发现遗漏", SECOND.username(), AT);
        Draw.RedrawRequest redraw = new Draw.RedrawRequest("复核发现遗漏", SECOND.userId(), SECOND.username(), AT,
                state == DrawState.RETRY_REQUESTED ? DrawState.INFEASIBLE : DrawState.PUBLISHED);
        boolean inForce = Draw.roundInForce(state);
        boolean spent = state == DrawState.INFEASIBLE || state == DrawState.RETRY_REQUESTED;
        return Draw.restore(view, PREPARER.userId(), redraw, inForce ? new Draw.Rounds(1, 90, 1)
                : spent ? new Draw.Rounds(1, 0, 0) : Draw.Rounds.NONE);
    }

    /** Makes the move on the draw as an officer allowed to (the preparer's second, the requester's second). */
    static AuditableEvent move(Draw d, Draw.Move move) {
        return switch (move) {
            case EDIT -> d.edit(() -> new DrawPlan("新标题", "44", 3, "44", null, null, null, null, DRAW_DATE));
            case APPROVE -> d.approve(SECOND, TODAY, AT, () -> COMMITMENT);
            case RUN -> d.run(round -> Draw.Drawn.drawn("seed-hex", List.of("甲", "乙"), "result-digest"));
            case PUBLISH -> d.publish(SECOND.username(), AT);
            case REQUEST_REDRAW -> d.requestRedraw(SECOND, "复核发现遗漏", AT);
            case APPROVE_REDRAW -> d.approveRedraw(PREPARER, TODAY, () -> COMMITMENT);
            case REFUSE_REDRAW -> d.refuseRedraw(PREPARER);
        };
    }

    @ParameterizedTest
    @EnumSource(Draw.Move.class)
    void everyMoveLeadsFromEachStateItMayStartFromToItsNextStateAndIsRefusedNamingAnyOtherState(Draw.Move move) {
        for (DrawState from : DrawState.values()) {
            Draw d = draw(from);
            DrawState next = EXPECTED.get(move).get(from);
            assertThat(Draw.allows(move, from)).as(move + " from " + from).isEqualTo(next != null);
            if (next != null) {
                assertThat(move(d, move)).as(move + " from " + from).isNotNull();
                assertThat(d.state()).as(move + " from " + from).isEqualTo(next);
            } else {
                assertThatThrownBy(() -> move(d, move)).as(move + " from " + from)
                        .isInstanceOfSatisfying(ConflictException.class, e -> {
                            assertThat(e.code()).isEqualTo(REFUSAL.get(move));
                            assertThat(e.args()).containsExactly(from.name());
                        });
                assertThat(d.state()).as("a refused move changes nothing").isEqualTo(from);
            }
        }
    }

    @Test
    void theOfficerWhoPreparedADraftCannotApproveIt() {
        Draw d = draw(DrawState.DRAFT);
        assertThatThrownBy(() -> d.approve(PREPARER, TODAY, AT, () -> COMMITMENT))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.code()).isEqualTo("draw.approve.own"));
        assertThatThrownBy(() -> d.approve(officer(0, PREPARER.username()), TODAY, AT, () -> COMMITMENT))
                .as("the same username without a user id").isInstanceOf(ConflictException.class);
        assertThat(d.state()).isEqualTo(DrawState.DRAFT);
    }

    @Test
    void aDraftWhoseDrawDateHasPassedIsNotApprovedAndNothingIsFrozen() {
        Draw d = draw(DrawState.DRAFT);
        Function<LocalDate, Object> approve = today -> d.approve(SECOND, today, AT, () -> {
            throw new AssertionError("froze the pools of a refused approval");
        });
        assertThatThrownBy(() -> approve.apply(DRAW_DATE.plusDays(1)))
                .isInstanceOfSatisfying(ConflictException.class, e -> {
                    assertThat(e.code()).isEqualTo("draw.date.past");
                    assertThat(e.args()).containsExactly(DRAW_DATE);
                });
    }

    @Test
    void approvingADraftRecordsTheApproverAndTheCommitmentAndSaysSoInItsEvent() {
        Draw d = draw(DrawState.DRAFT);
        DrawApproved approved = d.approve(SECOND, TODAY, AT, () -> COMMITMENT);
        assertThat(d.approvedBy()).isEqualTo("second");
        assertThat(d.scheduledAt()).isEqualTo(AT);
        assertThat(d.commitmentDigest()).isEqualTo("digest");
        assertThat(approved.action()).isEqualTo("draw.scheduled");
        assertThat(approved.subject()).isEqualTo("draw:7");
        assertThat(approved.detail()).isEqualTo(
                "targets=3 inspectors=4 snapshot=snapshot-hash seedHash=seed-hash commitment=digest");
    }

    @Test
    void runningDrawsTheNextRoundNumber() {
        Draw d = Draw.restore(new DrawView(7, "t", "44", 3, "rules", 1, null, null, null, null, null, DRAW_DATE,
                DrawState.SCHEDULED, "preparer", "second", AT, "s", "h", "r", "digest", null, null, AT, 3, null, null,
                null), PREPARER.userId(), null, new Draw.Rounds(2, 0, 0));
        AuditableEvent run = d.run(round -> Draw.Drawn.drawn("seed-" + round, List.of("0042"), "result"));
        assertThat(run.detail()).isEqualTo("round=3 seed=seed-3 witness=[\"0042\"] result=result");
        assertThat(run.action()).isEqualTo("draw.drawn");
    }

    @Test
    void anInfeasibleAttemptIsARoundThatSpendsTheSeedAndANewAttemptNeedsAReasonAndAnotherOfficer() {
        Draw d = Draw.restore(new DrawView(7, "t", "44", 3, "rules", 1, null, null, null, null, null, DRAW_DATE,
                DrawState.SCHEDULED, "preparer", "second", AT, "s", "h", "r", "digest", null, null, AT, 3, null, null,
                null), PREPARER.userId(), null, new Draw.Rounds(1, 0, 0));
        AuditableEvent run = d.run(round -> Draw.Drawn.infeasible("seed-" + round, List.of("0042"), 2));
        assertThat(run).isInstanceOf(DrawRoundInfeasible.class);
        assertThat(run.action()).isEqualTo("draw.infeasible");
        assertThat(run.detail()).isEqualTo("round=2 seed=seed-2 witness=[\"0042\"] infeasibleAt=2");
        assertThat(d.state()).isEqualTo(DrawState.INFEASIBLE);
        assertThat(Draw.roundInForce(d.state())).isFalse();
        assertThatThrownBy(() -> d.run(round -> Draw.Drawn.drawn("again", List.of("another witness"), "r")))
                .as("the seed is spent: no second run under it").isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> d.requestRedraw(SECOND, " ", AT)).isInstanceOf(InvalidInputException.class);
        d.requestRedraw(SECOND, "两家机构同时达到上限", AT);
        assertThat(d.state()).isEqualTo(DrawState.RETRY_REQUESTED);
        assertThatThrownBy(() -> d.approveRedraw(SECOND, TODAY, () -> COMMITMENT))
                .isInstanceOfSatisfying(ConflictException.class,
                        e -> assertThat(e.code()).isEqualTo("draw.redraw.approve.own"));
        RedrawApproved approved = d.approveRedraw(PREPARER, TODAY,
                () -> new Draw.Commitment(3, 4, "snapshot-hash", "new-seed", "new-digest"));
        assertThat(approved.detail()).isEqualTo(
                "new attempt after infeasible round=2 requestedBy=second reason=两家机构同时达到上限 newCommitment=new-digest");
        assertThat(d.state()).isEqualTo(DrawState.SCHEDULED);
    }

    @Test
    void aReDrawNeedsAReasonOfAtMostAThousandCharacters() {
        assertThatThrownBy(() -> draw(DrawState.DRAWN).requestRedraw(SECOND, "  ", AT))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.problems().get(0).code()).isEqualTo("draw.redraw.reason.required"));
        assertThatThrownBy(() -> draw(DrawState.DRAWN).requestRedraw(SECOND, "x".repeat(1001), AT))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.problems().get(0).code()).isEqualTo("draw.redraw.reason.tooLong"));
    }

    @Test
    void aRefusedReDrawReturnsToTheStateItWasAskedForFrom() {
        Draw d = draw(DrawState.DRAWN);
        RedrawRequested requested = d.requestRedraw(PREPARER, " 名单有误 ", AT);
        assertThat(requested.detail()).isEqualTo("round=1 reason=名单有误");
        assertThat(d.redraw().from()).isEqualTo(DrawState.DRAWN);
        RedrawRefused refused = d.refuseRedraw(SECOND);
        assertThat(d.state()).isEqualTo(DrawState.DRAWN);
        assertThat(d.redraw()).isNull();
        assertThat(refused.detail()).isEqualTo("requestedBy=preparer reason=名单有误");
    }

    @Test
    void theOfficerWhoAskedForAReDrawCannotApproveOrRefuseIt() {
        for (Draw.Move move : new Draw.Move[] {Draw.Move.APPROVE_REDRAW, Draw.Move.REFUSE_REDRAW}) {
            Draw d = draw(DrawState.REDRAW_REQUESTED);
            assertThatThrownBy(() -> {
                if (move == Draw.Move.APPROVE_REDRAW) {
                    d.approveRedraw(SECOND, TODAY, () -> COMMITMENT);
                } else {
                    d.refuseRedraw(SECOND);
                }
            }).isInstanceOfSatisfying(ConflictException.class,
                    e -> assertThat(e.code()).isEqualTo("draw.redraw.approve.own"));
            assertThat(d.state()).isEqualTo(DrawState.REDRAW_REQUESTED);
        }
    }

    @Test
    void anApprovedReDrawSupersedesTheRoundInForceAndUnpublishes() {
        Draw d = draw(DrawState.REDRAW_REQUESTED);
        RedrawApproved approved = d.approveRedraw(PREPARER, TODAY,
                () -> new Draw.Commitment(3, 4, "snapshot-hash", "new-seed", "new-digest"));
        assertThat(approved.detail()).isEqualTo(
                "superseded round=1 requestedBy=second reason=复核发现遗漏 newCommitment=new-digest");
        assertThat(d.seedHash()).isEqualTo("new-seed");
        assertThat(d.publishedAt()).isNull();
        assertThat(d.redraw()).isNull();
        assertThat(d.rounds().currentId()).isZero();
    }

    @Test
    void aRoundIsInForceOnceDrawnUntilAReDrawIsApproved() {
        assertThat(DrawState.values()).filteredOn(Draw::roundInForce)
                .containsExactlyInAnyOrder(DrawState.DRAWN, DrawState.PUBLISHED, DrawState.REDRAW_REQUESTED);
    }
}
