package org.inspectorate.report;

import org.inspectorate.organisation.Actor;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The signed-in user's home: their roles, and the numbers and links that matter to them. */
@Controller
class HomePages {

    private final HomeDashboard dashboard;

    HomePages(HomeDashboard dashboard) {
        this.dashboard = dashboard;
    }

    @GetMapping("/")
    String home(Actor actor, Model model) {
        model.addAttribute("actor", actor);
        model.addAttribute("tiles", dashboard.tiles(actor));
        model.addAttribute("regulator", ReportAccess.seesRegulatorsHome(actor));
        model.addAttribute("auditor", ReportAccess.seesAuditTrail(actor));
        return "home";
    }
}
