package org.inspectorate.selfinspection;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.inspectorate.campaign.CampaignQuery;
import org.inspectorate.campaign.CampaignSummary;
import org.inspectorate.campaign.Campaigns;
import org.inspectorate.filing.NetworkUnitSummary;
import org.inspectorate.filing.NetworkUnits;
import org.inspectorate.filing.UnitQuery;
import org.inspectorate.finding.Category;
import org.inspectorate.finding.EvidenceDownload;
import org.inspectorate.finding.Severity;
import org.inspectorate.organisation.Actor;
import org.inspectorate.organisation.OrganisationType;
import org.inspectorate.organisation.Province;
import org.inspectorate.system.NotFoundException;
import org.inspectorate.system.PageActions;
import org.inspectorate.system.Keyset;
import org.inspectorate.system.ListDownload;
import org.inspectorate.system.PageRequest;
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
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The self-inspection pages: the operator's campaigns and workspace (answers, evidence, report text,
 * submission), a workspace by id for its reviewing authority (accept or return), the report downloads, and
 * the regulators' submission-status view with its XLSX export.
 */
@Controller
class SelfInspectionPages {

    static final MediaType DOCX = MediaType
            .parseMediaType("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final SelfInspections selfInspections;
    private final SelfInspectionStatus statusView;
    private final SummaryReports reports;
    private final Campaigns campaigns;
    private final NetworkUnits units;
    private final MessageSource messages;
    private final PageActions pageActions;
    private final SelfInspectionAccess access = new SelfInspectionAccess();

    SelfInspectionPages(SelfInspections selfInspections, SelfInspectionStatus statusView, SummaryReports reports,
            Campaigns campaigns, NetworkUnits units, MessageSource messages, PageActions pageActions) {
        this.selfInspections = selfInspections;
        this.statusView = statusView;
        this.reports = reports;
        this.campaigns = campaigns;
        this.units = units;
        this.messages = messages;
        this.pageActions = pageActions;
    }

    @GetMapping("/self-inspections")
    String list(Actor actor, Model model) {
        if (statusView.mayView(actor)) {
            return "redirect:/self-inspections/status";
        }
        model.addAttribute("inspections", selfInspections.mine(actor));
        return "selfinspection/list";
    }

    // --- the operator's workspace -------------------------------------------------------------

    @GetMapping("/self-inspections/campaigns/{code}")
    String workspace(Actor actor, @PathVariable String code, Model model) {
        return workspacePage(actor, selfInspections.mine(actor, code), model);
    }

    @PostMapping("/self-inspections/campaigns/{code}/items/{itemId}")
    String answer(Actor actor, @PathVariable String code, @PathVariable String itemId,
            @RequestParam(required = false) String answer, @RequestParam(required = false) String notes,
            @RequestParam(required = false) String title, @RequestParam(required = false) String severity,
            @RequestParam(required = false) String category, @RequestParam(required = false) Long networkUnitId,
            @RequestParam(required = false) String ownerName, @RequestParam(required = false) String references,
            @RequestParam(required = false) String cvssVector, Model model, RedirectAttributes redirect) {
        return change(actor, code, itemId, "#item-" + itemId, model, redirect,
                () -> selfInspections.answer(actor, code, itemId, new AnswerInput(answer, notes, title, severity,
                        category, networkUnitId, null, ownerName, references, cvssVector)));
    }

    @PostMapping("/self-inspections/campaigns/{code}/items/{itemId}/evidence")
    String upload(Actor actor, @PathVariable String code, @PathVariable String itemId,
            @RequestParam(value = "file", required = false) MultipartFile file, Model model, RedirectAttributes redirect)
            throws IOException {
        String name = file == null ? null : file.getOriginalFilename();
        byte[] content = file == null ? new byte[0] : file.getBytes();
        return change(actor, code, itemId, "#item-" + itemId, model, redirect,
                () -> selfInspections.attachEvidence(actor, code, itemId, name, content));
    }

    @PostMapping("/self-inspections/campaigns/{code}/report")
    String saveReport(Actor actor, @PathVariable String code, @RequestParam(required = false) String overview,
            @RequestParam(required = false) String plans, Model model, RedirectAttributes redirect) {
        return change(actor, code, "report", "#report", model, redirect, () -> {
            selfInspections.saveReport(actor, code, overview, plans);
            redirect.addFlashAttribute("saved", true);
        });
    }

    @PostMapping("/self-inspections/campaigns/{code}/submit")
    String submit(Actor actor, @PathVariable String code, Model model, RedirectAttributes redirect) {
        return change(actor, code, "report", "", model, redirect, () -> selfInspections.submit(actor, code));
    }

    /**
     * Runs one of the operator's changes ({@link PageActions#change}): back to the workspace (at {@code anchor})
     * when it worked, the page again with field messages beside {@code failedItem} when the input was wrong, the
     * workspace with the reason as a flash message when its state refused the change.
     */
    private String change(Actor actor, String code, String failedItem, String anchor, Model model,
            RedirectAttributes redirect, Runnable action) {
        String workspace = "/self-inspections/campaigns/" + code;
        return pageActions.change(model, redirect, workspace, () -> {
            action.run();
            return "redirect:" + workspace + anchor;
        }, () -> {
            model.addAttribute("failedItem", failedItem);
            return workspace(actor, code, model);
        });
    }

    // --- a workspace by id: the reviewing authority ---------------------------------------------

    @GetMapping("/self-inspections/reports/{id}")
    String report(Actor actor, @PathVariable long id, Model model) {
        return workspacePage(actor, selfInspections.get(actor, id), model);
    }

    @PostMapping("/self-inspections/reports/{id}/accept")
    String accept(Actor actor, @PathVariable long id, RedirectAttributes redirect) {
        return pageActions.act(redirect, "/self-inspections/reports/" + id, () -> {
            selfInspections.accept(actor, id);
            return null;
        });
    }

    @PostMapping("/self-inspections/reports/{id}/return")
    String returnReport(Actor actor, @PathVariable long id, @RequestParam(required = false) String reason,
            Model model, RedirectAttributes redirect) {
        String report = "/self-inspections/reports/" + id;
        return pageActions.change(model, redirect, report, () -> {
            selfInspections.returnReport(actor, id, reason);
            return "redirect:" + report;
        }, () -> {
            model.addAttribute("failedItem", "review");
            return report(actor, id, model);
        });
    }

    @GetMapping("/self-inspections/reports/{id}/report.docx")
    ResponseEntity<byte[]> docx(Actor actor, @PathVariable long id, Locale locale) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SummaryReport r = reports.docx(actor, id, locale, out);
        return file(out.toByteArray(), r.fileName() + ".docx", DOCX);
    }

    @GetMapping("/self-inspections/reports/{id}/report.pdf")
    ResponseEntity<byte[]> pdf(Actor actor, @PathVariable long id, Locale locale) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SummaryReport r = reports.pdf(actor, id, locale, out);
        return file(out.toByteArray(), r.fileName() + ".pdf", MediaType.APPLICATION_PDF);
    }

    @GetMapping("/self-inspections/reports/{id}/items/{itemId}/evidence/{evidenceId}")
    ResponseEntity<byte[]> evidence(Actor actor, @PathVariable long id, @PathVariable String itemId,
            @PathVariable long evidenceId) {
        return download(selfInspections.downloadEvidence(actor, id, itemId, evidenceId));
    }

    // --- the regulators' status view ------------------------------------------------------------

    @GetMapping("/self-inspections/status")
    String status(Actor actor, @RequestParam(required = false) String campaign,
            @RequestParam(required = false) String status, @RequestParam(required = false) String type,
            @RequestParam(required = false) String province, @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "name") String sort,
            @RequestParam(defaultValue = "true") boolean asc, @RequestParam(required = false) String after,
            @RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
        List<CampaignSummary> published = publishedCampaigns(actor);
        String code = campaign != null && !campaign.isBlank() ? campaign.strip()
                : published.isEmpty() ? null : published.get(0).code();
        if (code == null) {
            throw new NotFoundException("campaign", "published");
        }
        StatusQuery query = query(actor, status, type, province, q);
        model.addAttribute("result", statusView.view(actor, code, query, new PageRequest(page, 20, sort, asc, Keyset.parse(after))));
        model.addAttribute("campaignCode", code);
        model.addAttribute("campaigns", published);
        model.addAttribute("query", query);
        model.addAttribute("sort", sort);
        model.addAttribute("asc", asc);
        model.addAttribute("ministry", statusView.mayFilterByProvince(actor));
        model.addAttribute("statuses", SubmissionStatus.values());
        model.addAttribute("operatorTypes", Arrays.stream(OrganisationType.values())
                .filter(OrganisationType::isOperator).toList());
        model.addAttribute("provinces", Province.values());
        return htmx != null ? "selfinspection/status :: results" : "selfinspection/status";
    }

    /** The status view as the page shows it (filter, sort, jurisdiction), XLSX or CSV, audited first. */
    @GetMapping("/self-inspections/status.{format}")
    void statusExport(Actor actor, @PathVariable String format, @RequestParam String campaign,
            @RequestParam(required = false) String status, @RequestParam(required = false) String type,
            @RequestParam(required = false) String province, @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "name") String sort, @RequestParam(defaultValue = "true") boolean asc,
            Locale locale, HttpServletResponse response) throws IOException {
        ListDownload.Format f = ListDownload.Format.of(format);
        StatusQuery query = query(actor, status, type, province, q);
        statusView.recordExport(actor, campaign, query, sort, asc);
        SummaryReport.Text text = (key, args) -> messages.getMessage(key, args, key, locale);
        ListDownload.write(response, f, "self-inspection-status-" + campaign, text.get("selfinspection.status.title"),
                out -> statusView.writeExport(actor, campaign, query, sort, asc, out, text));
    }

    // --- helpers ---------------------------------------------------------------------------

    private String workspacePage(Actor actor, SelfInspection s, Model model) {
        boolean editable = access.mayEdit(actor, s);
        model.addAttribute("s", s);
        model.addAttribute("editable", editable);
        model.addAttribute("own", access.owns(actor, s));
        model.addAttribute("reviewable", access.mayReview(actor, s));
        model.addAttribute("pdfAvailable", reports.pdfFont().isPresent());
        model.addAttribute("answers", Answer.values());
        model.addAttribute("severities", Severity.values());
        model.addAttribute("categories", Category.values());
        model.addAttribute("units", editable ? units.list(actor, new UnitQuery(null, null, null, null),
                new PageRequest(0, PageRequest.MAX_SIZE, "name", true)).items().stream()
                .filter(u -> u.organisationId() == actor.organisationId()).toList() : List.<NetworkUnitSummary>of());
        return "selfinspection/workspace";
    }

    private List<CampaignSummary> publishedCampaigns(Actor actor) {
        return campaigns.list(actor, CampaignQuery.all(), new PageRequest(0, PageRequest.MAX_SIZE, "year", false))
                .items().stream().filter(c -> c.publishedVersion() != null).toList();
    }

    private StatusQuery query(Actor actor, String status, String type, String province, String q) {
        Province p = statusView.mayFilterByProvince(actor) ? lenient(province, Province.class) : null;
        return new StatusQuery(lenient(status, SubmissionStatus.class), lenient(type, OrganisationType.class), p,
                q == null || q.isBlank() ? null : q.strip());
    }

    static ResponseEntity<byte[]> file(byte[] body, String name, MediaType type) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff").contentType(type).body(body);
    }

    static ResponseEntity<byte[]> download(EvidenceDownload d) {
        return file(d.content(), d.file().fileName(), MediaType.parseMediaType(d.file().contentType()));
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
