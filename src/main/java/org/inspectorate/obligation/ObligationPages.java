package org.inspectorate.obligation;

import static org.inspectorate.filing.FilterValues.lenient;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;

import org.inspectorate.filing.GradeLevel;
import org.inspectorate.filing.NetworkUnit;
import org.inspectorate.filing.NetworkUnits;
import org.inspectorate.filing.attachment.FileDownload;
import org.inspectorate.organisation.Actor;
import org.inspectorate.system.PageActions;
import org.inspectorate.system.PageActions.Done;
import org.inspectorate.system.PageRequest;
import org.inspectorate.system.XlsxExport;
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

/**
 * Pages of the level-driven obligations: the list (operators: their organisation tree; the filing
 * authorities: the units routed to them), a unit's obligations and records, the record form, and the
 * report download.
 */
@Controller
class ObligationPages {

    private final Obligations obligations;
    private final ObligationExport export;
    private final NetworkUnits units;
    private final PageActions pageActions;
    private final MessageSource messages;

    ObligationPages(Obligations obligations, ObligationExport export, NetworkUnits units, PageActions pageActions,
            MessageSource messages) {
        this.obligations = obligations;
        this.export = export;
        this.units = units;
        this.pageActions = pageActions;
        this.messages = messages;
    }

    @ModelAttribute
    void choices(Model model) {
        model.addAttribute("obligationKinds", ObligationKind.values());
        model.addAttribute("recordKinds", new ObligationKind[] {ObligationKind.CONFORMITY_EVALUATION,
                ObligationKind.RISK_ASSESSMENT});
        model.addAttribute("obligationStatuses", ObligationStatus.values());
        model.addAttribute("outcomes", ObligationOutcome.values());
        model.addAttribute("levels", GradeLevel.values());
    }

    @GetMapping("/obligations")
    String list(Actor actor, @RequestParam(required = false) String kind,
            @RequestParam(required = false) String status, @RequestParam(required = false) String level,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "dueOn") String sort,
            @RequestParam(defaultValue = "true") boolean asc,
            @RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
        ObligationQuery query = new ObligationQuery(lenient(kind, ObligationKind::parse),
                lenient(status, ObligationStatus::parse), lenient(level, GradeLevel::parse));
        model.addAttribute("result", obligations.list(actor, query, new PageRequest(page, 20, sort, asc)));
        model.addAttribute("query", query);
        model.addAttribute("sort", sort);
        model.addAttribute("asc", asc);
        return htmx != null ? "filing/obligations :: results" : "filing/obligations";
    }

    /** A unit's obligations and records, loaded into its detail page. */
    @GetMapping("/network-units/{id}/obligations")
    String ofUnit(Actor actor, @PathVariable long id, Model model) {
        NetworkUnit unit = units.get(actor, id);
        model.addAttribute("unit", unit);
        model.addAttribute("unitObligations", obligations.ofUnit(actor, id));
        model.addAttribute("records", obligations.records(actor, id));
        model.addAttribute("mayRecord", obligations.mayRecordFor(actor, unit));
        return "filing/obligation-unit :: section";
    }

    @GetMapping("/network-units/{id}/evaluations/new")
    String newRecord(Actor actor, @PathVariable long id, Model model) {
        model.addAttribute("unit", units.get(actor, id));
        model.addAttribute("form", new ObligationInput(ObligationKind.CONFORMITY_EVALUATION.name(), "", "",
                ObligationOutcome.PASS.name(), "", "", ""));
        return "filing/obligation-form";
    }

    @PostMapping("/network-units/{id}/evaluations")
    String create(Actor actor, @PathVariable long id, @RequestParam(required = false) String kind,
            @RequestParam(required = false) String performedOn, @RequestParam(required = false) String performedBy,
            @RequestParam(required = false) String outcome, @RequestParam(required = false) String summary,
            @RequestParam(required = false) String rectification, @RequestParam(required = false) String reportedOn,
            @RequestParam(required = false) MultipartFile report, Model model, RedirectAttributes redirect) {
        ObligationInput input = new ObligationInput(kind, performedOn, performedBy, outcome, summary, rectification,
                reportedOn);
        return pageActions.change(model, redirect, "/network-units/" + id, () -> {
            obligations.record(actor, id, input, upload(report));
            redirect.addFlashAttribute("obligationSaved", true);
            return "redirect:/network-units/" + id;
        }, () -> {
            model.addAttribute("unit", units.get(actor, id));
            model.addAttribute("form", input);
            return "filing/obligation-form";
        });
    }

    @PostMapping("/obligations/records/{recordId}/reported")
    String reported(Actor actor, @PathVariable long recordId, @RequestParam int version,
            @RequestParam(required = false) String reportedOn, RedirectAttributes redirect) {
        ObligationRecord r = obligations.record(actor, recordId);
        return pageActions.act(redirect, "/network-units/" + r.unitId(), () -> {
            obligations.markReported(actor, recordId, version, reportedOn);
            return (Done) null;
        });
    }

    @GetMapping("/obligations.xlsx")
    ResponseEntity<byte[]> export(Actor actor, @RequestParam(required = false) String kind,
            @RequestParam(required = false) String status, @RequestParam(required = false) String level,
            @RequestParam(defaultValue = "dueOn") String sort, @RequestParam(defaultValue = "true") boolean asc,
            Locale locale) throws IOException {
        ObligationQuery query = new ObligationQuery(lenient(kind, ObligationKind::parse),
                lenient(status, ObligationStatus::parse), lenient(level, GradeLevel::parse));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        export.write(actor, query, sort, asc, out, key -> messages.getMessage(key, null, key, locale));
        return XlsxExport.download(out, "obligations.xlsx");
    }

    @GetMapping("/obligations/records/{recordId}/report")
    ResponseEntity<byte[]> download(Actor actor, @PathVariable long recordId) {
        return ObligationPages.attachment(obligations.download(actor, recordId));
    }

    static ResponseEntity<byte[]> attachment(ObligationReportFile file) {
        return FileDownload.of(file.fileName(), file.contentType(), file.content(), file.sha256());
    }

    static Obligations.Upload upload(MultipartFile file) {
        if (file == null || file.isEmpty() && (file.getOriginalFilename() == null
                || file.getOriginalFilename().isBlank())) {
            return null;
        }
        try {
            return new Obligations.Upload(file.getOriginalFilename(), file.getInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
