package org.inspectorate.spotcheck;

import java.io.IOException;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

import org.inspectorate.organisation.Actor;
import org.inspectorate.system.InvalidInputException;
import org.inspectorate.system.Keyset;
import org.inspectorate.system.PageResult;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;

/** The spot checks' REST API: the same services as the pages; errors as problem+json (the global handler). */
@RestController
@RequestMapping("/api/v1/spot-checks")
@Tag(name = "Spot checks", description = "Spot checks (抽查): teams, authorisations, on-site notices, major problems")
class SpotCheckApi {

    private final SpotChecks checks;
    private final SpotCheckWork work;
    private final SpotCheckFollowUp followUp;
    private final SpotCheckReports reports;
    private final MessageSource messages;

    SpotCheckApi(SpotChecks checks, SpotCheckWork work, SpotCheckFollowUp followUp, SpotCheckReports reports,
            MessageSource messages) {
        this.reports = reports;
        this.messages = messages;
        this.checks = checks;
        this.work = work;
        this.followUp = followUp;
    }

    /** A reason, a name, a method or an assessment: the one text an act takes. */
    record Text(String text) {
    }

    /** An authorisation with its signed letter in Base64. */
    record AuthorisationRequest(String method, String scope, String windowFrom, String windowUntil,
            String teamContact, String operatorContact, String letterName, String letterBase64) {
    }

    /** The operator's declaration after the check. */
    record DisciplineRequest(Boolean breach, String text) {
    }

    @GetMapping
    @Operation(summary = "Spot checks the caller sees, newest first (keyset: after), with a bounded total")
    PageResult<SpotCheckView> list(Actor actor, @RequestParam(required = false) SpotCheckState state,
            @RequestParam(required = false) Boolean outsideDraw, @RequestParam(required = false) String after,
            @RequestParam(defaultValue = "20") int size) {
        return checks.list(actor, new SpotCheckQuery(state, outsideDraw), Keyset.parse(after), size);
    }

    @PostMapping
    @Operation(summary = "Create a spot check outside a draw, with its reason (listed apart)")
    SpotCheckView create(Actor actor, @RequestBody NewSpotCheck input) {
        return checks.create(actor, input);
    }

    @GetMapping("/{id}")
    @Operation(summary = "A spot check (the view is audited)")
    SpotCheckView get(Actor actor, @PathVariable long id) {
        return checks.view(actor, id, 0);
    }

    @PostMapping("/{id}/schedule")
    @Operation(summary = "Set the methods, the schedule and the documents to prepare; the operator sees the check from then on")
    SpotCheckView schedule(Actor actor, @PathVariable long id, @RequestParam(defaultValue = "-1") int version,
            @RequestBody ScheduleInput input) {
        return checks.schedule(actor, id, version, input);
    }

    @PostMapping("/{id}/start")
    @Operation(summary = "The leader starts the inspection")
    SpotCheckView start(Actor actor, @PathVariable long id, @RequestParam(defaultValue = "-1") int version) {
        return checks.start(actor, id, version);
    }

    @PostMapping("/{id}/report")
    @Operation(summary = "The leader reports the inspection finished")
    SpotCheckView report(Actor actor, @PathVariable long id, @RequestParam(defaultValue = "-1") int version) {
        return checks.report(actor, id, version);
    }

    @PostMapping("/{id}/cancel")
    @Operation(summary = "The authority cancels the check before it starts, with a reason")
    SpotCheckView cancel(Actor actor, @PathVariable long id, @RequestParam(defaultValue = "-1") int version,
            @RequestBody Text reason) {
        return checks.cancel(actor, id, version, reason.text());
    }

    @GetMapping("/{id}/authorisations")
    @Operation(summary = "The check's testing authorisations")
    List<TestingAuthorisation> authorisations(Actor actor, @PathVariable long id) {
        return work.authorisations(actor, id);
    }

    @PostMapping("/{id}/authorisations")
    @Operation(summary = "Record the operator's signed authorisation of remote penetration or code testing")
    TestingAuthorisation authorise(Actor actor, @PathVariable long id, @RequestBody AuthorisationRequest in) {
        byte[] letter;
        try {
            letter = in.letterBase64() == null ? null : Base64.getMimeDecoder().decode(in.letterBase64());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("letterBase64", "spotcheck.letter.base64");
        }
        return work.authorise(actor, id, new AuthorisationInput(in.method(), in.scope(), in.windowFrom(),
                in.windowUntil(), in.teamContact(), in.operatorContact()), in.letterName(), letter);
    }

    @PostMapping("/{id}/authorisations/{authorisationId}/confirm")
    @Operation(summary = "The operator confirms the testing window")
    TestingAuthorisation confirm(Actor actor, @PathVariable long id, @PathVariable long authorisationId) {
        return work.confirmWindow(actor, id, authorisationId);
    }

    @GetMapping("/{id}/authorisations/{authorisationId}/letter")
    @Operation(summary = "The signed authorisation letter (the download is audited)")
    void letter(Actor actor, @PathVariable long id, @PathVariable long authorisationId, HttpServletResponse response)
            throws IOException {
        SpotCheckPages.writeLetter(work.letter(actor, id, authorisationId), response);
    }

    @GetMapping("/{id}/findings")
    @Operation(summary = "The check's findings with their on-site notices")
    List<CheckFinding> findings(Actor actor, @PathVariable long id) {
        return work.viewFindings(actor, id);
    }

    @PostMapping("/{id}/findings")
    @Operation(summary = "Record a finding of the check (source SPOT_CHECK); authorised methods only in scope and window")
    CheckFinding record(Actor actor, @PathVariable long id, @RequestBody SpotFindingInput input) {
        return work.record(actor, id, input);
    }

    @PostMapping("/{id}/findings/{findingId}/notice")
    @Operation(summary = "Record the on-site notice of a finding (text: the method)")
    CheckFinding tell(Actor actor, @PathVariable long id, @PathVariable long findingId, @RequestBody Text method) {
        return work.tell(actor, id, findingId, method.text());
    }

    @PostMapping("/{id}/findings/{findingId}/acknowledge")
    @Operation(summary = "The inspected operator acknowledges a notice (text: the signatory's name)")
    CheckFinding acknowledge(Actor actor, @PathVariable long id, @PathVariable long findingId,
            @RequestBody Text name) {
        return work.acknowledge(actor, id, findingId, name.text());
    }

    @PostMapping("/{id}/findings/{findingId}/refuse")
    @Operation(summary = "The inspected operator refuses a notice (text: the reason)")
    CheckFinding refuse(Actor actor, @PathVariable long id, @PathVariable long findingId, @RequestBody Text reason) {
        return work.refuse(actor, id, findingId, reason.text());
    }

    @PostMapping("/{id}/findings/{findingId}/major")
    @Operation(summary = "Mark a finding a major problem: on the Ministry's list at once (text: why)")
    CheckFinding major(Actor actor, @PathVariable long id, @PathVariable long findingId, @RequestBody Text reason) {
        return work.markMajor(actor, id, findingId, reason.text());
    }

    @PostMapping("/{id}/findings/{findingId}/assessment")
    @Operation(summary = "The authority's assessment of a major problem")
    CheckFinding assess(Actor actor, @PathVariable long id, @PathVariable long findingId, @RequestBody Text text) {
        return followUp.assess(actor, id, findingId, text.text());
    }

    @PostMapping("/{id}/discipline")
    @Operation(summary = "The operator declares the team's discipline after the check, or reports a breach")
    DisciplineDeclaration declare(Actor actor, @PathVariable long id, @RequestBody DisciplineRequest in) {
        return followUp.declare(actor, id, Boolean.TRUE.equals(in.breach()), in.text());
    }

    @GetMapping("/major-problems")
    @Operation(summary = "Major problems (the Ministry all, a province its own), newest first (keyset: after)")
    PageResult<CheckFinding> majorProblems(Actor actor, @RequestParam(required = false) String after,
            @RequestParam(defaultValue = "50") int size) {
        return followUp.majorProblems(actor, Keyset.parse(after), size);
    }

    @GetMapping("/progress")
    @Operation(summary = "Each province's checks against the notice's minimum (the Ministry all 31, a province its own)")
    List<ProvinceProgress> progress(Actor actor) {
        return checks.progress(actor);
    }

    @GetMapping("/progress.xlsx")
    @Operation(summary = "The progress as XLSX: the same rows and jurisdiction (the export is audited)")
    ResponseEntity<byte[]> progressExport(Actor actor, Locale locale) throws IOException {
        return SpotCheckPages.progressXlsx(checks.exportProgress(actor), messages, locale);
    }

    @GetMapping("/{id}/report.{format}")
    @Operation(summary = "The spot-check report as docx or pdf: the leader, the authority, the operator once "
            + "REPORTED (the download is audited)")
    ResponseEntity<byte[]> report(Actor actor, @PathVariable long id, @PathVariable String format, Locale locale) {
        return SpotCheckPages.download(reports, actor, id, format, locale);
    }

    @GetMapping("/discipline-breaches")
    @Operation(summary = "Discipline breach reports, for the authority's leadership and the Ministry only")
    List<DisciplineDeclaration> breaches(Actor actor) {
        return followUp.breaches(actor);
    }
}
