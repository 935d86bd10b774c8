package org.inspectorate.agency;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import org.inspectorate.organisation.Actor;
import org.inspectorate.system.InvalidInputException;
import org.inspectorate.system.PageRequest;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * Agency pages for regulators' officers: the agency list, an agency with its inspectors, commitments and
 * relations, and an inspector with the vetting, commitment, employment and conflict forms.
 */
@Controller
class AgencyPages {

    private final Agencies agencies;
    private final MessageSource messages;

    AgencyPages(Agencies agencies, MessageSource messages) {
        this.agencies = agencies;
        this.messages = messages;
    }

    @GetMapping("/agencies")
    String list(Actor actor, @RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page,
            @RequestParam(required = false) String sort, @RequestParam(defaultValue = "asc") String dir, Model model) {
        model.addAttribute("result", agencies.list(actor, q, new PageRequest(page, 20, sort, "asc".equals(dir))));
        model.addAttribute("q", q);
        model.addAttribute("sort", sort);
        model.addAttribute("dir", dir);
        return "agency/list";
    }

    @GetMapping("/agencies/{id}")
    String agency(Actor actor, @PathVariable long id, Model model) {
        model.addAttribute("agency", agencies.agency(actor, id));
        model.addAttribute("inspectors", agencies.inspectors(actor, id));
        model.addAttribute("commitments", agencies.agencyCommitments(actor, id));
        model.addAttribute("relations", agencies.relations(actor, id));
        model.addAttribute("skills", Skill.values());
        model.addAttribute("kinds", OperatorRelation.RelationKind.values());
        return "agency/agency";
    }

    @GetMapping("/inspectors/{id}")
    String inspector(Actor actor, @PathVariable long id, Model model) {
        model.addAttribute("inspector", agencies.inspector(actor, id));
        model.addAttribute("skills", Skill.values());
        return "agency/inspector";
    }

    @PostMapping("/agencies/{id}/inspectors")
    String register(Actor actor, @PathVariable long id, @RequestParam(required = false) String userId,
            @RequestParam(required = false) List<String> skills, Model model, Locale locale) {
        return attempt(model, locale, "register", () -> {
            Inspector i = agencies.registerInspector(actor, id, userId, skills);
            return "redirect:/inspectors/" + i.userId();
        }, () -> agency(actor, id, model));
    }

    @PostMapping("/agencies/{id}/commitments")
    String agencyCommitment(Actor actor, @PathVariable long id, @RequestParam(required = false) String signedOn,
            @RequestParam(required = false) String validFrom, @RequestParam(required = false) String validUntil,
            @RequestParam(required = false) MultipartFile file, Model model, Locale locale) throws IOException {
        byte[] content = read(file);
        return attempt(model, locale, "commitment", () -> {
            agencies.uploadCommitment(actor, id, null, signedOn, validFrom, validUntil, name(file), content);
            return "redirect:/agencies/" + id;
        }, () -> agency(actor, id, model));
    }

    @PostMapping("/agencies/{id}/relations")
    String relation(Actor actor, @PathVariable long id, @RequestParam(required = false) String organisationId,
            @RequestParam(required = false) String kind, @RequestParam(required = false) String relatedOn, Model model,
            Locale locale) {
        return attempt(model, locale, "relation", () -> {
            agencies.addRelation(actor, id, organisationId, kind, relatedOn);
            return "redirect:/agencies/" + id;
        }, () -> agency(actor, id, model));
    }

    @PostMapping("/inspectors/{id}/vettings")
    String vet(Actor actor, @PathVariable long id, @RequestParam(required = false) String vettedOn,
            @RequestParam(required = false) String validUntil, @RequestParam(required = false) String remarks,
            Model model, Locale locale) {
        return attempt(model, locale, "vet", () -> {
            agencies.vet(actor, id, vettedOn, validUntil, remarks);
            return "redirect:/inspectors/" + id;
        }, () -> inspector(actor, id, model));
    }

    @PostMapping("/inspectors/{id}/commitments")
    String personalCommitment(Actor actor, @PathVariable long id, @RequestParam(required = false) String signedOn,
            @RequestParam(required = false) String validFrom, @RequestParam(required = false) String validUntil,
            @RequestParam(required = false) MultipartFile file, Model model, Locale locale) throws IOException {
        byte[] content = read(file);
        return attempt(model, locale, "commitment", () -> {
            Inspector i = agencies.inspector(actor, id);
            agencies.uploadCommitment(actor, i.agencyId(), id, signedOn, validFrom, validUntil, name(file), content);
            return "redirect:/inspectors/" + id;
        }, () -> inspector(actor, id, model));
    }

    @PostMapping("/inspectors/{id}/employment")
    String employment(Actor actor, @PathVariable long id, @RequestParam(required = false) String organisationId,
            @RequestParam(required = false) String from, @RequestParam(required = false) String until, Model model,
            Locale locale) {
        return attempt(model, locale, "employment", () -> {
            agencies.addEmployment(actor, id, organisationId, from, until);
            return "redirect:/inspectors/" + id;
        }, () -> inspector(actor, id, model));
    }

    @PostMapping("/inspectors/{id}/conflicts")
    String conflict(Actor actor, @PathVariable long id, @RequestParam(required = false) String organisationId,
            @RequestParam(required = false) String reason, Model model, Locale locale) {
        return attempt(model, locale, "conflict", () -> {
            agencies.declareConflict(actor, id, organisationId, reason);
            return "redirect:/inspectors/" + id;
        }, () -> inspector(actor, id, model));
    }

    @GetMapping("/commitments/{id}/file")
    ResponseEntity<byte[]> file(Actor actor, @PathVariable long id) {
        Agencies.CommitmentFile f = agencies.commitmentFile(actor, id);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(f.commitment().contentType()))
                .header("Content-Disposition", ContentDisposition.attachment()
                        .filename(f.commitment().fileName(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(f.content());
    }

    /** Runs the change; on bad input re-renders the page with each message keyed {@code form.field}. */
    private String attempt(Model model, Locale locale, String form, Supplier<String> change, Supplier<String> page) {
        try {
            return change.get();
        } catch (InvalidInputException e) {
            Map<String, String> errors = new LinkedHashMap<>();
            for (InvalidInputException.FieldProblem p : e.problems()) {
                errors.merge(form + "." + (p.field() == null ? "" : p.field()),
                        messages.getMessage(p.code(), p.args(), p.code(), locale), (a, b) -> a + " " + b);
            }
            model.addAttribute("errors", errors);
            return page.get();
        }
    }

    private static String name(MultipartFile file) {
        return file == null ? null : file.getOriginalFilename();
    }

    /** Reads at most one byte past the limit, so that an oversized upload is refused without loading it all. */
    private static byte[] read(MultipartFile file) throws IOException {
        if (file == null || file.isEmpty()) {
            return new byte[0];
        }
        try (InputStream in = file.getInputStream()) {
            return in.readNBytes(Agencies.MAX_FILE_BYTES + 1);
        }
    }
}
