package org.inspectorate.draw;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.hamcrest.Matchers;
import org.inspectorate.support.DatabaseTest;
import org.inspectorate.system.ConflictException;
import org.inspectorate.system.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.result.MockMvcResultMatchers;

/** A re-draw (重新抽取) of a published draw: a reason, another officer's approval, the old round kept. */
@DatabaseTest
class DrawRedrawIntegrationTest extends DrawGovernanceFixture {

    @Test
    void aRedrawNeedsAReasonAndAnotherOfficersApprovalKeepsTheOldRoundAndIsAudited() {
        DrawView scheduled = scheduled();
        draws.run(preparer, scheduled.id(), "");
        draws.publish(preparer, scheduled.id());
        String firstCommitment = draws.get(preparer, scheduled.id()).commitmentDigest();
        DrawRound first = draws.rounds(preparer, scheduled.id()).get(0);
        assertThatThrownBy(() -> draws.redraw(approver, scheduled.id(), "  "))
                .isInstanceOf(InvalidInputException.class);

        DrawView requested = draws.redraw(approver, scheduled.id(), "抽中单位已于上月停业");
        assertThat(requested.state()).isEqualTo(DrawState.REDRAW_REQUESTED);
        assertThat(requested.redrawReason()).isEqualTo("抽中单位已于上月停业");
        assertThat(requested.redrawRequestedBy()).isEqualTo(approver.username());
        assertThat(requested.commitmentDigest()).isEqualTo(firstCommitment);
        assertThat(draws.rounds(preparer, scheduled.id())).singleElement()
                .satisfies(r -> assertThat(r.superseded()).isFalse());
        assertThat(draws.plannedChecks(preparer, scheduled.id())).allSatisfy(c -> assertThat(c.state()).isEqualTo("PLANNED"));
        assertThat(draws.verify(preparer, scheduled.id()).matches()).isTrue();
        assertThatThrownBy(() -> draws.run(preparer, scheduled.id(), "")).isInstanceOf(ConflictException.class);

        assertThatThrownBy(() -> draws.approveRedraw(approver, scheduled.id()))
                .isInstanceOfSatisfying(ConflictException.class,
                        e -> assertThat(e.code()).isEqualTo("draw.redraw.approve.own"));
        assertThat(draws.get(preparer, scheduled.id()).state()).isEqualTo(DrawState.REDRAW_REQUESTED);

        DrawView again = draws.approveRedraw(preparer, scheduled.id());
        assertThat(again.state()).isEqualTo(DrawState.SCHEDULED);
        assertThat(again.commitmentDigest()).isNotEqualTo(firstCommitment);
        assertThat(again.redrawReason()).isNull();
        assertThat(again.publishedAt()).isNull();
        draws.run(preparer, scheduled.id(), "");

        List<DrawRound> rounds = draws.rounds(preparer, scheduled.id());
        assertThat(rounds).hasSize(2);
        assertThat(rounds.get(0).superseded()).isFalse();
        DrawRound old = rounds.get(1);
        assertThat(old.superseded()).isTrue();
        assertThat(old.supersededReason()).isEqualTo("抽中单位已于上月停业");
        assertThat(old.supersededBy()).isEqualTo(approver.username());
        assertThat(old.redrawApprovedBy()).isEqualTo(preparer.username());
        assertThat(old.commitmentDigest()).isEqualTo(firstCommitment);
        assertThat(old.seed()).isEqualTo(first.seed());
        assertThat(old.assignments()).isEqualTo(first.assignments());
        assertThat(old.resultDigest()).isEqualTo(first.resultDigest());
        assertThat(draws.plannedChecks(preparer, scheduled.id()))
                .filteredOn(c -> c.state().equals("CANCELLED")).hasSize(2);
        assertThat(draws.plannedChecks(preparer, scheduled.id()))
                .filteredOn(c -> c.state().equals("PLANNED")).hasSize(2);
        assertThat(draws.verify(preparer, scheduled.id()).matches()).isTrue();

        List<String> audited = jdbc.sql("SELECT action FROM audit_entry WHERE subject = :s ORDER BY seq")
                .param("s", "draw:" + scheduled.id()).query(String.class).list();
        assertThat(audited).containsSubsequence("draw.drawn", "draw.published", "draw.redraw.requested",
                "draw.redraw.approved", "draw.drawn");
    }

    @Test
    void aRedrawRequestAnotherOfficerRefusesLeavesThePublishedResultInForce() throws Exception {
        DrawView scheduled = scheduled();
        draws.run(preparer, scheduled.id(), "");
        draws.publish(preparer, scheduled.id());
        draws.redraw(preparer, scheduled.id(), "复核时发现名单有误");
        assertThatThrownBy(() -> draws.refuseRedraw(preparer, scheduled.id()))
                .isInstanceOfSatisfying(ConflictException.class,
                        e -> assertThat(e.code()).isEqualTo("draw.redraw.approve.own"));
        DrawView back = draws.refuseRedraw(approver, scheduled.id());
        assertThat(back.state()).isEqualTo(DrawState.PUBLISHED);
        assertThat(back.redrawReason()).isNull();
        assertThat(draws.rounds(preparer, scheduled.id())).singleElement()
                .satisfies(r -> assertThat(r.superseded()).isFalse());
        assertThatThrownBy(() -> draws.approveRedraw(approver, scheduled.id()))
                .isInstanceOfSatisfying(ConflictException.class,
                        e -> assertThat(e.code()).isEqualTo("draw.redraw.notRequested"));
    }

    @Test
    void approvingOnesOwnRedrawThroughTheApiAnswersConflictAndThePagesShowTheRequest() throws Exception {
        DrawView scheduled = scheduled();
        draws.run(preparer, scheduled.id(), "");
        mvc.perform(MockMvcRequestBuilders
                        .post("/api/v1/draws/" + scheduled.id() + "/redraw").with(as(approver))
                        .contentType("application/json").content("{\"reason\":\"\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("reason"));
        mvc.perform(MockMvcRequestBuilders
                        .post("/api/v1/draws/" + scheduled.id() + "/redraw").with(as(approver))
                        .contentType("application/json").content("{\"reason\":\"目标单位已注销\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.state").value("REDRAW_REQUESTED"));
        mvc.perform(MockMvcRequestBuilders
                        .post("/api/v1/draws/" + scheduled.id() + "/redraw/approve").with(as(approver)))
                .andExpect(status().isConflict());
        mvc.perform(get("/draws/" + scheduled.id()).with(as(preparer))).andExpect(status().isOk())
                .andExpect(MockMvcResultMatchers.content()
                        .string(Matchers.allOf(Matchers.containsString("id=\"redraw-pending\""),
                                Matchers.containsString("目标单位已注销"),
                                Matchers.containsString("id=\"redraw-approve\""))));
        mvc.perform(get("/draws/" + scheduled.id()).with(as(approver))).andExpect(status().isOk())
                .andExpect(MockMvcResultMatchers.content()
                        .string(Matchers.allOf(Matchers.containsString("id=\"awaiting-second\""),
                                Matchers.not(Matchers.containsString("id=\"redraw-approve\"")),
                                Matchers.not(Matchers.containsString("id=\"redraw-refuse\"")))));
        mvc.perform(MockMvcRequestBuilders
                        .post("/draws/" + scheduled.id() + "/redraw/approve").with(as(preparer))
                        .with(SecurityMockMvcRequestPostProcessors.csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/api/v1/draws/" + scheduled.id()).with(as(preparer)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.state").value("SCHEDULED"));
        mvc.perform(get("/api/v1/draws/" + scheduled.id() + "/rounds").with(as(preparer)))
                .andExpect(status().isOk()).andExpect(jsonPath("$[0].superseded").value(true))
                .andExpect(jsonPath("$[0].supersededReason").value("目标单位已注销"))
                .andExpect(jsonPath("$[0].supersededBy").value(approver.username()))
                .andExpect(jsonPath("$[0].redrawApprovedBy").value(preparer.username()));
    }
}
