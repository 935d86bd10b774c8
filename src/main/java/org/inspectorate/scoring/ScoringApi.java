package org.inspectorate.scoring;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.inspectorate.organisation.Actor;
import org.inspectorate.scoring.ScoreCalculator.Mark;
import org.inspectorate.scoring.ScoreSheetRepository.SheetRow;
import org.inspectorate.system.Keyset;
import org.inspectorate.system.PageRequest;
import org.inspectorate.system.PageResult;
import org.springframework.context.MessageSource;
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

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The REST face of score sheets, standards and rankings: the same services, rules and jurisdiction as the pages. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Scoring", description = "量化评分:评分标准、评分表、排名与考核依据")
class ScoringApi {

    private final ScoreSheets sheets;
    private final ScoringStandards standards;
    private final Rankings rankings;
    private final MessageSource messages;

    ScoringApi(ScoreSheets sheets, ScoringStandards standards, Rankings rankings, MessageSource messages) {
        this.sheets = sheets;
        this.standards = standards;
        this.rankings = rankings;
        this.messages = messages;
    }

    /** Which spot check to open a sheet for. */
    record OpenDto(long spotCheckId) {
    }

    /** One item's mark: occurrences (deduction items) or a fraction (fraction items) or a score; a veto flag. */
    record MarkDto(Integer occurrences, BigDecimal fraction, BigDecimal score, Boolean vetoed, String reason,
            List<Long> findingIds) {
    }

    /** A return's reasons, or a reopening's reason. */
    record ReasonDto(String reason) {
    }

    /** A standard version without its items. */
    record StandardDto(long id, String code, int version, String title, boolean example, BigDecimal points,
            int itemCount, String sha256, String importedBy, Instant importedAt, boolean current) {
        static StandardDto of(StoredStandard s) {
            return new StandardDto(s.id(), s.code(), s.version(), s.title(), s.example(), s.points(), s.itemCount(),
                    s.sha256(), s.importedBy(), s.importedAt(), s.current());
        }
    }

    @GetMapping("/score-sheets")
    @Operation(summary = "The score sheets the caller sees, latest first",
            description = "Inspectors their teams' sheets; officers those of the checks their area runs (the Ministry "
                    + "all); operators their own approved sheets.")
    PageResult<SheetRow> list(Actor actor, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        return sheets.list(actor, new PageRequest(page, size, "opened", false));
    }

    @PostMapping("/score-sheets")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Open the score sheet of a spot check (its team or its authority); 404 for an unknown check")
    ScoreSheetView open(Actor actor, @RequestBody OpenDto body) {
        return sheets.open(actor, body.spotCheckId());
    }

    @GetMapping("/score-sheets/{id}")
    @Operation(summary = "A score sheet with its items, marks, score and acts (audited)")
    ScoreSheetView get(Actor actor, @PathVariable long id) {
        return sheets.get(actor, id);
    }

    @PutMapping("/score-sheets/{id}/items/{item}")
    @Operation(summary = "Mark one item (the team): occurrences, fraction or score, veto, reason, finding ids",
            description = "A score above the item's points or below its floor, a deduction without a reason or a "
                    + "mark of an approved sheet is refused and changes nothing.")
    ScoreSheetView mark(Actor actor, @PathVariable long id, @PathVariable String item, @RequestBody MarkDto body) {
        return sheets.mark(actor, id, item, new Mark(body.occurrences(), body.fraction(), body.score(),
                Boolean.TRUE.equals(body.vetoed()), body.reason(), body.findingIds()));
    }

    @PostMapping("/score-sheets/{id}/submit")
    @Operation(summary = "Submit the complete sheet (the team leader)")
    ScoreSheetView submit(Actor actor, @PathVariable long id) {
        return sheets.submit(actor, id);
    }

    @PostMapping("/score-sheets/{id}/approve")
    @Operation(summary = "Approve the submitted sheet (the check's authority); an approved sheet is immutable")
    ScoreSheetView approve(Actor actor, @PathVariable long id) {
        return sheets.approve(actor, id);
    }

    @PostMapping("/score-sheets/{id}/return")
    @Operation(summary = "Return the submitted sheet with reasons (the check's authority)")
    ScoreSheetView returnSheet(Actor actor, @PathVariable long id, @RequestBody ReasonDto body) {
        return sheets.returnWith(actor, id, body.reason());
    }

    @PostMapping("/score-sheets/{id}/reopen")
    @Operation(summary = "Reopen an approved sheet with a recorded reason (the check's authority)")
    ScoreSheetView reopen(Actor actor, @PathVariable long id, @RequestBody ReasonDto body) {
        return sheets.reopen(actor, id, body.reason());
    }

    @GetMapping("/scoring-standards")
    @Operation(summary = "The scoring standards in force (examples 示例 until the campaign's own are imported)")
    List<StandardDto> standards(Actor actor) {
        return standards.current(actor).stream().map(StandardDto::of).toList();
    }

    @GetMapping("/scoring-standards/{id}")
    @Operation(summary = "A standard version with its categories and items")
    StoredStandard standard(Actor actor, @PathVariable long id) {
        return standards.get(actor, id);
    }

    @PostMapping(path = "/scoring-standards", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Import a standard document (JSON, the examples' format) as the next version of its code",
            description = "The Ministry only; validated whole, each problem named with its path in the document.")
    StandardDto importStandard(Actor actor, @RequestBody String document) {
        return StandardDto.of(standards.importDocument(actor, document));
    }

    @GetMapping("/rankings")
    @Operation(summary = "Approved scores ranked per year, operator type and province (audited)",
            description = "Keyset paging: pass the previous page's next cursor as 'after'. A provincial officer's "
                    + "ranking is their province's.")
    PageResult<RankingRow> ranking(Actor actor, @RequestParam(required = false) String year,
            @RequestParam(required = false) String operatorType, @RequestParam(required = false) String province,
            @RequestParam(defaultValue = "50") int size, @RequestParam(required = false) String after) {
        return rankings.ranking(actor, rankings.query(actor, year, operatorType, province),
                new PageRequest(0, size, "total", false, after == null ? null : Keyset.parse(after)));
    }

    @GetMapping("/rankings/assessment.xlsx")
    @Operation(summary = "The approved scores of a year, per operator, as XLSX: the annual assessment's basis (audited)")
    ResponseEntity<byte[]> assessment(Actor actor, @RequestParam(required = false) Integer year,
            @RequestParam(required = false) Long operatorId, Locale locale) throws IOException {
        return ScoringPages.assessmentFile(rankings, messages, actor, year, operatorId, locale);
    }
}
