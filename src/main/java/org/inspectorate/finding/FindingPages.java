package org.inspectorate.finding;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletResponse;

import org.inspectorate.filing.NetworkUnit;
import org.inspectorate.filing.NetworkUnitSummary;
import org.inspectorate.filing.NetworkUnits;
import org.inspectorate.filing.UnitQuery;
import org.inspectorate.organisation.Actor;
import org.inspectorate.organisation.Organisations;
import org.inspectorate.system.Keyset;
import org.inspectorate.system.ListDownload;
import org.inspectorate.system.NotFoundException;
import org.inspectorate.system.PageActions;
import org.inspectorate.system.PageRequest;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The findings pages: the register with its filters, the manual finding form, and a finding's detail with its next steps. */
@Controller
class FindingPages {

    private final Findings findings;
    private final FindingQueries queries;
    private final FindingEvidence evidence;
    private final FindingAccess access;
    private final NetworkUnits units;
    private final Organisations organisations;
    private final PageActions pageActions;
    private final MessageSource messages;

    FindingPages(Findings findings, FindingQueries queries, FindingEvidence evidence, FindingAccess access,
            NetworkUnits units, Organisations organisations, PageActions pageActions, MessageSource messages) {
        this.messages = messages;
        this.findings = findings;
        this.queries = queries;
        this.evidence = evidence;
        this.access = access;
        this.units = units;
        this.organisations = organisations;
        this.pageActions = pageActions;
    }

    @ModelAttribute
    void lists(Model model) {
        model.addAttribute("severities", Severity.values());
        model.addAttribute("categories", Category.values());
        model.addAttribute("statuses", FindingStatus.values());
        model.addAttribute("sources", FindingSource.values());
    }

    @GetMapping("/findings")
    String list(Actor actor, @ModelAttribute("filter") FindingFilter filter,
            @RequestParam(defaultValue = "0") int page, @RequestParam(required = false) String after,
            @RequestParam(defaultValue = "dueOn") String sort, @RequestParam(defaultValue = "true") boolean asc,
            @RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
        FindingQuery query = filter.toQuery();
        model.addAttribute("result", queries.list(actor, query,
                new PageRequest(page, 20, sort, asc, Keyset.parse(after))));
        model.addAttribute("query", query);
        model.addAttribute("operatorName", query.organisationId() == null ? null
                : organisations.find(actor, query.organisationId()).map(o -> o.name()).orElse(null));
        model.addAttribute("sort", sort);
        model.addAttribute("asc", asc);
        // the unit filter is a search box (unitChoice below); the page lists only the unit already chosen
        model.addAttribute("units", chosenUnit(actor, query.networkUnitId()));
        model.addAttribute("opens", access.mayOpen(actor));
        model.addAttribute("regulates", access.mayReport(actor));
        return htmx != null ? "finding/list :: results" : "finding/list";
    }

    /**
     * The unit filter's choices for what is typed (名称包含): at most {@link #UNIT_CHOICES} units the actor sees, by
     * name, from the unit list's own bounded query, with the chosen one kept; a regulator's jurisdiction may hold
     * tens of thousands of units, so the page never lists them all.
     */
    @GetMapping("/findings/units")
    String unitChoice(Actor actor, @RequestParam(required = false) String unitSearch,
            @RequestParam(required = false) Long unit, Model model) {
        queries.requireRegisterReader(actor); // 404 as the register's page, for roles without one
        String text = unitSearch == null || unitSearch.isBlank() ? null : unitSearch.strip();
        var found = units.list(actor, new UnitQuery(null, null, null, text), new PageRequest(0, UNIT_CHOICES, "name",
                true));
        List<NetworkUnitSummary> choices = new java.util.ArrayList<>(chosenUnit(actor, unit));
        found.items().stream().filter(u -> unit == null || u.id() != unit).forEach(choices::add);
        model.addAttribute("units", choices);
        model.addAttribute("chosenUnit", unit);
        model.addAttribute("unitsCapped", found.items().size() >= UNIT_CHOICES);
        model.addAttribute("unitCap", UNIT_CHOICES);
        return "finding/list :: unit-choice";
    }

    /** Units offered at most by the unit filter's search. */
    static final int UNIT_CHOICES = 50;

    /** The chosen unit alone, if the actor sees it (nothing otherwise: the list then shows no row of it either). */
    private List<NetworkUnitSummary> chosenUnit(Actor actor, Long unit) {
        if (unit == null) {
            return List.of();
        }
        try {
            NetworkUnit u = units.get(actor, unit);
            return List.of(new NetworkUnitSummary(u.id(), u.organisationId(), u.content().name(), null, null, null, null, null,
                    null, null, null, null, 0));
        } catch (NotFoundException outside) {
            return List.of();
        }
    }

    /**
     * The register as the page shows it — same filters, order and jurisdiction, every row — as XLSX or CSV,
     * written while it is read; audited ({@code finding.report.exported}).
     */
    @GetMapping("/findings/export.{format}")
    void export(Actor actor, @PathVariable String format, @ModelAttribute("filter") FindingFilter filter,
            @RequestParam(defaultValue = "dueOn") String sort, @RequestParam(defaultValue = "true") boolean asc,
            Locale locale, HttpServletResponse response) throws IOException {
        ListDownload.Format f = ListDownload.Format.of(format);
        queries.requireRegisterReader(actor);
        Function<String, String> text = key -> messages.getMessage(key, null, key, locale);
        ListDownload.write(response, f, "findings", text.apply("finding.list.title"),
                out -> queries.export(actor, filter.toQuery(), sort, asc, f.extension(), out, text));
    }

    @GetMapping("/findings/new")
    String newFinding(Actor actor, @RequestParam(required = false) Long unit, Model model) {
        requireOpener(actor);
        model.addAttribute("form", new FindingForm(unit, null, null, null, null, null, null, null, null, null, null,
                null));
        model.addAttribute("units", visibleUnits(actor));
        return "finding/form";
    }

    @PostMapping("/findings")
    String create(Actor actor, @ModelAttribute("form") FindingForm form, Model model) {
        requireOpener(actor);
        return pageActions.form(model, () -> "redirect:/findings/" + findings.open(actor, form.toInput()).id(), () -> {
            model.addAttribute("units", visibleUnits(actor));
            return "finding/form";
        });
    }

    @GetMapping("/findings/{id}")
    String detail(Actor actor, @PathVariable long id, Model model) {
        Finding f = queries.view(actor, id);
        model.addAttribute("finding", f);
        model.addAttribute("history", queries.history(actor, id));
        model.addAttribute("evidence", evidence.list(actor, id));
        model.addAttribute("steps", access.stepsFor(actor, f));
        model.addAttribute("operates", access.mayRectify(actor));
        model.addAttribute("opens", access.mayOpen(actor));
        model.addAttribute("unit", units.get(actor, f.networkUnitId()));
        return "finding/detail";
    }

    /** A lifecycle step: invalid input shows the finding again with the messages, a refused step its reason. */
    @PostMapping("/findings/{id}/steps/{to}")
    String step(Actor actor, @PathVariable long id, @PathVariable String to, @RequestParam int version,
            @RequestParam(required = false) String note, @RequestParam(required = false) String measures,
            @RequestParam(required = false) String plan, @RequestParam(required = false) String planOwner,
            @RequestParam(required = false) String planDueOn, Model model, RedirectAttributes redirect) {
        FindingStatus target = lenient(to, FindingStatus.class);
        if (target == null || target == FindingStatus.OPEN || target == FindingStatus.SUPPRESSED) {
            throw new NotFoundException("finding step", to);
        }
        return change(id, model, redirect, () -> {
            switch (target) {
                case FIXED -> findings.fix(actor, id, version, note);
                case MITIGATED -> findings.mitigate(actor, id, version, measures, plan, planOwner, planDueOn);
                case VERIFIED -> findings.verify(actor, id, version, note);
                case CLOSED -> findings.close(actor, id, version, note);
                default -> findings.reopen(actor, id, version, note);
            }
        }, () -> {
            model.addAttribute("failedStep", target.name());
            return detail(actor, id, model);
        });
    }

    @PostMapping("/findings/{id}/accountability")
    String accountability(Actor actor, @PathVariable long id, @RequestParam int version,
            @RequestParam(required = false) String responsible, @RequestParam(required = false) String action,
            @RequestParam(required = false) String decidedOn, Model model, RedirectAttributes redirect) {
        return change(id, model, redirect,
                () -> findings.recordAccountability(actor, id, version, responsible, action, decidedOn),
                () -> detail(actor, id, model));
    }

    @PostMapping("/findings/{id}/evidence")
    String upload(Actor actor, @PathVariable long id, @RequestParam(value = "file", required = false) MultipartFile file,
            Model model) throws IOException {
        String name = file == null ? null : file.getOriginalFilename();
        byte[] content = file == null ? new byte[0] : file.getBytes();
        return pageActions.form(model, () -> {
            evidence.attach(actor, id, name, content);
            return "redirect:/findings/" + id;
        }, () -> detail(actor, id, model));
    }

    @GetMapping("/findings/{id}/evidence/{evidenceId}")
    ResponseEntity<byte[]> download(Actor actor, @PathVariable long id, @PathVariable long evidenceId) {
        return FindingApi.download(evidence.download(actor, id, evidenceId));
    }

    // --- helpers ----------------------------------------------------------------------------

    /** A change on the finding's page: see {@link PageActions#change}. */
    private String change(long id, Model model, RedirectAttributes redirect, Runnable change, Supplier<String> page) {
        String finding = "/findings/" + id;
        return pageActions.change(model, redirect, finding, () -> {
            change.run();
            return "redirect:" + finding;
        }, page);
    }

    /** Every unit the actor sees, up to a page of 200, by name: the new-finding form's choice (an operator's own). */
    private List<NetworkUnitSummary> visibleUnits(Actor actor) {
        return units.list(actor, new UnitQuery(null, null, null, null), new PageRequest(0, PageRequest.MAX_SIZE,
                "name", true)).items();
    }

    private void requireOpener(Actor actor) {
        if (!access.mayOpen(actor)) {
            throw new NotFoundException("finding form", "new");
        }
    }

    static <E extends Enum<E>> E lenient(String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
