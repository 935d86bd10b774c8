package org.inspectorate.sharing;

import java.util.List;
import java.util.Set;

import org.inspectorate.organisation.Actor;
import org.inspectorate.system.PageActions;
import org.inspectorate.system.PageRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Pages of the inspection calendar (检查计划): the list (the coordinating view for 网信), the plan form that warns of
 * another plan of the operator and offers to join it (htmx), a plan's page with its departments and teams.
 */
@Controller
class CalendarPages {

    private static final int PAGE_SIZE = 20;
    private static final Set<String> FORM_FIELDS = Set.of("operatorCreditCode", "startsOn", "endsOn", "scope",
            "members", "withAdministration");

    private final InspectionCalendar calendar;
    private final PageActions pageActions;

    CalendarPages(InspectionCalendar calendar, PageActions pageActions) {
        this.calendar = calendar;
        this.pageActions = pageActions;
    }

    @GetMapping("/inspection-calendar")
    String list(Actor actor, @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("plans", calendar.list(actor, new PageRequest(page, PAGE_SIZE, null, false)));
        model.addAttribute("can", calendar.capabilities(actor));
        return "sharing/calendar";
    }

    @GetMapping("/inspection-calendar/new")
    String form(Actor actor, Model model) {
        calendar.requirePlanner(actor);
        return fill(new CalendarForm(), List.of(), model);
    }

    /**
     * Saves the plan; when another plan of the operator is in the way (and "plan anyway" was not pressed) the form
     * comes back with the other plans and a join button each.
     */
    @PostMapping("/inspection-calendar")
    String create(Actor actor, @ModelAttribute("form") CalendarForm form,
            @RequestParam(defaultValue = "false") boolean despiteOverlap, Model model) {
        calendar.requirePlanner(actor);
        return pageActions.form(model, FORM_FIELDS, () -> {
            PlanInput input = form.toInput();
            List<PlanView> others = despiteOverlap ? List.of() : calendar.overlaps(actor, input);
            if (!others.isEmpty()) {
                return fill(form, others, model);
            }
            return "redirect:/inspection-calendar/" + calendar.plan(actor, input, true).id();
        }, () -> fill(form, List.of(), model));
    }

    @GetMapping("/inspection-calendar/{id}")
    String detail(Actor actor, @PathVariable long id, Model model) {
        model.addAttribute("plan", calendar.get(actor, id));
        model.addAttribute("mayJoin", calendar.mayJoin(actor, id));
        model.addAttribute("mayCancel", calendar.mayCancel(actor, id));
        return "sharing/plan";
    }

    @PostMapping("/inspection-calendar/{id}/join")
    String join(Actor actor, @PathVariable long id, @RequestParam(required = false) String members,
            RedirectAttributes redirect) {
        return pageActions.act(redirect, "/inspection-calendar/" + id,
                () -> calendar.join(actor, id, members), "sharing.calendar.joinedDone");
    }

    @PostMapping("/inspection-calendar/{id}/cancel")
    String cancel(Actor actor, @PathVariable long id, RedirectAttributes redirect) {
        return pageActions.act(redirect, "/inspection-calendar/" + id,
                () -> calendar.cancel(actor, id), "sharing.calendar.cancelledDone");
    }

    private String fill(CalendarForm form, List<PlanView> others, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("others", others);
        model.addAttribute("overlapDays", calendar.overlapDays());
        return "sharing/calendar-form";
    }
}
