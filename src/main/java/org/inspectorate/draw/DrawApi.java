package org.inspectorate.draw;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.inspectorate.draw.algorithm.Verification;
import org.inspectorate.draw.algorithm.VerifyDrawCli;
import org.inspectorate.organisation.Actor;
import org.inspectorate.system.PageRequest;
import org.inspectorate.system.PageResult;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;

/** The draws' REST API: the same services as the pages. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Draws", description = "Double-random draws (双随机): rules, four-eyes governance, verification")
class DrawApi {

    private final Draws draws;
    private final DrawRuleVersions rules;

    DrawApi(Draws draws, DrawRuleVersions rules) {
        this.draws = draws;
        this.rules = rules;
    }

    @GetMapping("/draw-rules")
    @Operation(summary = "Every version of every set of draw rules")
    List<DrawRulesVersion> rules(Actor actor) {
        return rules.list(actor);
    }

    @PostMapping("/draw-rules")
    @Operation(summary = "Store a new version of draw rules")
    DrawRulesVersion saveRules(Actor actor, @RequestBody RulesInput input) {
        return rules.save(actor, input);
    }

    @GetMapping("/draws")
    @Operation(summary = "Draws in the caller's jurisdiction")
    PageResult<DrawView> list(Actor actor, @RequestParam(required = false) DrawState state,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size,
            @RequestParam(required = false) String sort, @RequestParam(defaultValue = "desc") String dir) {
        return draws.list(actor, state, new PageRequest(page, size, sort, "asc".equals(dir)));
    }

    @PostMapping("/draws")
    @Operation(summary = "Prepare a draw (DRAFT)")
    DrawView prepare(Actor actor, @RequestBody DrawInput input) {
        return draws.prepare(actor, input);
    }

    @GetMapping("/draws/{id}")
    @Operation(summary = "A draw with its state and commitment")
    DrawView get(Actor actor, @PathVariable long id) {
        return draws.get(actor, id);
    }

    @PutMapping("/draws/{id}")
    @Operation(summary = "Edit a DRAFT draw; any other state answers 409")
    DrawView update(Actor actor, @PathVariable long id, @RequestParam int version, @RequestBody DrawInput input) {
        return draws.update(actor, id, version, input);
    }

    @PostMapping("/draws/{id}/approve")
    @Operation(summary = "Approve another officer's draft: freezes the pools and publishes the commitment")
    DrawView approve(Actor actor, @PathVariable long id) {
        return draws.approve(actor, id);
    }

    @PostMapping("/draws/{id}/run")
    @Operation(summary = "Run a scheduled draw with the witnesses' entropy (one string per line); an attempt the seed "
            + "makes infeasible answers 409 draw.infeasible.round and is kept as a round (INFEASIBLE, seed revealed)")
    DrawView run(Actor actor, @PathVariable long id, @RequestBody(required = false) Map<String, String> body) {
        return draws.run(actor, id, body == null ? "" : body.getOrDefault("witnessEntropy", ""));
    }

    @PostMapping("/draws/{id}/publish")
    @Operation(summary = "Publish a drawn result (一公开)")
    DrawView publish(Actor actor, @PathVariable long id) {
        return draws.publish(actor, id);
    }

    @PostMapping("/draws/{id}/redraw")
    @Operation(summary = "Ask for a re-draw with a recorded reason (REDRAW_REQUESTED), or a new attempt after an "
            + "infeasible one (RETRY_REQUESTED); another officer approves it")
    DrawView redraw(Actor actor, @PathVariable long id, @RequestBody Map<String, String> body) {
        return draws.redraw(actor, id, body.get("reason"));
    }

    @PostMapping("/draws/{id}/redraw/approve")
    @Operation(summary = "Approve another officer's re-draw request: the current round is kept as superseded and a "
            + "new seed committed (SCHEDULED); one's own request answers 409")
    DrawView approveRedraw(Actor actor, @PathVariable long id) {
        return draws.approveRedraw(actor, id);
    }

    @PostMapping("/draws/{id}/redraw/refuse")
    @Operation(summary = "Refuse another officer's re-draw request: the draw returns to DRAWN or PUBLISHED")
    DrawView refuseRedraw(Actor actor, @PathVariable long id) {
        return draws.refuseRedraw(actor, id);
    }

    @GetMapping("/draws/{id}/rounds")
    @Operation(summary = "Every round of the draw, the current one first, with the assignments the caller may see "
            + "(reach WHOLE: all; AUTHORITY: the targets its administration reviews; TEAM: its own team's) out of "
            + "drawnTargets; the published file has the whole round for verification")
    List<Map<String, Object>> rounds(Actor actor, @PathVariable long id) {
        ResultReach reach = DrawAccess.reach(actor, draws.get(actor, id));
        return draws.rounds(actor, id).stream().map(r -> round(r, reach)).toList();
    }

    @GetMapping("/draws/{id}/planned-checks")
    @Operation(summary = "The spot checks the draw planned, of every round, that the caller may see (as for rounds)")
    List<PlannedSpotCheck> plannedChecks(Actor actor, @PathVariable long id) {
        return draws.plannedChecks(actor, id);
    }

    @GetMapping("/draws/{id}/verification")
    @Operation(summary = "Recompute the current round from the stored inputs: MATCH or MISMATCH with reasons")
    Map<String, Object> verification(Actor actor, @PathVariable long id) {
        Verification v = draws.verify(actor, id);
        return Map.of("verdict", v.matches() ? "MATCH" : "MISMATCH", "reasons", v.reasons());
    }

    @GetMapping(value = "/draws/{id}/published", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The published draw file that VerifyDrawCli accepts")
    void published(Actor actor, @PathVariable long id, HttpServletResponse response) throws IOException {
        PublishedDownload.write(draws.published(actor, id), id, response);
    }

    @GetMapping("/planned-checks/mine")
    @Operation(summary = "The signed-in inspector's planned spot checks")
    List<PlannedSpotCheck> mine(Actor actor) {
        return draws.myPlannedChecks(actor);
    }

    private static Map<String, Object> round(DrawRound r, ResultReach reach) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("round", r.roundNo());
        m.put("commitmentDigest", r.commitmentDigest());
        m.put("seed", r.seed().hex());
        m.put("witnessEntropy", r.witnessEntropy());
        m.put("reach", reach);
        m.put("drawnTargets", r.drawnTargets());
        m.put("assignments", r.assignments());
        m.put("resultDigest", r.resultDigest());
        m.put("superseded", r.superseded());
        m.put("supersededReason", r.supersededReason());
        m.put("supersededBy", r.supersededBy());
        m.put("redrawApprovedBy", r.redrawApprovedBy());
        m.put("supersededAt", r.supersededAt());
        m.put("drawnBy", r.drawnBy());
        m.put("drawnAt", r.drawnAt());
        return m;
    }
}
