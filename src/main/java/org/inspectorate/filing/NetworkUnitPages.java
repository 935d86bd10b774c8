package org.inspectorate.filing;

import static org.inspectorate.filing.FilterValues.lenient;

import java.util.LinkedHashMap;
import java.util.Map;

import org.inspectorate.filing.attachment.AttachmentKind;
import org.inspectorate.filing.attachment.UnitAttachments;
import org.inspectorate.organisation.Actor;
import org.inspectorate.organisation.Organisations;
import org.inspectorate.system.NotFoundException;
import org.inspectorate.system.PageActions;
import org.inspectorate.system.PageActions.Done;
import org.inspectorate.system.Keyset;
import org.inspectorate.system.PageRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Pages of network units for operators, and the review queue for the filing authorities. */
@Controller
class NetworkUnitPages {

    private final NetworkUnits units;
    private final FilingAccess access;
    private final Organisations organisations;
    private final UnitAttachments attachments;
    private final PageActions pageActions;

    NetworkUnitPages(NetworkUnits units, FilingAccess access, Organisations organisations,
            UnitAttachments attachments, PageActions pageActions) {
        this.units = units;
        this.access = access;
        this.organisations = organisations;
        this.attachments = attachments;
        this.pageActions = pageActions;
    }

    @ModelAttribute
    void choices(Model model) {
        model.addAttribute("levels", GradeLevel.values());
        model.addAttribute("categories", NetworkCategory.values());
        model.addAttribute("stages", LifecycleStage.values());
        model.addAttribute("states", FilingState.values());
        model.addAttribute("assetKinds", AssetKind.values());
    }

    // --- list -------------------------------------------------------------------------------

    @GetMapping("/network-units")
    String list(Actor actor, @RequestParam(required = false) String state,
            @RequestParam(required = false) String level, @RequestParam(required = false) String category,
            @RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "updatedAt") String sort, @RequestParam(defaultValue = "false") boolean asc,
            @RequestParam(required = false) String after,
            @RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
        UnitQuery query = new UnitQuery(lenient(state, FilingState::parse), lenient(level, GradeLevel::parse),
                lenient(category, NetworkCategory::parse), q);
        model.addAttribute("result", units.list(actor, query, new PageRequest(page, 20, sort, asc, Keyset.parse(after))));
        model.addAttribute("query", query);
        model.addAttribute("q", q);
        model.addAttribute("sort", sort);
        model.addAttribute("asc", asc);
        model.addAttribute("operates", access.mayOperate(actor));
        return htmx != null ? "filing/units :: results" : "filing/units";
    }

    // --- create and edit --------------------------------------------------------------------

    @GetMapping("/network-units/new")
    String newUnit(Model model) {
        model.addAttribute("form", UnitForm.empty());
        return "filing/form";
    }

    @PostMapping("/network-units")
    String create(Actor actor, @ModelAttribute("form") UnitForm form,
            @RequestParam(required = false) String addAsset, @RequestParam(required = false) Integer removeAsset,
            Model model) {
        if (editRows(form, addAsset, removeAsset)) {
            return "filing/form";
        }
        return pageActions.form(model, () -> "redirect:/network-units/" + units.create(actor, form.toInput()).id(),
                () -> "filing/form");
    }

    @GetMapping("/network-units/{id}/edit")
    String edit(Actor actor, @PathVariable long id, Model model) {
        NetworkUnit unit = units.get(actor, id);
        if (!access.mayOperate(actor)) {
            // regulators read units but never edit them: the form does not exist for them
            throw new NotFoundException("network unit form", id);
        }
        model.addAttribute("unit", unit);
        model.addAttribute("form", UnitForm.of(unit));
        return "filing/form";
    }

    @PostMapping("/network-units/{id}")
    String update(Actor actor, @PathVariable long id, @ModelAttribute("form") UnitForm form,
            @RequestParam(required = false) String addAsset, @RequestParam(required = false) Integer removeAsset,
            Model model, RedirectAttributes redirect) {
        model.addAttribute("unit", units.get(actor, id));
        if (editRows(form, addAsset, removeAsset)) {
            return "filing/form";
        }
        return pageActions.change(model, redirect, "/network-units/" + id, () -> {
            units.update(actor, id, form.getVersion(), form.toInput());
            return "redirect:/network-units/" + id;
        }, () -> "filing/form");
    }

    /** The assets editor's add and remove buttons re-render the form without saving. */
    private static boolean editRows(UnitForm form, String addAsset, Integer removeAsset) {
        if (addAsset != null) {
            form.getAssets().add(new UnitForm.AssetRow());
            return true;
        }
        if (removeAsset != null) {
            if (removeAsset >= 0 && removeAsset < form.getAssets().size()) {
                form.getAssets().remove(removeAsset.intValue());
            }
            return true;
        }
        return false;
    }

    // --- detail, versions, submit -----------------------------------------------------------

    @GetMapping("/network-units/{id}")
    String detail(Actor actor, @PathVariable long id, Model model) {
        NetworkUnit unit = units.view(actor, id);
        model.addAttribute("unit", unit);
        model.addAttribute("organisation", organisations.findUnscoped(unit.organisationId()).orElse(null));
        model.addAttribute("versions", units.versions(actor, id));
        model.addAttribute("dueStatus", units.dueStatus(unit));
        model.addAttribute("operates", access.mayOperate(actor));
        model.addAttribute("reviews", access.mayReview(actor, unit));
        model.addAttribute("attachments", attachments.list(actor, id));
        model.addAttribute("attachmentKinds", AttachmentKind.values());
        model.addAttribute("attachmentMaxMb", attachments.maxMegabytes());
        return "filing/detail";
    }

    @PostMapping("/network-units/{id}/submit")
    String submit(Actor actor, @PathVariable long id, @RequestParam int version, RedirectAttributes redirect) {
        return pageActions.act(redirect, "/network-units/" + id, () -> units.submit(actor, id, version),
                "filing.submitted.done");
    }

    @PostMapping("/network-units/{id}/decommission")
    String decommission(Actor actor, @PathVariable long id, @RequestParam int version, RedirectAttributes redirect) {
        return pageActions.act(redirect, "/network-units/" + id, () -> units.decommission(actor, id, version),
                "filing.submitted.done");
    }

    @GetMapping("/network-units/{id}/compare")
    String compare(Actor actor, @PathVariable long id, @RequestParam int from, @RequestParam int to, Model model) {
        model.addAttribute("unit", units.get(actor, id));
        model.addAttribute("versions", units.versions(actor, id));
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("changes", units.compare(actor, id, from, to));
        return "filing/compare";
    }

    // --- review -----------------------------------------------------------------------------

    @GetMapping("/filings/review-queue")
    String reviewQueue(Actor actor, @RequestParam(defaultValue = "0") int page,
            @RequestParam(required = false) String level, @RequestParam(required = false) String category,
            @RequestParam(required = false) String q, @RequestParam(defaultValue = "submittedAt") String sort,
            @RequestParam(defaultValue = "true") boolean asc, @RequestParam(required = false) String after,
            @RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
        UnitQuery query = new UnitQuery(null, lenient(level, GradeLevel::parse),
                lenient(category, NetworkCategory::parse), q);
        var result = units.reviewQueue(actor, query, new PageRequest(page, 20, sort, asc, Keyset.parse(after)));
        model.addAttribute("query", query);
        model.addAttribute("q", q);
        model.addAttribute("sort", sort);
        model.addAttribute("asc", asc);
        Map<Long, String> names = new LinkedHashMap<>();
        result.items().forEach(u -> names.computeIfAbsent(u.organisationId(),
                o -> organisations.findUnscoped(o).map(org -> org.name()).orElse("")));
        model.addAttribute("result", result);
        model.addAttribute("organisationNames", names);
        return htmx != null ? "filing/queue :: results" : "filing/queue";
    }

    @PostMapping("/filings/{id}/accept")
    String accept(Actor actor, @PathVariable long id, @RequestParam int version, RedirectAttributes redirect) {
        return pageActions.act(redirect, "/network-units/" + id,
                () -> new Done("filing.accepted.done", units.accept(actor, id, version).filingNumber()));
    }

    /**
     * A return's reasons are a form on the detail page: missing or too long reasons, or a filing that changed
     * meanwhile, show the page again with the message beside the reasons.
     */
    @PostMapping("/filings/{id}/return")
    String returnFiling(Actor actor, @PathVariable long id, @RequestParam int version,
            @RequestParam(required = false) String reasons, Model model, RedirectAttributes redirect) {
        return pageActions.change(model, redirect, "/network-units/" + id, () -> {
            units.returnForCorrection(actor, id, version, reasons);
            redirect.addFlashAttribute(PageActions.DONE, "filing.returned.done");
            redirect.addFlashAttribute(PageActions.DONE_ARGS, new Object[0]);
            return "redirect:/network-units/" + id;
        }, () -> {
            detail(actor, id, model);
            model.addAttribute("reasons", reasons);
            return "filing/detail";
        });
    }
}
