package org.inspectorate.report;

import org.inspectorate.organisation.Actor;
import org.inspectorate.organisation.Role;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The signed-in user's home: their roles, and the numbers and links that matter to them. */
@Controller
class HomePage {

    private final HomeDashboard dashboard;

    HomePage(HomeDashboard dashboard) {
        this.dashboard = dashboard;
    }

    @GetMapping("/")
    String home(Actor actor, Model model) {
        model.addAttribute("actor", actor);
        model.addAttribute("tiles", dashboard.tiles(actor));
        model.addAttribute("regulator", actor.has(Role.MINISTRY_OFFICER) || actor.has(Role.PROVINCIAL_OFFICER));
        model.addAttribute("auditor", actor.has(Role.AUDIT_ADMIN));
        return "home";
    }
}
