package org.inspectorate.spotcheck;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.inspectorate.finding.Category;
import org.inspectorate.finding.Severity;
import org.inspectorate.organisation.Actor;
import org.inspectorate.system.Keyset;
import org.inspectorate.system.NotFoundException;
import org.inspectorate.system.PageActions;
import org.inspectorate.system.XlsxExport;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The spot-check pages: the list (the checks outside a draw apart), a check's page with what each role may do there
 * ({@link SpotCheckAccess} decides which forms show), a check outside a draw, the major problems and the discipline
 * breaches. Forms on the check's page come back through {@link PageActions} with their own field messages.
 */
@Controller
class SpotCheckPages {

    private final SpotChecks checks;
    private final SpotCheckWork work;
    private final SpotCheckFollowUp followUp;
    private final PageActions pageActions;
    private final SpotCheckReports reports;
    private final MessageSource messages;

    SpotCheckPages(SpotChecks checks, SpotCheckWork work, SpotCheckFollowUp followUp, PageActions pageActions,
            SpotCheckReports reports, MessageSource messages) {
        this.reports = reports;
        this.messages = messages;
        this.checks = checks;
        this.work = work;
        this.followUp = followUp;
        this.pageActions = pageActions;
    }

    @GetMapping("/spot-checks")
    String list(Actor actor, @RequestParam(required = false) SpotCheckState state,
            @RequestParam(defaultValue = "false") boolean outsideDraw, @RequestParam(required = false) String after,
            Model model) {
        var result = checks.list(actor, new SpotCheckQuery(state, outsideDraw), Keyset.parse(after), 20);
        model.addAttribute("result", result);
        model.addAttribute("names", checks.names(result.items()));
        model.addAttribute("state", state);
        model.addAttribute("states", SpotCheckState.values());
        model.addAttribute("outsideDraw", outsideDraw);
        model.addAttribute("create", SpotCheckAccess.mayCreate(actor));
        model.addAttribute("regulates", SpotCheckAccess.maySeeMajorProblems(actor));
        return "spotcheck/list";
    }

    @GetMapping("/spot-checks/new")
    String form(Actor actor, Model model) {
        checks.requireCreator(actor);
        return form(model, NewSpotCheck.empty());
    }

    @PostMapping("/spot-checks")
    String create(Actor actor, NewSpotCheck input, Model model) {
        return pageActions.form(model, () -> "redirect:/spot-checks/" + checks.create(actor, input).id(),
                () -> form(model, input));
    }

    private String form(Model model, NewSpotCheck input) {
        model.addAttribute("form", input);
        return "spotcheck/form";
    }

    @GetMapping("/spot-checks/{id}")
    String detail(Actor actor, @PathVariable long id, Model model) {
        List<CheckFinding> found = work.findings(actor, id);
        SpotCheckView check = checks.view(actor, id, found.size());
        model.addAttribute("check", check);
        model.addAttribute("names", checks.names(List.of(check)));
        model.addAttribute("units", checks.unitNames(check));
        model.addAttribute("findings", found);
        model.addAttribute("authorisations", work.authorisations(actor, id));
        model.addAttribute("clearance", checks.teamClearance(actor, check));
        model.addAttribute("lapses", checks.lapses(actor, check));
        model.addAttribute("discipline", followUp.discipline(actor, check).orElse(null));
        model.addAttribute("methods", InspectionMethod.values());
        model.addAttribute("categories", Category.values());
        model.addAttribute("severities", Severity.values());
        model.addAttribute("may", Map.of("schedule", SpotCheckAccess.maySchedule(actor, check)
                        && check.state().ordinal() <= SpotCheckState.SCHEDULED.ordinal(),
                "lead", SpotCheckAccess.mayLead(actor, check), "cancel", SpotCheckAccess.mayCancel(actor, check),
                "work", SpotCheckAccess.mayWork(actor, check), "answer", SpotCheckAccess.mayAnswer(actor, check),
                "authority", SpotCheckAccess.isAuthority(actor, check),
                "breaches", SpotCheckAccess.maySeeBreaches(actor, check),
                "report", SpotCheckAccess.mayDownloadReport(actor, check)));
        model.addAttribute("pdfAvailable", reports.pdfFont().isPresent());
        return "spotcheck/detail";
    }

    @GetMapping("/spot-checks/{id}/report.{format}")
    ResponseEntity<byte[]> report(Actor actor, @PathVariable long id, @PathVariable String format, Locale locale) {
        return download(reports, actor, id, format, locale);
    }

    /** The report's DOCX or PDF as an attachment; any other format is a path that does not exist. */
    static ResponseEntity<byte[]> download(SpotCheckReports reports, Actor actor, long id, String format,
            Locale locale) {
        SpotCheckReports.Document d;
        MediaType type;
        if ("docx".equalsIgnoreCase(format)) {
            d = reports.docx(actor, id, locale);
            type = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        } else if ("pdf".equalsIgnoreCase(format)) {
            d = reports.pdf(actor, id, locale);
            type = MediaType.APPLICATION_PDF;
        } else {
            throw new NotFoundException("document format", format);
        }
        return ResponseEntity.ok().contentType(type).header(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(d.fileName()).build().toString()).body(d.content());
    }

    @PostMapping("/spot-checks/{id}/schedule")
    String schedule(Actor actor, @PathVariable long id, @RequestParam(defaultValue = "-1") int version,
            @RequestParam(required = false) List<String> methods, @RequestParam(required = false) String startsOn,
            @RequestParam(required = false) String endsOn, @RequestParam(required = false) String documents,
            RedirectAttributes redirect) {
        return pageActions.act(redirect, "/spot-checks/" + id, "scheduleErrors", Map.of(),
                () -> checks.schedule(actor, id, version, new ScheduleInput(methods, startsOn, endsOn, documents)),
                "spotcheck.done.scheduled");
    }

    @PostMapping("/spot-checks/{id}/start")
    String start(Actor actor, @PathVariable long id, @RequestParam(defaultValue = "-1") int version, RedirectAttributes redirect) {
        return pageActions.act(redirect, "/spot-checks/" + id, () -> checks.start(actor, id, version),
                "spotcheck.done.started");
    }

    @PostMapping("/spot-checks/{id}/report")
    String report(Actor actor, @PathVariable long id, @RequestParam(defaultValue = "-1") int version, RedirectAttributes redirect) {
        return pageActions.act(redirect, "/spot-checks/" + id, () -> checks.report(actor, id, version),
                "spotcheck.done.reported");
    }

    @PostMapping("/spot-checks/{id}/cancel")
    String cancel(Actor actor, @PathVariable long id, @RequestParam(defaultValue = "-1") int version,
            @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        return pageActions.act(redirect, "/spot-checks/" + id, "cancelErrors", Map.of(),
                () -> checks.cancel(actor, id, version, reason), "spotcheck.done.cancelled");
    }

    @PostMapping("/spot-checks/{id}/authorisations")
    String authorise(Actor actor, @PathVariable long id, AuthorisationInput input,
            @RequestParam(required = false) MultipartFile letter, RedirectAttributes redirect) throws IOException {
        byte[] content = letter == null || letter.isEmpty() ? null : letter.getBytes();
        String name = letter == null ? null : letter.getOriginalFilename();
        return pageActions.act(redirect, "/spot-checks/" + id, "authoriseErrors", Map.of("authoriseForm", input),
                () -> work.authorise(actor, id, input, name, content), "spotcheck.done.authorised");
    }

    @PostMapping("/spot-checks/{id}/authorisations/{authorisationId}/confirm")
    String confirm(Actor actor, @PathVariable long id, @PathVariable long authorisationId,
            RedirectAttributes redirect) {
        return pageActions.act(redirect, "/spot-checks/" + id, () -> work.confirmWindow(actor, id, authorisationId),
                "spotcheck.done.confirmed");
    }

    @GetMapping("/spot-checks/{id}/authorisations/{authorisationId}/letter")
    void letter(Actor actor, @PathVariable long id, @PathVariable long authorisationId, HttpServletResponse response)
            throws IOException {
        writeLetter(work.letter(actor, id, authorisationId), response);
    }

    @PostMapping("/spot-checks/{id}/findings")
    String record(Actor actor, @PathVariable long id, SpotFindingInput input, RedirectAttributes redirect) {
        return pageActions.act(redirect, "/spot-checks/" + id, "findingErrors", Map.of("findingForm", input),
                () -> work.record(actor, id, input), "spotcheck.done.recorded");
    }

    @PostMapping("/spot-checks/{id}/findings/{findingId}/notice")
    String tell(Actor actor, @PathVariable long id, @PathVariable long findingId,
            @RequestParam(required = false) String method, RedirectAttributes redirect) {
        return pageActions.act(redirect, "/spot-checks/" + id, () -> work.tell(actor, id, findingId, method),
                "spotcheck.done.told");
    }

    @PostMapping("/spot-checks/{id}/findings/{findingId}/acknowledge")
    String acknowledge(Actor actor, @PathVariable long id, @PathVariable long findingId,
            @RequestParam(required = false) String name, RedirectAttributes redirect) {
        return pageActions.act(redirect, "/spot-checks/" + id, () -> work.acknowledge(actor, id, findingId, name),
                "spotcheck.done.acknowledged");
    }

    @PostMapping("/spot-checks/{id}/findings/{findingId}/refuse")
    String refuse(Actor actor, @PathVariable long id, @PathVariable long findingId,
            @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        return pageActions.act(redirect, "/spot-checks/" + id, () -> work.refuse(actor, id, findingId, reason),
                "spotcheck.done.refused");
    }

    @PostMapping("/spot-checks/{id}/findings/{findingId}/major")
    String major(Actor actor, @PathVariable long id, @PathVariable long findingId,
            @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        return pageActions.act(redirect, "/spot-checks/" + id, () -> work.markMajor(actor, id, findingId, reason),
                "spotcheck.done.major");
    }

    @PostMapping("/spot-checks/{id}/findings/{findingId}/assessment")
    String assess(Actor actor, @PathVariable long id, @PathVariable long findingId,
            @RequestParam(required = false) String assessment, RedirectAttributes redirect) {
        return pageActions.act(redirect, "/spot-checks/" + id,
                () -> followUp.assess(actor, id, findingId, assessment), "spotcheck.done.assessed");
    }

    @PostMapping("/spot-checks/{id}/discipline")
    String declare(Actor actor, @PathVariable long id, @RequestParam(defaultValue = "false") boolean breach,
            @RequestParam(required = false) String breachText, RedirectAttributes redirect) {
        return pageActions.act(redirect, "/spot-checks/" + id, "disciplineErrors", Map.of(),
                () -> followUp.declare(actor, id, breach, breachText), "spotcheck.done.declared");
    }

    @GetMapping("/spot-checks/major-problems")
    String majorProblems(Actor actor, @RequestParam(required = false) String after, Model model) {
        var result = followUp.majorProblems(actor, Keyset.parse(after), 50);
        model.addAttribute("result", result);
        model.addAttribute("operators", checks.operatorNames(result.items().stream()
                .map(CheckFinding::targetOrganisationId).distinct().toList()));
        return "spotcheck/major";
    }

    @GetMapping("/spot-checks/progress")
    String progress(Actor actor, Model model) {
        model.addAttribute("rows", checks.progress(actor));
        model.addAttribute("minimum", ProvinceProgress.MIN_VALUE_ADDED);
        return "spotcheck/progress";
    }

    @GetMapping("/spot-checks/progress.xlsx")
    ResponseEntity<byte[]> progressExport(Actor actor, Locale locale) throws IOException {
        return progressXlsx(checks.exportProgress(actor), messages, locale);
    }

    /** The progress rows as a workbook: the page's columns, province names in the reader's language. */
    static ResponseEntity<byte[]> progressXlsx(List<ProvinceProgress> rows, MessageSource messages, Locale locale)
            throws IOException {
        java.util.function.Function<String, String> m = key -> messages.getMessage(key, null, key, locale);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (XlsxExport x = new XlsxExport(m.apply("spotcheck.progress.title"))) {
            x.header(List.of(m.apply("spotcheck.field.province"), m.apply("spotcheck.state.PLANNED"),
                    m.apply("spotcheck.state.SCHEDULED"), m.apply("spotcheck.state.IN_PROGRESS"),
                    m.apply("spotcheck.state.REPORTED"), m.apply("spotcheck.progress.basicTelecom"),
                    m.apply("spotcheck.progress.basicTarget"), m.apply("spotcheck.progress.valueAdded"),
                    m.apply("spotcheck.progress.minimum")));
            for (ProvinceProgress r : rows) {
                x.values(List.of(m.apply("province." + r.provinceCode()), r.planned(), r.scheduled(), r.inProgress(),
                        r.reported(), r.basicTelecom(), r.basicTelecomTarget(), r.valueAdded(),
                        m.apply(r.valueAddedMinimumReached() ? "spotcheck.progress.reached"
                                : "spotcheck.progress.short")));
            }
            x.write(out);
        }
        return XlsxExport.download(out, "spot-check-progress.xlsx");
    }

    @GetMapping("/spot-checks/discipline-breaches")
    String breaches(Actor actor, Model model) {
        model.addAttribute("breaches", followUp.breaches(actor));
        return "spotcheck/breaches";
    }

    /** The letter as a download of its sniffed type, never rendered inline. */
    static void writeLetter(SpotCheckWork.Letter letter, HttpServletResponse response) throws IOException {
        response.setContentType(letter.authorisation().letterType());
        response.setHeader("Content-Disposition", "attachment; filename*=UTF-8''"
                + URLEncoder.encode(letter.authorisation().letterName(), StandardCharsets.UTF_8).replace("+", "%20"));
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setContentLength(letter.content().length);
        response.getOutputStream().write(letter.content());
    }
}
