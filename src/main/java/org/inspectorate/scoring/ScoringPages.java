package org.inspectorate.scoring;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

import org.inspectorate.organisation.Actor;
import org.inspectorate.organisation.OrganisationType;
import org.inspectorate.organisation.Province;
import org.inspectorate.scoring.Rankings.RankingQuery;
import org.inspectorate.system.InvalidInputException;
import org.inspectorate.system.Keyset;
import org.inspectorate.system.PageActions;
import org.inspectorate.system.PageRequest;
import org.inspectorate.system.XlsxExport;
import org.springframework.context.MessageSource;
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

/**
 * Pages of scoring: the sheets one sees and the form to open one for a spot check (team, authority), a sheet with
 * its categories and items (the team marks, the leader submits, the authority decides), the standards with their
 * import form (the Ministry), and the rankings with the assessment export (regulators).
 */
@Controller
class ScoringPages {

    private final ScoreSheets sheets;
    private final ScoringStandards standards;
    private final Rankings rankings;
    private final PageActions pageActions;
    private final MessageSource messages;

    ScoringPages(ScoreSheets sheets, ScoringStandards standards, Rankings rankings, PageActions pageActions,
            MessageSource messages) {
        this.sheets = sheets;
        this.standards = standards;
        this.rankings = rankings;
        this.pageActions = pageActions;
        this.messages = messages;
    }

    @GetMapping("/score-sheets")
    String list(Actor actor, @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("result", sheets.list(actor, new PageRequest(page, 20, "opened", false)));
        model.addAttribute("mayOpen", sheets.mayOpenAny(actor));
        return "scoring/sheets";
    }

    @PostMapping("/score-sheets")
    String open(Actor actor, @RequestParam(required = false) String spotCheckId, @RequestParam(defaultValue = "0")
            int page, Model model) {
        return pageActions.form(model, () -> {
            long id = parseId(spotCheckId);
            return "redirect:/score-sheets/" + sheets.open(actor, id).id();
        }, () -> {
            model.addAttribute("spotCheckId", spotCheckId);
            return list(actor, page, model);
        });
    }

    @GetMapping("/score-sheets/{id}")
    String sheet(Actor actor, @PathVariable long id, Model model) {
        model.addAttribute("sheet", sheets.get(actor, id));
        return "scoring/sheet";
    }

    @PostMapping("/score-sheets/{id}/items/{item}")
    String mark(Actor actor, @PathVariable long id, @PathVariable String item,
            @RequestParam(required = false) String occurrences, @RequestParam(required = false) String fraction,
            @RequestParam(required = false) String score, @RequestParam(defaultValue = "false") boolean vetoed,
            @RequestParam(required = false) String reason, @RequestParam(required = false) String findingIds,
            RedirectAttributes redirect) {
        MarkInput input = new MarkInput(occurrences, fraction, score, vetoed, reason, findingIds);
        return pageActions.act(redirect, "/score-sheets/" + id + "#item-" + item, "markErrors",
                Map.of("markItem", item, "markInput", input),
                () -> sheets.mark(actor, id, item, input.toMark()), "scoring.done.marked");
    }

    @PostMapping("/score-sheets/{id}/submit")
    String submit(Actor actor, @PathVariable long id, RedirectAttributes redirect) {
        return pageActions.act(redirect, "/score-sheets/" + id, () -> sheets.submit(actor, id), "scoring.done.submitted");
    }

    @PostMapping("/score-sheets/{id}/approve")
    String approve(Actor actor, @PathVariable long id, RedirectAttributes redirect) {
        return pageActions.act(redirect, "/score-sheets/" + id, () -> sheets.approve(actor, id), "scoring.done.approved");
    }

    @PostMapping("/score-sheets/{id}/return")
    String returnSheet(Actor actor, @PathVariable long id, @RequestParam(required = false) String reason,
            RedirectAttributes redirect) {
        return pageActions.act(redirect, "/score-sheets/" + id, "decisionErrors", Map.of(),
                () -> sheets.returnWith(actor, id, reason), "scoring.done.returned");
    }

    @PostMapping("/score-sheets/{id}/reopen")
    String reopen(Actor actor, @PathVariable long id, @RequestParam(required = false) String reason,
            RedirectAttributes redirect) {
        return pageActions.act(redirect, "/score-sheets/" + id, "decisionErrors", Map.of(),
                () -> sheets.reopen(actor, id, reason), "scoring.done.reopened");
    }

    @GetMapping("/scoring-standards")
    String standards(Actor actor, Model model) {
        model.addAttribute("standards", standards.current(actor));
        model.addAttribute("mayImport", standards.mayImport(actor));
        return "scoring/standards";
    }

    @GetMapping("/scoring-standards/{id}")
    String standard(Actor actor, @PathVariable long id, Model model) {
        model.addAttribute("stored", standards.get(actor, id));
        model.addAttribute("versions", standards.versions(actor, id));
        return "scoring/standard";
    }

    @PostMapping("/scoring-standards")
    String importStandard(Actor actor, @RequestParam(required = false) MultipartFile document, Model model) {
        return pageActions.form(model, () -> {
            StoredStandard s = standards.importDocument(actor, read(document));
            return "redirect:/scoring-standards/" + s.id();
        }, () -> standards(actor, model));
    }

    @GetMapping("/rankings")
    String ranking(Actor actor, @RequestParam(required = false) String year,
            @RequestParam(required = false) String operatorType, @RequestParam(required = false) String province,
            @RequestParam(required = false) String after,
            @RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
        model.addAttribute("operatorTypes", java.util.Arrays.stream(OrganisationType.values())
                .filter(OrganisationType::isOperator).toList());
        model.addAttribute("provinces", Province.values());
        model.addAttribute("year", year);
        model.addAttribute("operatorType", operatorType);
        model.addAttribute("province", province);
        rankings.requireRanker(actor);
        if (year != null || operatorType != null) {
            pageActions.form(model, () -> {
                RankingQuery query = rankings.query(actor, year, operatorType, province);
                Keyset cursor = after == null ? null : Keyset.parse(after);
                model.addAttribute("result", rankings.ranking(actor, query,
                        new PageRequest(0, 50, "total", false, cursor)));
                return "";
            }, () -> "");
        }
        return htmx != null ? "scoring/rankings :: results" : "scoring/rankings";
    }

    @GetMapping("/rankings/assessment.xlsx")
    ResponseEntity<byte[]> assessment(Actor actor, @RequestParam(required = false) Integer year,
            @RequestParam(required = false) Long operatorId, Locale locale) throws IOException {
        return assessmentFile(rankings, messages, actor, year, operatorId, locale);
    }

    static ResponseEntity<byte[]> assessmentFile(Rankings rankings, MessageSource messages, Actor actor, Integer year,
            Long operatorId, Locale locale) throws IOException {
        rankings.requireRanker(actor);
        if (year == null || year < 2000 || year > 2100) {
            throw new InvalidInputException("year", "scoring.ranking.year");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        rankings.exportAssessment(actor, year, operatorId, out, key -> messages.getMessage(key, null, key, locale));
        return XlsxExport.download(out, "assessment-" + year + (operatorId == null ? "" : "-" + operatorId) + ".xlsx");
    }

    private static long parseId(String text) {
        try {
            long id = Long.parseLong(text == null ? "" : text.strip());
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // reported below as the field's problem
        }
        throw new InvalidInputException("spotCheckId", "scoring.sheet.spotCheckId");
    }

    private static String read(MultipartFile file) {
        if (file == null || file.isEmpty()) {
            return "";
        }
        if (file.getSize() > StandardDocuments.MAX_CHARS * 4L) {
            throw new InvalidInputException(StandardDocuments.FIELD, "scoring.standard.tooLarge",
                    StandardDocuments.MAX_CHARS);
        }
        try {
            return new String(file.getBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
