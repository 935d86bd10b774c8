package org.inspectorate.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import org.inspectorate.filing.NetworkUnits;
import org.inspectorate.organisation.Actor;
import org.inspectorate.organisation.Organisation;
import org.inspectorate.system.Keyset;
import org.inspectorate.system.ListDownload;
import org.inspectorate.system.PageActions;
import org.inspectorate.system.PageRequest;
import org.inspectorate.system.PageResult;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

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

    /** Unmatched hosts shown on one page of an import. */
    static final int UNMATCHED_PAGE = 50;

    /** The flash attribute with the field errors of the form that assigns several hosts. */
    static final String ASSIGN_ERRORS = "assignErrors";

    private static final String HTMX = "HX-Request";

    private final ImportJobs jobs;
    private final NetworkUnits units;
    private final PageActions pageActions;
    private final MessageSource messages;
    private final ImportMessages importMessages;
    private final ImportListExport listExport;

    ImportPages(ImportJobs jobs, NetworkUnits units, PageActions pageActions, MessageSource messages,
            ImportMessages importMessages, ImportListExport listExport) {
        this.listExport = listExport;
        this.jobs = jobs;
        this.units = units;
        this.pageActions = pageActions;
        this.messages = messages;
        this.importMessages = importMessages;
    }

    @GetMapping(PATH)
    String list(Actor actor, @RequestParam(defaultValue = "0") int page, @RequestParam(required = false) String after,
            @RequestParam(required = false) String state, @RequestParam(required = false) String q,
            @RequestHeader(value = HTMX, required = false) String htmx,
            @RequestHeader(value = "HX-History-Restore-Request", required = false) String historyRestore,
            HttpServletResponse response, Model model) {
        response.addHeader("Vary", HTMX);
        ImportListQuery query = listQuery(state, q);
        model.addAttribute("result", jobs.list(actor, query,
                new PageRequest(page, 20, "createdAt", false, Keyset.parse(after))));
        model.addAttribute("query", query);
        model.addAttribute("states", ImportState.values());
        if (htmx != null && historyRestore == null) {
            return "ingest/imports :: results";
        }
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

    /** The imports list as the page shows it (filter and jurisdiction), XLSX or CSV, audited first. */
    @GetMapping(PATH + "/export.{format}")
    void export(Actor actor, @PathVariable String format, @RequestParam(required = false) String state,
            @RequestParam(required = false) String q, Locale locale, HttpServletResponse response) throws IOException {
        ListDownload.Format f = ListDownload.Format.of(format);
        ImportListQuery query = listQuery(state, q);
        listExport.record(actor, f, query);
        Function<String, String> text = key -> messages.getMessage(key, null, key, locale);
        ListDownload.write(response, f, "imports", text.apply("ingest.import.list.title"),
                out -> listExport.write(actor, query, out, text));
    }

    /** The list's filter from its parameters; a state that is not one is no filter. */
    private static ImportListQuery listQuery(String state, String q) {
        ImportState s = Arrays.stream(ImportState.values()).filter(v -> v.name().equals(state)).findFirst()
                .orElse(null);
        return new ImportListQuery(s, q);
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
        model.addAttribute("units", jobs.unitsOf(actor, organisation));
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

    /**
     * Receives and queues a report, then shows its import. A refused upload shows the list page again with
     * the reasons (an htmx request only the reasons, with 200 so that htmx swaps them in): 400 for a field at
     * fault, 409 while another import of the operator runs, 413 above the size limit, 403 without this
     * session's CSRF token (checked by {@link ReportUpload}: the header htmx sends, or the plain form's
     * {@code _csrf} field before the file).
     */
    @PostMapping(PATH)
    String upload(Actor actor, HttpServletRequest request, HttpServletResponse response,
            @RequestHeader(value = HTMX, required = false) String htmx, Model model) {
        try {
            return pageActions.form(model, () -> {
                ImportJob job = jobs.submit(actor, ImportForms.submission(receive(request)));
                if (htmx != null) {
                    response.setHeader("HX-Redirect", request.getContextPath() + PATH + "/" + job.id());
                    return "ingest/imports :: upload-error";
                }
                return "redirect:" + PATH + "/" + job.id();
            }, () -> refused(actor, htmx, refusal(model), response, model));
        } catch (ReportUpload.TooLarge e) {
            model.addAttribute(PageActions.ERRORS, Map.of("file", messages.getMessage("ingest.import.tooLarge",
                    new Object[] {ImportForms.megabytes(e.limit)}, LocaleContextHolder.getLocale())));
            return refused(actor, htmx, HttpStatus.CONTENT_TOO_LARGE, response, model);
        } catch (FormToken.Refused e) {
            // not "no permission": the page's token is stale (open too long, signed in again elsewhere)
            model.addAttribute(PageActions.ERRORS, Map.of("", messages.getMessage("ingest.import.formExpired", null,
                    LocaleContextHolder.getLocale())));
            return refused(actor, htmx, HttpStatus.FORBIDDEN, response, model);
        }
    }

    private ReportUpload.Received receive(HttpServletRequest request) {
        try {
            return ReportUpload.receiveForm(request, jobs.maxSize(), jobs.tempDir());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Why {@link PageActions#form} refused the upload: each problem of an upload's input names its field, so a
     * message for the form as a whole is a conflict (another import of the operator runs).
     */
    private static HttpStatus refusal(Model model) {
        Object errors = model.getAttribute(PageActions.ERRORS);
        return errors instanceof Map<?, ?> byField && byField.containsKey("") ? HttpStatus.CONFLICT
                : HttpStatus.BAD_REQUEST;
    }

    private String refused(Actor actor, String htmx, HttpStatus status, HttpServletResponse response, Model model) {
        if (htmx != null) {
            return "ingest/imports :: upload-error";
        }
        response.setStatus(status.value());
        return list(actor, 0, null, null, null, null, null, response, model);
    }

    @GetMapping(PATH + "/{id}")
    String detail(Actor actor, @PathVariable long id, @RequestParam(defaultValue = "0") int page, Model model) {
        ImportJob job = jobs.view(actor, id);
        job(job, model);
        if (job.state() == ImportState.SUCCEEDED) {
            model.addAttribute("unmatched", jobs.unmatched(actor, id, new PageRequest(page, UNMATCHED_PAGE, null, true)));
            model.addAttribute("scopeUnits", jobs.scopeUnits(actor, job));
            model.addAttribute("mayAssign", jobs.mayAssign(actor, job));
            model.addAttribute("mayProposeAssets", jobs.mayProposeAssets(actor, job));
        }
        return "ingest/import";
    }

    /** The job with its progress line and, once failed, why, in the user's language. */
    private void job(ImportJob job, Model model) {
        Locale locale = LocaleContextHolder.getLocale();
        model.addAttribute("job", job);
        model.addAttribute("progressText", importMessages.progress(job, locale));
        model.addAttribute("errorText", importMessages.error(job, locale));
    }

    @GetMapping(PATH + "/{id}/progress")
    String progress(Actor actor, @PathVariable long id, HttpServletResponse response, Model model) {
        ImportJob job = jobs.get(actor, id);
        job(job, model);
        if (!job.state().active()) {
            // the whole page again, so counts and unmatched hosts appear once it is done
            response.setHeader("HX-Refresh", "true");
        }
        return "ingest/import :: progress";
    }

    @PostMapping(PATH + "/{id}/assign")
    String assign(Actor actor, @PathVariable long id, @RequestParam String host, @RequestParam long unit,
            RedirectAttributes redirect) {
        return pageActions.act(redirect, PATH + "/" + id, () -> jobs.assign(actor, id, host, unit),
                "ingest.import.assigned.done", Hosts.lenient(host));
    }

    /**
     * Assigns the hosts ticked on the page, or every host of a CIDR range or a domain, to one unit in one step
     * (and, if asked, proposes them as its assets); field errors come back beside the form's fields.
     */
    @PostMapping(PATH + "/{id}/assign-many")
    String assignMany(Actor actor, @PathVariable long id, @RequestParam(required = false) List<String> hosts,
            @RequestParam(required = false) String cidr, @RequestParam(required = false) String domain,
            @RequestParam(required = false) Long unit, @RequestParam(defaultValue = "false") boolean addToAssets,
            RedirectAttributes redirect) {
        Map<String, Object> kept = new HashMap<>();
        kept.put("assignCidr", cidr == null ? "" : cidr);
        kept.put("assignDomain", domain == null ? "" : domain);
        AssignmentResult[] done = new AssignmentResult[1];
        String target = pageActions.act(redirect, PATH + "/" + id, ASSIGN_ERRORS, kept, () -> done[0] = jobs.assign(
                actor, id, new HostAssignment(null, hosts, cidr, domain, unit, addToAssets)),
                "ingest.import.assigned.many");
        if (done[0] != null) {
            redirect.addFlashAttribute("doneArgs", new Object[] {done[0].hosts(), done[0].findings()});
        }
        return target;
    }
}
