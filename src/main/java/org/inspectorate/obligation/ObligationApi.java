package org.inspectorate.obligation;

import static org.inspectorate.filing.FilterValues.strict;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.inspectorate.filing.GradeLevel;
import org.inspectorate.organisation.Actor;
import org.inspectorate.system.PageRequest;
import org.inspectorate.system.PageResult;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The REST face of {@link Obligations}: the same rules and jurisdiction as the pages. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Obligations", description = "符合性评测、风险评估及结果报送")
class ObligationApi {

    private final Obligations obligations;

    ObligationApi(Obligations obligations) {
        this.obligations = obligations;
    }

    @GetMapping("/obligations")
    @Operation(summary = "List the obligations of filed units the caller may see",
            description = "Operators see their organisation tree; filing authorities the units routed to them. "
                    + "Sort keys: dueOn (default), unitName, kind, level, status.")
    PageResult<Obligation> list(Actor actor,
            @Parameter(description = "CONFORMITY_EVALUATION, RISK_ASSESSMENT or RESULT_REPORT")
            @RequestParam(required = false) String kind,
            @Parameter(description = "due, due-soon, overdue or done") @RequestParam(required = false) String status,
            @Parameter(description = "1, 2, 3.1, 3.2, 4 or 5") @RequestParam(required = false) String level,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size,
            @RequestParam(defaultValue = "dueOn") String sort, @RequestParam(defaultValue = "true") boolean asc) {
        ObligationQuery query = new ObligationQuery(strict(kind, ObligationKind::parse),
                strict(status, ObligationStatus::parse), strict(level, GradeLevel::parse));
        return obligations.list(actor, query, new PageRequest(page, size, sort, asc));
    }

    @GetMapping("/network-units/{id}/evaluations")
    @Operation(summary = "The evaluations and assessments recorded for a unit, latest first")
    List<RecordDto> records(Actor actor, @PathVariable long id) {
        return obligations.records(actor, id).stream().map(RecordDto::of).toList();
    }

    @PostMapping(path = "/network-units/{id}/evaluations", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record a conformity evaluation or risk assessment of a filed unit (without a report file)")
    RecordDto create(Actor actor, @PathVariable long id, @RequestBody ObligationInput input) {
        return RecordDto.of(obligations.record(actor, id, input, null));
    }

    @PostMapping(path = "/network-units/{id}/evaluations", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record an evaluation or assessment with its report file",
            description = "Part 'evaluation' (JSON, as the JSON variant) and part 'report' (PDF, DOCX, XLSX, PNG or "
                    + "JPEG, recognised by its bytes; limited in size).")
    RecordDto createWithReport(Actor actor, @PathVariable long id, @RequestPart("evaluation") ObligationInput input,
            @RequestPart(value = "report", required = false) MultipartFile report) {
        return RecordDto.of(obligations.record(actor, id, input, ObligationPages.upload(report)));
    }

    /** The day the result reached the filing authority, with the record's version as last read. */
    record ReportedDto(String reportedOn, int version) {
    }

    @PostMapping("/evaluations/{recordId}/reported")
    @Operation(summary = "Record the day the result (with its rectification status or plan) reached the authority")
    RecordDto reported(Actor actor, @PathVariable long recordId, @RequestBody ReportedDto body) {
        return RecordDto.of(obligations.markReported(actor, recordId, body.version(), body.reportedOn()));
    }

    @GetMapping("/evaluations/{recordId}/report")
    @Operation(summary = "Download the report file (audited)")
    ResponseEntity<byte[]> download(Actor actor, @PathVariable long recordId) {
        return ObligationPages.attachment(obligations.download(actor, recordId));
    }

    record RecordDto(long id, long unitId, ObligationKind kind, LocalDate performedOn, String performedBy,
            ObligationOutcome outcome, String summary, String rectification, LocalDate reportedOn,
            String reportFileName, String reportContentType, Long reportSize, String reportSha256, String recordedBy,
            Instant recordedAt, int version) {
        static RecordDto of(ObligationRecord r) {
            return new RecordDto(r.id(), r.unitId(), r.kind(), r.performedOn(), r.performedBy(), r.outcome(),
                    r.summary(), r.rectification(), r.reportedOn(), r.reportFileName(), r.reportContentType(),
                    r.reportSize(), r.reportSha256(), r.recordedBy(), r.recordedAt(), r.version());
        }
    }
}
