package org.inspectorate.ingest;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.inspectorate.filing.UnitAssets;
import org.inspectorate.organisation.Actor;
import org.inspectorate.organisation.Organisation;
import org.inspectorate.system.ConflictException;
import org.inspectorate.system.InvalidInputException;
import org.inspectorate.system.PageRequest;
import org.inspectorate.system.PageResult;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Pages of report imports: the list of imports with the upload form, and one import with its progress bar
 * (polled by htmx every second while it runs), its counts and its unmatched hosts to assign.
 */
@Controller
class ImportPages {

    static final String PATH = "/imports";

    /** The most operators the select lists; the filter narrows a larger jurisdiction. */
    static final int OPERATOR_CAP = 50;

    private final ImportJobs jobs;
    private final org.inspectorate.filing.NetworkUnits units;
    private final MessageSource messages;

    ImportPages(ImportJobs jobs, org.inspectorate.filing.NetworkUnits units, MessageSource messages) {
        this.jobs = jobs;
        this.units = units;
        this.messages = messages;
    }

    @GetMapping(PATH)
    String list(Actor actor, @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("result", jobs.list(actor, new PageRequest(page, 20, "createdAt", false)));
        boolean choosesOperator = jobs.choosesOperator(actor);
        model.addAttribute("choosesOperator", choosesOperator);
        if (choosesOperator) {
            operatorChoice(actor, null, null, model);
            model.addAttribute("units", List.of());
        } else {
            model.addAttribute("units", units.assetsOf(actor, actor.organisationId()));
        }
        model.addAttribute("formats", ReportFormat.values());
        model.addAttribute("maxMb", ImportForms.megabytes(jobs.maxSize()));
        return "ingest/imports";
    }

    /** The operator select narrowed by the filter text (htmx), keeping the operator already chosen. */
    @GetMapping(PATH + "/operators")
    String operators(Actor actor, @RequestParam(required = false) String q,
            @RequestParam(required = false) Long organisation, Model model) {
        operatorChoice(actor, q, organisation, model);
        return "ingest/imports :: operator-choice";
    }

    /** The units of the chosen operator for the units select (htmx); 404 outside the jurisdiction. */
    @GetMapping(PATH + "/units")
    String unitsOf(Actor actor, @RequestParam(required = false) Long organisation, Model model) {
        model.addAttribute("units", organisation == null ? List.of() : jobs.unitsOf(actor, organisation));
        return "ingest/imports :: unit-options";
    }

    private void operatorChoice(Actor actor, String q, Long chosen, Model model) {
        PageResult<Organisation> found = jobs.operators(actor, q, OPERATOR_CAP);
        List<Organisation> operators = new ArrayList<>(found.items());
        if (chosen != null && operators.stream().noneMatch(o -> o.id() == chosen)) {
            operators.add(0, jobs.operator(actor, chosen));
        }
        model.addAttribute("operators", operators);
        model.addAttribute("operatorsCapped", found.total() > found.items().size());
        model.addAttribute("operatorCap", OPERATOR_CAP);
        model.addAttribute("operatorFilter", q);
        model.addAttribute("chosenOperator", chosen);
    }

    @PostMapping(PATH)
    String upload(Actor actor, HttpServletRequest request, HttpServletResponse response,
            @RequestHeader(value = "HX-Request", required = false) String htmx, Model model) throws IOException {
        String error;
        try {
            ImportJob job = jobs.submit(actor, ImportForms.submission(
                    ReportUpload.receive(request, jobs.maxSize(), jobs.tempDir())));
            if (htmx != null) {
                response.setHeader("HX-Redirect", request.getContextPath() + PATH + "/" + job.id());
                return "ingest/imports :: upload-error";
            }
            return "redirect:" + PATH + "/" + job.id();
        } catch (ReportUpload.TooLarge e) {
            response.setStatus(413);
            error = message("ingest.import.tooLarge", ImportForms.megabytes(e.limit));
        } catch (InvalidInputException e) {
            response.setStatus(400);
            InvalidInputException.FieldProblem p = e.problems().get(0);
            error = message(p.code(), p.args());
            model.addAttribute("uploadErrorField", p.field());
        } catch (ConflictException e) {
            response.setStatus(409);
            error = message(e.code(), e.args());
        }
        model.addAttribute("uploadError", error);
        if (htmx != null) {
            response.setStatus(200);
            return "ingest/imports :: upload-error";
        }
        return list(actor, 0, model);
    }

    @GetMapping(PATH + "/{id}")
    String detail(Actor actor, @PathVariable long id, Model model) {
        ImportJob job = jobs.view(actor, id);
        model.addAttribute("job", job);
        if (job.state() == ImportState.SUCCEEDED) {
            List<UnitAssets> scope = jobs.scopeUnits(actor, job);
            model.addAttribute("unmatched", jobs.unmatched(actor, id));
            model.addAttribute("scopeUnits", scope);
        }
        return "ingest/import";
    }

    @GetMapping(PATH + "/{id}/progress")
    String progress(Actor actor, @PathVariable long id, HttpServletResponse response, Model model) {
        ImportJob job = jobs.get(actor, id);
        model.addAttribute("job", job);
        if (!job.state().active()) {
            // the whole page again, so counts and unmatched hosts appear once it is done
            response.setHeader("HX-Refresh", "true");
        }
        return "ingest/import :: progress";
    }

    @PostMapping(PATH + "/{id}/assign")
    String assign(Actor actor, @PathVariable long id, @RequestParam String host, @RequestParam long unit) {
        jobs.assign(actor, id, Hosts.lenient(host), unit);
        return "redirect:" + PATH + "/" + id;
    }

    private String message(String code, Object... args) {
        return messages.getMessage(code, args, code, LocaleContextHolder.getLocale());
    }
}
