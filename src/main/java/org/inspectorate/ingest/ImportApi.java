package org.inspectorate.ingest;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.inspectorate.organisation.Actor;
import org.inspectorate.system.Keyset;
import org.inspectorate.system.PageRequest;
import org.inspectorate.system.PageResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
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

import com.fasterxml.jackson.annotation.JsonUnwrapped;

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
    private final ImportMessages importMessages;

    ImportApi(ImportJobs jobs, MessageSource messages, ImportMessages importMessages) {
        this.jobs = jobs;
        this.messages = messages;
        this.importMessages = importMessages;
    }

    /**
     * An import as the API answers it: the job's fields, and for a failed one {@code detail}, why in the
     * caller's language with the value and the position (next to the structured {@code error}).
     */
    record Answer(@JsonUnwrapped ImportJob job, String detail) {
    }

    private Answer answer(ImportJob job, HttpServletRequest request) {
        return new Answer(job, importMessages.error(job, callersLocale(request)));
    }

    /**
     * The caller's language: the one its request asks for ({@code Accept-Language}, what a pipeline sends),
     * else the user's (the language cookie, zh-CN by default).
     */
    static Locale callersLocale(HttpServletRequest request) {
        if (request.getHeader(HttpHeaders.ACCEPT_LANGUAGE) != null) {
            Locale asked = request.getLocale();
            return "en".equals(asked.getLanguage()) ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
        }
        return LocaleContextHolder.getLocale();
    }

    @PostMapping
    @Operation(summary = "Upload a report; the import runs in the background",
            description = "multipart/form-data: file (Nessus, OpenVAS/GVM, Nmap, SARIF 2.1.0 or the CSV template), "
                    + "format (optional: detected from the content), organisation (required for regulators, omitted by operators), units "
                    + "(optional, comma-separated: the scope). 202 with the job; poll GET /api/v1/imports/{id}. "
                    + "409 while another import of the same operator runs; 404 for a scope outside the caller's "
                    + "jurisdiction; 413 above inspectorate.import.max-size.")
    ResponseEntity<Answer> upload(Actor actor, HttpServletRequest request) throws IOException {
        long start = System.nanoTime();
        ReportUpload.Received received = ReportUpload.receive(request, jobs.maxSize(), jobs.tempDir());
        long copied = System.nanoTime();
        ImportJob job = jobs.submit(actor, ImportForms.submission(received));
        LOG.debug("import {}: upload copied {} ms, queued {} ms", job.id(), (copied - start) / 1_000_000,
                (System.nanoTime() - copied) / 1_000_000);
        return ResponseEntity.accepted().location(URI.create(PATH + "/" + job.id())).body(answer(job, request));
    }

    @GetMapping
    @Operation(summary = "The imports of the caller's jurisdiction, newest first")
    PageResult<Answer> list(Actor actor, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size, @RequestParam(required = false) ImportState state,
            @RequestParam(required = false) String q, @RequestParam(required = false) String after,
            HttpServletRequest request) {
        return jobs.list(actor, new ImportListQuery(state, q),
                new PageRequest(page, size, "createdAt", false, Keyset.parse(after))).map(j -> answer(j, request));
    }

    @GetMapping("/{id}")
    @Operation(summary = "One import: state (QUEUED, RUNNING, SUCCEEDED, FAILED), progress and counts",
            description = "percent: 0 while queued, of the file read while running, 100 once succeeded, how far "
                    + "it got (never 100) once failed. A failed import has detail (why, in the caller's "
                    + "language: Accept-Language, else the user's) and error {key, line, column, value, args}; "
                    + "errorKey and errorDetail stay for older clients.")
    Answer get(Actor actor, @PathVariable long id, HttpServletRequest request) {
        return answer(jobs.view(actor, id), request);
    }

    @GetMapping("/{id}/unmatched")
    @Operation(summary = "Hosts of the report that no unit of the scope lists, with their waiting findings",
            description = "Paged (page from 0, size up to 200, 50 by default), in natural order: IPv4 numerically, "
                    + "then IPv6, then host names, (code) last.")
    PageResult<UnmatchedHost> unmatched(Actor actor, @PathVariable long id, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        return jobs.unmatched(actor, id, new PageRequest(page, size, null, true));
    }

    /**
     * Unmatched hosts and the unit they belong to: one {@code host}, a list of {@code hosts}, or every host of a
     * {@code cidr} range or a {@code domain}; {@code addToAssets} proposes them as the unit's assets.
     */
    record Assignment(String host, List<String> hosts, String cidr, String domain, Long unitId, Boolean addToAssets) {
    }

    @PostMapping("/{id}/assignments")
    @Operation(summary = "Assign unmatched hosts to a unit of the scope; their findings are imported into it",
            description = "Exactly one of host, hosts (a list), cidr or domain (the domain and every name under it), "
                    + "and unitId; addToAssets also writes the hosts into the unit's draft (a change filing for a "
                    + "filed unit). Answers how many hosts and findings were assigned. 400 naming the field for a "
                    + "malformed range or domain, a unit outside the scope or a selection that takes no waiting "
                    + "host (nothing is changed); 409 while another import of the operator runs.")
    AssignmentResult assign(Actor actor, @PathVariable long id, @RequestBody Assignment body) {
        return jobs.assign(actor, id, new HostAssignment(body.host(), body.hosts(), body.cidr(), body.domain(),
                body.unitId(), Boolean.TRUE.equals(body.addToAssets())));
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
