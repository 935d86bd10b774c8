package org.inspectorate.draw;

import java.util.Locale;
import java.util.Map;

import org.inspectorate.organisation.Actor;
import org.inspectorate.system.ConflictException;
import org.inspectorate.system.InvalidInputException;
import org.inspectorate.system.PageRequest;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The draw pages: list, detail with the governance buttons, and verification. */
@Controller
class DrawPages {

    private final Draws draws;
    private final MessageSource messages;

    DrawPages(Draws draws, MessageSource messages) {
        this.draws = draws;
        this.messages = messages;
    }

    @GetMapping("/draws")
    String list(Actor actor, @RequestParam(required = false) DrawState state, @RequestParam(defaultValue = "0") int page,
            Model model) {
        model.addAttribute("result", draws.list(actor, state, new PageRequest(page, 20, null, false)));
        model.addAttribute("state", state);
        model.addAttribute("states", DrawState.values());
        model.addAttribute("manage", Draws.mayManage(actor));
        java.util.List<PlannedSpotCheck> mine = draws.myPlannedChecks(actor);
        model.addAttribute("mine", mine);
        model.addAttribute("mineNames", draws.names(mine));
        return "draw/list";
    }

    @GetMapping("/draws/new")
    String form(Actor actor, Model model) {
        return form(actor, model, DrawInput.empty(), null);
    }

    @PostMapping("/draws")
    String prepare(Actor actor, DrawInput input, Model model, Locale locale) {
        try {
            return "redirect:/draws/" + draws.prepare(actor, input).id();
        } catch (InvalidInputException e) {
            return form(actor, model, input, e.messagesByField(messages, locale));
        }
    }

    private String form(Actor actor, Model model, DrawInput input, Map<String, String> errors) {
        model.addAttribute("form", input);
        model.addAttribute("errors", errors);
        model.addAttribute("rules", draws.rules(actor));
        model.addAttribute("skills", org.inspectorate.agency.Skill.values());
        model.addAttribute("operatorTypes", java.util.Arrays.stream(org.inspectorate.organisation.OrganisationType.values())
                .filter(org.inspectorate.organisation.OrganisationType::isOperator).toList());
        model.addAttribute("categories", org.inspectorate.filing.NetworkCategory.values());
        model.addAttribute("provinces", org.inspectorate.organisation.Province.values());
        return "draw/form";
    }

    @GetMapping("/draw-rules")
    String rules(Actor actor, Model model) {
        return rulesPage(actor, model, RulesInput.empty(), null);
    }

    @PostMapping("/draw-rules")
    String saveRules(Actor actor, RulesInput input, Model model, Locale locale) {
        try {
            draws.saveRules(actor, input);
            return "redirect:/draw-rules";
        } catch (InvalidInputException e) {
            return rulesPage(actor, model, input, e.messagesByField(messages, locale));
        }
    }

    private String rulesPage(Actor actor, Model model, RulesInput input, Map<String, String> errors) {
        model.addAttribute("form", input);
        model.addAttribute("errors", errors);
        model.addAttribute("versions", draws.rules(actor));
        model.addAttribute("skills", org.inspectorate.agency.Skill.values());
        return "draw/rules";
    }

    @GetMapping("/draws/{id}")
    String detail(Actor actor, @PathVariable long id, Model model) {
        Draw draw = draws.get(actor, id);
        model.addAttribute("draw", draw);
        model.addAttribute("rounds", draws.rounds(actor, id));
        model.addAttribute("manage", Draws.mayManage(actor, draw));
        model.addAttribute("second", Draws.maySecond(actor, draw));
        model.addAttribute("reach", Draws.reach(actor, draw));
        model.addAttribute("names", draws.names(actor, id));
        return "draw/detail";
    }

    @GetMapping("/draws/{id}/verify")
    String verify(Actor actor, @PathVariable long id, Model model) {
        model.addAttribute("draw", draws.get(actor, id));
        model.addAttribute("verification", draws.verify(actor, id));
        return "draw/verify";
    }

    @PostMapping("/draws/{id}/approve")
    String approve(Actor actor, @PathVariable long id, RedirectAttributes redirect) {
        return act(id, redirect, () -> draws.approve(actor, id));
    }

    @PostMapping("/draws/{id}/run")
    String run(Actor actor, @PathVariable long id, @RequestParam(required = false) String witnessEntropy,
            RedirectAttributes redirect) {
        return act(id, redirect, () -> draws.run(actor, id, witnessEntropy));
    }

    @PostMapping("/draws/{id}/publish")
    String publish(Actor actor, @PathVariable long id, RedirectAttributes redirect) {
        return act(id, redirect, () -> draws.publish(actor, id));
    }

    @PostMapping("/draws/{id}/redraw")
    String redraw(Actor actor, @PathVariable long id, @RequestParam(required = false) String reason,
            RedirectAttributes redirect) {
        return act(id, redirect, () -> draws.redraw(actor, id, reason));
    }

    @PostMapping("/draws/{id}/redraw/approve")
    String approveRedraw(Actor actor, @PathVariable long id, RedirectAttributes redirect) {
        return act(id, redirect, () -> draws.approveRedraw(actor, id));
    }

    @PostMapping("/draws/{id}/redraw/refuse")
    String refuseRedraw(Actor actor, @PathVariable long id, RedirectAttributes redirect) {
        return act(id, redirect, () -> draws.refuseRedraw(actor, id));
    }

    private static String act(long id, RedirectAttributes redirect, Runnable action) {
        try {
            action.run();
        } catch (ConflictException e) {
            redirect.addFlashAttribute("error", e.code());
            redirect.addFlashAttribute("errorArgs", e.args());
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("error", e.problems().get(0).code());
            redirect.addFlashAttribute("errorArgs", e.problems().get(0).args());
        }
        return "redirect:/draws/" + id;
    }
}
