package org.inspectorate.selfinspection;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.inspectorate.finding.EvidenceFile;
import org.inspectorate.organisation.Actor;
import org.inspectorate.organisation.OrganisationType;
import org.inspectorate.organisation.Province;
import org.inspectorate.system.InvalidInputException;
import org.inspectorate.system.PageRequest;
import org.inspectorate.system.PageResult;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The REST face of {@link SelfInspections}: the operator's workspace by campaign code (read, answer, report
 * text, evidence, submit), any workspace by id within the caller's jurisdiction (read, accept, return,
 * report downloads), and the regulators' status list. Same rules as the pages; errors are problem+json.
 */
@RestController
@RequestMapping("/api/v1/self-inspections")
@Tag(name = "Self-inspections", description = "自查: workspaces, answers, summary reports and their review")
class SelfInspectionApi {

    private final SelfInspections selfInspections;
    private final SelfInspectionStatus statusView;
    private final SummaryReports reports;

    SelfInspectionApi(SelfInspections selfInspections, SelfInspectionStatus statusView, SummaryReports reports) {
        this.selfInspections = selfInspections;
        this.statusView = statusView;
        this.reports = reports;
    }

    /** A workspace as the API shows it. */
    record WorkspaceDto(String campaignCode, long organisationId, String organisationName, Long id,
            SubmissionStatus status, WorkspaceState state, String recipient, String recipientProvince,
            LocalDate dueOn, boolean late, Instant submittedAt, String returnReason, String overview, String plans,
            Progress progress, List<ItemDto> items) {

        static WorkspaceDto of(SelfInspection s) {
            Workspace w = s.workspace();
            return new WorkspaceDto(s.campaign().code(), s.organisation().id(), s.organisation().name(),
                    w == null ? null : w.id(), s.status(), w == null ? null : w.state(), s.route().recipient().name(),
                    s.route().province() == null ? null : s.route().province().code(), s.route().dueOn(),
                    w != null && w.late(), w == null ? null : w.submittedAt(), w == null ? null : w.returnReason(),
                    w == null ? null : w.overview(), w == null ? null : w.plans(), s.progress(),
                    s.entries().stream().map(ItemDto::of).toList());
        }
    }

    record ItemDto(String itemId, String groupId, String text, Answer answer, String notes, Long findingId,
            String findingStatus, List<EvidenceFile> evidence) {

        static ItemDto of(ChecklistEntry e) {
            return new ItemDto(e.item().id(), e.item().groupId(), e.item().text().zh(),
                    e.answer() == null ? null : e.answer().answer(), e.answer() == null ? null : e.answer().notes(),
                    e.answer() == null ? null : e.answer().findingId(),
                    e.finding() == null ? null : e.finding().status().name(), e.evidence());
        }
    }

    record ReportText(String overview, String plans) {
    }

    record Review(String reason) {
    }

    @GetMapping("/campaigns/{code}")
    @Operation(summary = "The caller's own self-inspection of a campaign (an operator; NOT_STARTED until the first answer)")
    WorkspaceDto mine(Actor actor, @PathVariable String code) {
        return WorkspaceDto.of(selfInspections.mine(actor, code));
    }

    @PutMapping("/campaigns/{code}/items/{itemId}")
    @Operation(summary = "Answer a checklist item: COMPLIANT, NOT_COMPLIANT or NOT_APPLICABLE",
            description = "A NOT_COMPLIANT answer without a finding opens one (source SELF_INSPECTION): networkUnitId, "
                    + "category and severity are required; title defaults to the item's text.")
    WorkspaceDto answer(Actor actor, @PathVariable String code, @PathVariable String itemId,
            @RequestBody AnswerInput input) {
        return WorkspaceDto.of(selfInspections.answer(actor, code, itemId, input));
    }

    @PostMapping(path = "/campaigns/{code}/items/{itemId}/evidence", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Attach an evidence file to an answered item (type sniffed from the bytes)")
    EvidenceFile upload(Actor actor, @PathVariable String code, @PathVariable String itemId,
            @RequestParam("file") MultipartFile file) throws IOException {
        return selfInspections.attachEvidence(actor, code, itemId, file.getOriginalFilename(), file.getBytes());
    }

    @PutMapping("/campaigns/{code}/report")
    @Operation(summary = "Save the report's own text: overview (工作概况) and next steps (下一步工作)")
    WorkspaceDto report(Actor actor, @PathVariable String code, @RequestBody ReportText text) {
        return WorkspaceDto.of(selfInspections.saveReport(actor, code, text.overview(), text.plans()));
    }

    @PostMapping("/campaigns/{code}/submit")
    @Operation(summary = "Submit the summary report to its recipient",
            description = "409 when already submitted or accepted (naming the state) or when the campaign is closed; "
                    + "field errors when the overview is empty or items are unanswered.")
    WorkspaceDto submit(Actor actor, @PathVariable String code) {
        return WorkspaceDto.of(selfInspections.submit(actor, code));
    }

    @GetMapping("/{id}")
    @Operation(summary = "A workspace with its report, within the caller's jurisdiction (audited)")
    WorkspaceDto get(Actor actor, @PathVariable long id) {
        return WorkspaceDto.of(selfInspections.get(actor, id));
    }

    @PostMapping("/{id}/accept")
    @Operation(summary = "Accept a submitted report (its recipient only)")
    WorkspaceDto accept(Actor actor, @PathVariable long id) {
        return WorkspaceDto.of(selfInspections.accept(actor, id));
    }

    @PostMapping("/{id}/return")
    @Operation(summary = "Return a submitted report with reasons (its recipient only)")
    WorkspaceDto returnReport(Actor actor, @PathVariable long id, @RequestBody Review review) {
        return WorkspaceDto.of(selfInspections.returnReport(actor, id, review.reason()));
    }

    @GetMapping("/{id}/report.docx")
    @Operation(summary = "The summary report as DOCX (audited)")
    ResponseEntity<byte[]> docx(Actor actor, @PathVariable long id, Locale locale) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SummaryReport r = reports.docx(actor, id, locale, out);
        return SelfInspectionPages.file(out.toByteArray(), r.fileName() + ".docx", SelfInspectionPages.DOCX);
    }

    @GetMapping("/{id}/report.pdf")
    @Operation(summary = "The summary report as PDF with an embedded Chinese font (audited; 409 when no font is installed)")
    ResponseEntity<byte[]> pdf(Actor actor, @PathVariable long id, Locale locale) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SummaryReport r = reports.pdf(actor, id, locale, out);
        return SelfInspectionPages.file(out.toByteArray(), r.fileName() + ".pdf", MediaType.APPLICATION_PDF);
    }

    @GetMapping("/{id}/items/{itemId}/evidence/{evidenceId}")
    @Operation(summary = "Download an answer's evidence file (audited)")
    ResponseEntity<byte[]> evidence(Actor actor, @PathVariable long id, @PathVariable String itemId,
            @PathVariable long evidenceId) {
        return SelfInspectionPages.download(selfInspections.downloadEvidence(actor, id, itemId, evidenceId));
    }

    @GetMapping("/status")
    @Operation(summary = "Submission status per in-scope operator against its deadline (regulators)",
            description = "Sort keys: name, status, answered, submittedAt, province, type.")
    PageResult<StatusRow> status(Actor actor, @RequestParam String campaign,
            @RequestParam(required = false) String status, @RequestParam(required = false) String type,
            @RequestParam(required = false) String province, @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size,
            @RequestParam(defaultValue = "name") String sort, @RequestParam(defaultValue = "true") boolean asc) {
        StatusQuery query = new StatusQuery(parse("status", status, SubmissionStatus.class),
                parse("type", type, OrganisationType.class), parse("province", province, Province.class), q);
        return statusView.view(actor, campaign, query, new PageRequest(page, size, sort, asc));
    }

    static <E extends Enum<E>> E parse(String field, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(field, "selfinspection.field.unknownValue", value.strip());
        }
    }
}
