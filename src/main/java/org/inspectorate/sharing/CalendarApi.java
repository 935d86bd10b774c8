package org.inspectorate.sharing;

import java.util.List;

import org.inspectorate.organisation.Actor;
import org.inspectorate.system.PageRequest;
import org.inspectorate.system.PageResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The REST face of {@link InspectionCalendar}: the same rules as the pages. */
@RestController
@RequestMapping("/api/v1/inspection-calendar")
@Tag(name = "Inspection calendar", description = "检查计划与联合检查")
class CalendarApi {

    private static final int MAX_SIZE = 100;

    private final InspectionCalendar calendar;

    CalendarApi(InspectionCalendar calendar) {
        this.calendar = calendar;
    }

    /** A team joining a plan. */
    record Team(String members) {
    }

    @GetMapping
    @Operation(summary = "The plans the caller sees (their department's; all of the province for 网信)")
    PageResult<PlanView> list(Actor actor, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        return calendar.list(actor, new PageRequest(page, Math.min(size, MAX_SIZE), null, false));
    }

    @PostMapping("/overlaps")
    @Operation(summary = "The live plans a candidate plan would collide with (same operator, within N days)")
    List<PlanView> overlaps(Actor actor, @RequestBody PlanInput input) {
        return calendar.overlaps(actor, input);
    }

    @PostMapping
    @Operation(summary = "Plan an inspection; 409 when another plan is in the way unless despiteOverlap")
    PlanView plan(Actor actor, @RequestBody PlanInput input,
            @RequestParam(defaultValue = "false") boolean despiteOverlap) {
        return calendar.plan(actor, input, despiteOverlap);
    }

    @GetMapping("/{id}")
    PlanView get(Actor actor, @PathVariable long id) {
        return calendar.get(actor, id);
    }

    @PostMapping("/{id}/join")
    @Operation(summary = "Join another department's plan with the caller's team (联合检查)")
    PlanView join(Actor actor, @PathVariable long id, @RequestBody Team team) {
        return calendar.join(actor, id, team.members());
    }

    @PostMapping("/{id}/cancel")
    PlanView cancel(Actor actor, @PathVariable long id) {
        return calendar.cancel(actor, id);
    }
}
