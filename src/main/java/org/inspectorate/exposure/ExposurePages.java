package org.inspectorate.exposure;

import org.inspectorate.filing.NetworkUnits;
import org.inspectorate.organisation.Actor;
import org.inspectorate.system.PageActions;
import org.inspectorate.system.PageRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Pages of a unit's exposure: its observed services and filing discrepancies (loaded into the unit's page by
 * htmx, or a page of their own without script), the operator's two ways of resolving a discrepancy, and the
 * regulators' counts per operator.
 */
@Controller
class ExposurePages {

    private static final int PAGE_SIZE = 20;

    private final ObservedServices services;
    private final Discrepancies discrepancies;
    private final NetworkUnits units;
    private final PageActions pageActions;

    ExposurePages(ObservedServices services, Discrepancies discrepancies, NetworkUnits units,
            PageActions pageActions) {
        this.services = services;
        this.discrepancies = discrepancies;
        this.units = units;
        this.pageActions = pageActions;
    }

    /** The unit's services and discrepancies: the section for the unit's page, or a page of its own without htmx. */
    @GetMapping("/units/{id}/exposure")
    String unit(Actor actor, @PathVariable long id,
            @RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
        fill(actor, id, 0, 0, model);
        return htmx != null ? "exposure/unit :: section" : "exposure/unit";
    }

    @GetMapping("/units/{id}/exposure/services")
    String servicesPage(Actor actor, @PathVariable long id, @RequestParam(defaultValue = "0") int page,
            @RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
        if (htmx == null) {
            fill(actor, id, page, 0, model);
            return "exposure/unit";
        }
        model.addAttribute("unitId", id);
        model.addAttribute("services", services.ofUnit(actor, id, new PageRequest(page, PAGE_SIZE, null, true)));
        return "exposure/unit :: services";
    }

    @GetMapping("/units/{id}/exposure/discrepancies")
    String discrepanciesPage(Actor actor, @PathVariable long id, @RequestParam(defaultValue = "0") int page,
            @RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
        if (htmx == null) {
            fill(actor, id, 0, page, model);
            return "exposure/unit";
        }
        model.addAttribute("unitId", id);
        model.addAttribute("discrepancies", discrepancies.ofUnit(actor, id,
                new PageRequest(page, PAGE_SIZE, null, true)));
        model.addAttribute("mayResolve", discrepancies.mayResolve(actor));
        return "exposure/unit :: discrepancies";
    }

    @PostMapping("/discrepancies/{id}/declare")
    String declare(Actor actor, @PathVariable long id, RedirectAttributes redirect) {
        long unitId = discrepancies.get(actor, id).service().unitId();
        return pageActions.act(redirect, "/network-units/" + unitId, () -> discrepancies.declare(actor, id),
                "exposure.declared");
    }

    @PostMapping("/discrepancies/{id}/finding")
    String finding(Actor actor, @PathVariable long id, RedirectAttributes redirect) {
        long unitId = discrepancies.get(actor, id).service().unitId();
        return pageActions.act(redirect, "/network-units/" + unitId, () -> {
            ServiceDiscrepancy d = discrepancies.openFinding(actor, id);
            return new PageActions.Done("exposure.findingOpened", new Object[] {d.findingId()});
        });
    }

    /** The operators of the regulator's area with their discrepancy counts: sortable, paged, searchable by name. */
    @GetMapping("/exposure/operators")
    String counts(Actor actor, @RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "open") String sort, @RequestParam(defaultValue = "false") boolean asc,
            @RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
        model.addAttribute("result", discrepancies.counts(actor, q, new PageRequest(page, PAGE_SIZE, sort, asc)));
        model.addAttribute("q", q);
        model.addAttribute("sort", sort);
        model.addAttribute("asc", asc);
        return htmx != null ? "exposure/operators :: results" : "exposure/operators";
    }

    private void fill(Actor actor, long id, int servicesPage, int discrepanciesPage, Model model) {
        model.addAttribute("unit", units.get(actor, id));
        model.addAttribute("unitId", id);
        model.addAttribute("services", services.ofUnit(actor, id,
                new PageRequest(servicesPage, PAGE_SIZE, null, true)));
        model.addAttribute("discrepancies", discrepancies.ofUnit(actor, id,
                new PageRequest(discrepanciesPage, PAGE_SIZE, null, true)));
        model.addAttribute("mayResolve", discrepancies.mayResolve(actor));
    }
}
