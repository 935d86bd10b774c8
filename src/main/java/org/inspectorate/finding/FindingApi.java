package org.inspectorate.finding;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import org.inspectorate.organisation.Actor;
import org.inspectorate.system.InvalidInputException;
import org.inspectorate.system.Keyset;
import org.inspectorate.system.PageRequest;
import org.inspectorate.system.PageResult;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
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
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The REST face of {@link Findings}: same rules and jurisdiction as the pages. Changes carry the
 * finding's {@code version} as last read; a stale one, or a step the lifecycle does not allow, answers 409.
 */
@RestController
@RequestMapping("/api/v1/findings")
@Tag(name = "Findings", description = "问题台账: findings register, lifecycle and evidence")
class FindingApi {

    private final Findings findings;
    private final FindingQueries queries;
    private final FindingEvidence evidence;

    FindingApi(Findings findings, FindingQueries queries, FindingEvidence evidence) {
        this.findings = findings;
        this.queries = queries;
        this.evidence = evidence;
    }

    @GetMapping
    @Operation(summary = "List the findings the caller may see",
            description = "Operators see their organisation tree; regulators their jurisdiction. Sort keys: title, "
                    + "severity, category, status, dueOn, createdAt, updatedAt, cvssScore. The total is exact up to "
                    + "10,000, then 10,000 with totalAtLeast true; next is the cursor of the following page (pass it "
                    + "as after), null on the last one. page numbers stop at 5,000: read deeper through next.")
    PageResult<Finding> list(Actor actor,
            @Parameter(description = "HIGH, MEDIUM or LOW") @RequestParam(required = false) String severity,
            @RequestParam(required = false) String category, @RequestParam(required = false) String status,
            @RequestParam(required = false) Boolean overdue, @RequestParam(required = false) Long unit,
            @RequestParam(required = false) String source, @RequestParam(required = false) String campaign,
            @RequestParam(required = false) String q,
            @Parameter(description = "true: imported findings the latest scan of their scope no longer showed")
            @RequestParam(required = false) Boolean notSeen,
            @Parameter(description = "operator organisation id") @RequestParam(required = false) Long operator,
            @Parameter(description = "GB/T 2260 code of the operators' province") @RequestParam(required = false)
            String province,
            @Parameter(description = "true: OPEN, REOPENED or MITIGATED") @RequestParam(required = false)
            Boolean unresolved,
            @Parameter(description = "days since opened: D0_30, D31_90, D91_180, OVER_180") @RequestParam(required = false)
            String age,
            @Parameter(description = "days past due (overdue only): D0_30, D31_90, D91_180, OVER_180")
            @RequestParam(required = false) String overdueFor,
            @RequestParam(defaultValue = "0") int page,
            @Parameter(description = "the next cursor of the previous page; a token that is not one answers 400")
            @RequestParam(required = false) String after,
            @RequestParam(defaultValue = "20") int size, @RequestParam(defaultValue = "updatedAt") String sort,
            @RequestParam(defaultValue = "false") boolean asc) {
        FindingQuery query = new FindingQuery(parse("severity", severity, Severity.class),
                parse("category", category, Category.class), parse("status", status, FindingStatus.class), overdue,
                unit, parse("source", source, FindingSource.class), campaign, q, notSeen, operator,
                province == null || province.isBlank() ? null : province.strip(), unresolved,
                parse("age", age, AgeBucket.class), parse("overdueFor", overdueFor, AgeBucket.class));
        return queries.list(actor, query, new PageRequest(page, size, sort, asc, Keyset.parse(after)));
    }

    @GetMapping("/{id}")
    @Operation(summary = "One finding")
    Finding get(Actor actor, @PathVariable long id) {
        return queries.view(actor, id);
    }

    @GetMapping("/{id}/history")
    @Operation(summary = "Every change of the finding, oldest first")
    List<FindingHistoryEntry> history(Actor actor, @PathVariable long id) {
        return queries.viewHistory(actor, id);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Open a finding", description = "The due date defaults from the campaign's SLA days per "
            + "severity (or the configured defaults). A CVSS v3.1 vector that does not parse is a field error.")
    Finding create(Actor actor, @RequestBody NewFinding input) {
        return findings.open(actor, input);
    }

    @PutMapping("/import")
    @Operation(summary = "Open or refresh a finding by its dedupKey (idempotent import)",
            description = "Creates the finding when its organisation has none with the key; otherwise refreshes its "
                    + "description fields and reopens it when it was VERIFIED or CLOSED. Repeating a call changes nothing.")
    Findings.Upserted upsert(Actor actor, @RequestBody NewFinding input) {
        return findings.upsert(actor, input);
    }

    @PutMapping("/import/bulk")
    @Operation(summary = "Open or refresh many findings by their dedupKey at once (idempotent, batched)",
            description = "Every item is checked first; problems are named items[i].field. At most 10,000 items.")
    Findings.BulkUpserted upsertAll(Actor actor, @RequestBody List<NewFinding> inputs) {
        return findings.upsertAll(actor, inputs);
    }

    record Step(Integer version, String note) {
    }

    record Mitigation(Integer version, String measures, String plan, String planOwner, String planDueOn) {
    }

    record AccountabilityInput(Integer version, String responsible, String action, String decidedOn) {
    }

    @PostMapping("/{id}/fix")
    @Operation(summary = "Mark fixed at once (OPEN or REOPENED → FIXED); note says what was done")
    Finding fix(Actor actor, @PathVariable long id, @RequestBody Step step) {
        return findings.fix(actor, id, version(step.version()), step.note());
    }

    @PostMapping("/{id}/mitigate")
    @Operation(summary = "Mitigate with a rectification plan (OPEN or REOPENED → MITIGATED)")
    Finding mitigate(Actor actor, @PathVariable long id, @RequestBody Mitigation m) {
        return findings.mitigate(actor, id, version(m.version()), m.measures(), m.plan(), m.planOwner(), m.planDueOn());
    }

    @PostMapping("/{id}/verify")
    @Operation(summary = "Verify (FIXED or MITIGATED → VERIFIED): the operator's reviewer or a regulator")
    Finding verify(Actor actor, @PathVariable long id, @RequestBody Step step) {
        return findings.verify(actor, id, version(step.version()), step.note());
    }

    @PostMapping("/{id}/close")
    @Operation(summary = "Close (VERIFIED → CLOSED)")
    Finding close(Actor actor, @PathVariable long id, @RequestBody Step step) {
        return findings.close(actor, id, version(step.version()), step.note());
    }

    @PostMapping("/{id}/reopen")
    @Operation(summary = "Reopen when a re-check still sees it (VERIFIED or CLOSED → REOPENED); note is the reason")
    Finding reopen(Actor actor, @PathVariable long id, @RequestBody Step step) {
        return findings.reopen(actor, id, version(step.version()), step.note());
    }

    @PutMapping("/{id}/accountability")
    @Operation(summary = "Record the accountability (问责): who was responsible, what was done, when")
    Finding accountability(Actor actor, @PathVariable long id, @RequestBody AccountabilityInput a) {
        return findings.recordAccountability(actor, id, version(a.version()), a.responsible(), a.action(),
                a.decidedOn());
    }

    @GetMapping("/{id}/evidence")
    @Operation(summary = "The finding's evidence files")
    List<EvidenceFile> evidence(Actor actor, @PathVariable long id) {
        return evidence.view(actor, id);
    }

    @PostMapping(path = "/{id}/evidence", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Attach an evidence file (PDF, PNG, JPEG, GIF, DOCX, XLSX, PPTX or UTF-8 text)",
            description = "The type is sniffed from the bytes; a name claiming another type is refused.")
    EvidenceFile upload(Actor actor, @PathVariable long id, @RequestParam("file") MultipartFile file)
            throws IOException {
        return evidence.attach(actor, id, file.getOriginalFilename(), file.getBytes());
    }

    @GetMapping("/{id}/evidence/{evidenceId}")
    @Operation(summary = "Download an evidence file (audited)")
    ResponseEntity<byte[]> download(Actor actor, @PathVariable long id, @PathVariable long evidenceId) {
        return download(evidence.download(actor, id, evidenceId));
    }

    static ResponseEntity<byte[]> download(EvidenceDownload d) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(d.file().fileName(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .contentType(MediaType.parseMediaType(d.file().contentType()))
                .body(d.content());
    }

    private static int version(Integer version) {
        if (version == null) {
            throw new InvalidInputException("version", "finding.field.required");
        }
        return version;
    }

    static <E extends Enum<E>> E parse(String field, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(field, "finding.field.unknownValue", value.strip());
        }
    }
}
