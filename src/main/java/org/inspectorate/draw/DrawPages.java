package org.inspectorate.draw;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;

import org.inspectorate.agency.Skill;
import org.inspectorate.filing.NetworkCategory;
import org.inspectorate.organisation.Actor;
import org.inspectorate.organisation.OrganisationType;
import org.inspectorate.organisation.Province;
import org.inspectorate.system.PageActions;
import org.inspectorate.system.PageRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The draw pages: list, detail with the governance buttons ({@link DrawAccess} decides which), verification, and the
 * rules. A refused change comes back through {@link PageActions}.
 */
@Controller
class DrawPages {

    private final Draws draws;
    private final DrawRuleVersions rules;
    private final PageActions pageActions;

    DrawPages(Draws draws, DrawRuleVersions rules, PageActions pageActions) {
        this.draws = draws;
        this.rules = rules;
        this.pageActions = pageActions;
    }

    @GetMapping("/draws")
    String list(Actor actor, @RequestParam(required = false) DrawState state, @RequestParam(defaultValue = "0") int page,
            Model model) {
        model.addAttribute("result", draws.list(actor, state, new PageRequest(page, 20, null, false)));
        model.addAttribute("state", state);
        model.addAttribute("states", DrawState.values());
        model.addAttribute("manage", DrawAccess.mayManageDraws(actor));
        List<PlannedSpotCheck> mine = draws.servesOnTeams(actor) ? draws.myPlannedChecks(actor) : List.of();
        model.addAttribute("mine", mine);
        model.addAttribute("mineNames", draws.names(mine));
        return "draw/list";
    }

    @GetMapping("/draws/new")
    String form(Actor actor, Model model) {
        return form(actor, model, DrawInput.empty());
    }

    @PostMapping("/draws")
    String prepare(Actor actor, DrawInput input, Model model) {
        return pageActions.form(model, () -> "redirect:/draws/" + draws.prepare(actor, input).id(),
                () -> form(actor, model, input));
    }

    private String form(Actor actor, Model model, DrawInput input) {
        model.addAttribute("form", input);
        model.addAttribute("rules", rules.list(actor));
        model.addAttribute("skills", Skill.values());
        model.addAttribute("operatorTypes", Arrays.stream(OrganisationType.values())
                .filter(OrganisationType::isOperator).toList());
        model.addAttribute("categories", NetworkCategory.values());
        model.addAttribute("provinces", Province.values());
        return "draw/form";
    }

    @GetMapping("/draw-rules")
    String rules(Actor actor, Model model) {
        return rulesPage(actor, model, RulesInput.empty());
    }

    @PostMapping("/draw-rules")
    String saveRules(Actor actor, RulesInput input, Model model) {
        return pageActions.form(model, () -> {
            rules.save(actor, input);
            return "redirect:/draw-rules";
        }, () -> rulesPage(actor, model, input));
    }

    private String rulesPage(Actor actor, Model model, RulesInput input) {
        model.addAttribute("form", input);
        model.addAttribute("versions", rules.list(actor));
        model.addAttribute("skills", Skill.values());
        return "draw/rules";
    }

    @GetMapping("/draws/{id}")
    String detail(Actor actor, @PathVariable long id, Model model) {
        DrawView draw = draws.get(actor, id);
        model.addAttribute("draw", draw);
        model.addAttribute("rounds", draws.rounds(actor, id));
        model.addAttribute("manage", DrawAccess.mayManage(actor, draw));
        model.addAttribute("second", DrawAccess.maySecond(actor, draw));
        model.addAttribute("reach", DrawAccess.reach(actor, draw));
        model.addAttribute("names", draws.names(actor, id));
        return "draw/detail";
    }

    /** The published file for the signed-in browser: the API's route takes tokens only, not the session. */
    @GetMapping("/draws/{id}/published")
    void published(Actor actor, @PathVariable long id, HttpServletResponse response) throws IOException {
        PublishedDownload.write(draws.published(actor, id), id, response);
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

    /** A governance button: back to the draw, whose page shows its new state, or why the change was refused. */
    private String act(long id, RedirectAttributes redirect, Runnable action) {
        return pageActions.act(redirect, "/draws/" + id, () -> {
            action.run();
            return null;
        });
    }
}
