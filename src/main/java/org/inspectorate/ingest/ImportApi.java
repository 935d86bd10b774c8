package org.inspectorate.ingest;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.inspectorate.organisation.Actor;
import org.inspectorate.system.PageRequest;
import org.inspectorate.system.PageResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The REST face of {@link ImportJobs}, for scanner pipelines with an API token: same rules and jurisdiction
 * as the pages. The upload is multipart ({@code file}, optional {@code format}, {@code organisation} — which
 * a regulator must name — and {@code units}), streamed to disk under {@code inspectorate.import.max-size}
 * (413 problem+json above it).
 */
@RestController
@RequestMapping(ImportApi.PATH)
@Tag(name = "Imports", description = "扫描报告导入: scanner and tool report imports")
class ImportApi {

    static final String PATH = "/api/v1/imports";

    private static final Logger LOG = LoggerFactory.getLogger(ImportApi.class);

    private final ImportJobs jobs;
    private final MessageSource messages;

    ImportApi(ImportJobs jobs, MessageSource messages) {
        this.jobs = jobs;
        this.messages = messages;
    }

    @PostMapping
    @Operation(summary = "Upload a report; the import runs in the background",
            description = "multipart/form-data: file (Nessus, OpenVAS/GVM, Nmap, SARIF 2.1.0 or the CSV template), "
                    + "format (optional: detected from the content), organisation (required for regulators, omitted by operators), units "
                    + "(optional, comma-separated: the scope). 202 with the job; poll GET /api/v1/imports/{id}. "
                    + "409 while another import of the same operator runs; 404 for a scope outside the caller's "
                    + "jurisdiction; 413 above inspectorate.import.max-size.")
    ResponseEntity<ImportJob> upload(Actor actor, HttpServletRequest request) throws IOException {
        long start = System.nanoTime();
        ReportUpload.Received received = ReportUpload.receive(request, jobs.maxSize(), jobs.tempDir());
        long copied = System.nanoTime();
        ImportJob job = jobs.submit(actor, ImportForms.submission(received));
        LOG.debug("import {}: upload copied {} ms, queued {} ms", job.id(), (copied - start) / 1_000_000,
                (System.nanoTime() - copied) / 1_000_000);
        return ResponseEntity.accepted().location(URI.create(PATH + "/" + job.id())).body(job);
    }

    @GetMapping
    @Operation(summary = "The imports of the caller's jurisdiction, newest first")
    PageResult<ImportJob> list(Actor actor, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        return jobs.list(actor, new PageRequest(page, size, "createdAt", false));
    }

    @GetMapping("/{id}")
    @Operation(summary = "One import: state (QUEUED, RUNNING, SUCCEEDED, FAILED), progress and counts")
    ImportJob get(Actor actor, @PathVariable long id) {
        return jobs.view(actor, id);
    }

    @GetMapping("/{id}/unmatched")
    @Operation(summary = "Hosts of the report that no unit of the scope lists, with their waiting findings")
    List<UnmatchedHost> unmatched(Actor actor, @PathVariable long id) {
        return jobs.unmatched(actor, id);
    }

    /** An unmatched host and the unit it belongs to. */
    record Assignment(String host, Long unitId) {
    }

    @PostMapping("/{id}/assignments")
    @Operation(summary = "Assign an unmatched host to a unit of the scope; its findings are imported into it")
    ImportJob assign(Actor actor, @PathVariable long id, @RequestBody Assignment body) {
        return jobs.assign(actor, id, body.host(), body.unitId());
    }

    @ExceptionHandler(ReportUpload.TooLarge.class)
    ResponseEntity<ProblemDetail> tooLarge(ReportUpload.TooLarge e) {
        Locale locale = LocaleContextHolder.getLocale();
        ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.CONTENT_TOO_LARGE);
        problem.setTitle(messages.getMessage("error.body-too-large", null, "error.body-too-large", locale));
        problem.setDetail(messages.getMessage("ingest.import.tooLarge", new Object[] {ImportForms.megabytes(e.limit)},
                locale));
        problem.setProperties(Map.of("limit", e.limit));
        return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
