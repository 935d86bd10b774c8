package org.inspectorate.agency;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.inspectorate.organisation.Actor;
import org.inspectorate.system.PageActions;
import org.inspectorate.system.PageRequest;
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
    private final PageActions pageActions;

    AgencyPages(Agencies agencies, PageActions pageActions) {
        this.agencies = agencies;
        this.pageActions = pageActions;
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
            @RequestParam(required = false) List<String> skills, Model model) {
        return attempt(model, "register", () -> {
            Inspector i = agencies.registerInspector(actor, id, userId, skills);
            return "redirect:/inspectors/" + i.userId();
        }, () -> agency(actor, id, model));
    }

    @PostMapping("/agencies/{id}/commitments")
    String agencyCommitment(Actor actor, @PathVariable long id, @RequestParam(required = false) String signedOn,
            @RequestParam(required = false) String validFrom, @RequestParam(required = false) String validUntil,
            @RequestParam(required = false) MultipartFile file, Model model) throws IOException {
        byte[] content = read(file);
        return attempt(model, "commitment", () -> {
            agencies.uploadCommitment(actor, id, null, signedOn, validFrom, validUntil, name(file), content);
            return "redirect:/agencies/" + id;
        }, () -> agency(actor, id, model));
    }

    @PostMapping("/agencies/{id}/relations")
    String relation(Actor actor, @PathVariable long id, @RequestParam(required = false) String organisationId,
            @RequestParam(required = false) String kind, @RequestParam(required = false) String relatedOn, Model model) {
        return attempt(model, "relation", () -> {
            agencies.addRelation(actor, id, organisationId, kind, relatedOn);
            return "redirect:/agencies/" + id;
        }, () -> agency(actor, id, model));
    }

    @PostMapping("/inspectors/{id}/vettings")
    String vet(Actor actor, @PathVariable long id, @RequestParam(required = false) String vettedOn,
            @RequestParam(required = false) String validUntil, @RequestParam(required = false) String remarks,
            Model model) {
        return attempt(model, "vet", () -> {
            agencies.vet(actor, id, vettedOn, validUntil, remarks);
            return "redirect:/inspectors/" + id;
        }, () -> inspector(actor, id, model));
    }

    @PostMapping("/inspectors/{id}/commitments")
    String personalCommitment(Actor actor, @PathVariable long id, @RequestParam(required = false) String signedOn,
            @RequestParam(required = false) String validFrom, @RequestParam(required = false) String validUntil,
            @RequestParam(required = false) MultipartFile file, Model model) throws IOException {
        byte[] content = read(file);
        return attempt(model, "commitment", () -> {
            Inspector i = agencies.inspector(actor, id);
            agencies.uploadCommitment(actor, i.agencyId(), id, signedOn, validFrom, validUntil, name(file), content);
            return "redirect:/inspectors/" + id;
        }, () -> inspector(actor, id, model));
    }

    @PostMapping("/inspectors/{id}/employment")
    String employment(Actor actor, @PathVariable long id, @RequestParam(required = false) String organisationId,
            @RequestParam(required = false) String from, @RequestParam(required = false) String until, Model model) {
        return attempt(model, "employment", () -> {
            agencies.addEmployment(actor, id, organisationId, from, until);
            return "redirect:/inspectors/" + id;
        }, () -> inspector(actor, id, model));
    }

    @PostMapping("/inspectors/{id}/conflicts")
    String conflict(Actor actor, @PathVariable long id, @RequestParam(required = false) String organisationId,
            @RequestParam(required = false) String reason, Model model) {
        return attempt(model, "conflict", () -> {
            agencies.declareConflict(actor, id, organisationId, reason);
            return "redirect:/inspectors/" + id;
        }, () -> inspector(actor, id, model));
    }

    @GetMapping("/commitments/{id}/file")
    ResponseEntity<byte[]> file(Actor actor, @PathVariable long id) {
        Agencies.CommitmentFile f = agencies.commitmentFile(actor, id);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(f.commitment().contentType()))
                .header("Content-Disposition", ContentDisposition.attachment()
                        .filename(f.commitment().fileName(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(f.content());
    }

    /**
     * Runs the change through {@link PageActions#form}; on bad input the page is rendered again with each message
     * keyed {@code form.field}, since one page holds several forms.
     */
    private String attempt(Model model, String form, Supplier<String> change, Supplier<String> page) {
        return pageActions.form(model, change, () -> {
            if (model.getAttribute(PageActions.ERRORS) instanceof Map<?, ?> byField) {
                Map<String, Object> errors = new LinkedHashMap<>();
                byField.forEach((field, message) -> errors.put(form + "." + field, message));
                model.addAttribute(PageActions.ERRORS, errors);
            }
            return page.get();
        });
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
