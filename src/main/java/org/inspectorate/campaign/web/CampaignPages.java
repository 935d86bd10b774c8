package org.inspectorate.campaign.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.inspectorate.campaign.CampaignCopy;
import org.inspectorate.campaign.CampaignDocument;
import org.inspectorate.campaign.CampaignDraft;
import org.inspectorate.campaign.CampaignQuery;
import org.inspectorate.campaign.CampaignState;
import org.inspectorate.campaign.CampaignSummary;
import org.inspectorate.campaign.CampaignVersion;
import org.inspectorate.campaign.Campaigns;
import org.inspectorate.campaign.Recipient;
import org.inspectorate.organisation.Actor;
import org.inspectorate.system.PageActions;
import org.inspectorate.system.PageRequest;
import org.inspectorate.system.PageResult;
import org.springframework.http.MediaType;
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

/** The campaign pages: list, detail, and the Ministry's upload, copy, form edit, template, publish and close. */
@Controller
class CampaignPages {

    private final Campaigns campaigns;
    private final PageActions pageActions;

    CampaignPages(Campaigns campaigns, PageActions pageActions) {
        this.campaigns = campaigns;
        this.pageActions = pageActions;
    }

    @GetMapping("/campaigns")
    String list(Actor actor, @RequestParam(required = false) String q,
            @RequestParam(required = false) CampaignState state, @RequestParam(defaultValue = "0") int page,
            @RequestParam(required = false) String sort, @RequestParam(defaultValue = "desc") String dir,
            @RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
        PageRequest request = new PageRequest(page, 20, sort, "asc".equals(dir));
        PageResult<CampaignSummary> result = campaigns.list(actor, new CampaignQuery(q, state), request);
        model.addAttribute("result", result);
        model.addAttribute("q", q);
        model.addAttribute("state", state);
        model.addAttribute("sort", sort);
        model.addAttribute("dir", dir);
        model.addAttribute("states", CampaignState.values());
        model.addAttribute("canManage", campaigns.canManage(actor));
        return htmx != null ? "campaign/list :: results" : "campaign/list";
    }

    @GetMapping("/campaigns/{code}")
    String detail(Actor actor, @PathVariable String code, @RequestParam(required = false) Integer version,
            Model model) {
        CampaignDocument document = campaigns.document(actor, code, version);
        model.addAttribute("doc", document);
        model.addAttribute("d", document.definition());
        model.addAttribute("versions", campaigns.versions(actor, code));
        model.addAttribute("canManage", campaigns.canManage(actor));
        return "campaign/detail";
    }

    /** The verbatim definition text of a version, as stored. */
    @GetMapping(value = "/campaigns/{code}/versions/{number}/source")
    ResponseEntity<String> source(Actor actor, @PathVariable String code, @PathVariable int number) {
        CampaignDocument document = campaigns.document(actor, code, number);
        return ResponseEntity.ok().contentType(new MediaType("text", "plain", StandardCharsets.UTF_8))
                .header("Content-Disposition", "inline")
                .body(document.text());
    }

    @GetMapping("/campaigns/upload")
    String uploadForm(Actor actor, Model model) {
        campaigns.requireManager(actor);
        return uploadPage(model);
    }

    /** An invalid file or a refused upload shows the upload page again, every problem beside its field path. */
    @PostMapping("/campaigns/upload")
    String upload(Actor actor, @RequestParam(value = "file", required = false) MultipartFile file, Model model,
            RedirectAttributes redirect) throws IOException {
        campaigns.requireManager(actor);
        byte[] content = read(file);
        return pageActions.form(model, () -> {
            CampaignVersion version = campaigns.upload(actor, file == null ? null : file.getOriginalFilename(), content);
            redirect.addFlashAttribute(PageActions.DONE, "campaign.upload.done");
            redirect.addFlashAttribute(PageActions.DONE_ARGS, new Object[] {version.code(), version.number()});
            return "redirect:/campaigns/" + version.code() + "?version=" + version.number();
        }, () -> uploadPage(model));
    }

    @PostMapping("/campaigns/{code}/versions/{number}/publish")
    String publish(Actor actor, @PathVariable String code, @PathVariable int number, RedirectAttributes redirect) {
        return pageActions.act(redirect, "/campaigns/" + code + "?version=" + number,
                () -> campaigns.publish(actor, code, number), "campaign.published.done", code, number);
    }

    @PostMapping("/campaigns/{code}/close")
    String close(Actor actor, @PathVariable String code, RedirectAttributes redirect) {
        return pageActions.act(redirect, "/campaigns/" + code, () -> campaigns.close(actor, code),
                "campaign.closed.done", code);
    }

    @GetMapping("/campaigns/{code}/copy")
    String copyForm(Actor actor, @PathVariable String code, Model model) {
        campaigns.requireManager(actor);
        CampaignDocument from = campaigns.document(actor, code, null);
        int year = from.definition().year() + 1;
        String next = String.valueOf(year);
        String last = String.valueOf(from.definition().year());
        model.addAttribute("form", new CampaignCopy(from.campaign().code().replace(last, next), next,
                from.definition().title().zh().replace(last, next), from.definition().title().en().replace(last, next)));
        return copyPage(from, model);
    }

    /** The copy becomes a new campaign's first draft; a problem is shown beside its field and nothing is stored. */
    @PostMapping("/campaigns/{code}/copy")
    String copy(Actor actor, @PathVariable String code, @RequestParam(required = false) String newCode,
            @RequestParam(required = false) String year, @RequestParam(required = false) String titleZh,
            @RequestParam(required = false) String titleEn, Model model, RedirectAttributes redirect) {
        campaigns.requireManager(actor);
        CampaignDocument from = campaigns.document(actor, code, null);
        CampaignCopy form = new CampaignCopy(newCode, year, titleZh, titleEn);
        model.addAttribute("form", form);
        return pageActions.form(model, () -> {
            CampaignVersion version = campaigns.copy(actor, code, form);
            redirect.addFlashAttribute(PageActions.DONE, "campaign.copy.done");
            redirect.addFlashAttribute(PageActions.DONE_ARGS, new Object[] {version.code(), code});
            return "redirect:/campaigns/" + version.code() + "/edit";
        }, () -> copyPage(from, model));
    }

    @GetMapping("/campaigns/{code}/edit")
    String editForm(Actor actor, @PathVariable String code, Model model) {
        CampaignDraft draft = campaigns.draft(actor, code);
        return editPage(draft, Map.of(), model);
    }

    /**
     * The form's fields become a new draft version, validated by the parser an upload goes through; on a problem
     * the form shows again with what was typed and each message beside its field.
     */
    @PostMapping("/campaigns/{code}/edit")
    String edit(Actor actor, @PathVariable String code, @RequestParam Map<String, String> params, Model model,
            RedirectAttributes redirect) {
        CampaignDraft draft = campaigns.draft(actor, code);
        Map<String, String> fields = new LinkedHashMap<>(params);
        fields.remove("_csrf");
        return pageActions.form(model, () -> {
            CampaignVersion version = campaigns.edit(actor, code, fields);
            redirect.addFlashAttribute(PageActions.DONE, "campaign.edit.done");
            redirect.addFlashAttribute(PageActions.DONE_ARGS, new Object[] {version.code(), version.number()});
            return "redirect:/campaigns/" + version.code() + "?version=" + version.number();
        }, () -> editPage(draft, fields, model));
    }

    /** The latest version's definition as a YAML file: the template for a bulk edit uploaded back. */
    @GetMapping("/campaigns/{code}/definition.yaml")
    ResponseEntity<String> template(Actor actor, @PathVariable String code) {
        CampaignDraft draft = campaigns.draft(actor, code);
        CampaignVersion version = draft.document().version();
        return ResponseEntity.ok().contentType(new MediaType("application", "yaml", StandardCharsets.UTF_8))
                .header("Content-Disposition", "attachment; filename=\"" + code + "-v" + version.number() + ".yaml\"")
                .body(draft.document().text());
    }

    private static String copyPage(CampaignDocument from, Model model) {
        model.addAttribute("from", from);
        return "campaign/copy";
    }

    /** The edit page: {@code typed} (after a refused submission) wins over the stored values. */
    private static String editPage(CampaignDraft draft, Map<String, String> typed, Model model) {
        model.addAttribute("draft", draft);
        model.addAttribute("doc", draft.document());
        model.addAttribute("d", draft.document().definition());
        model.addAttribute("typed", typed);
        model.addAttribute("recipients", Recipient.values());
        model.addAttribute("sectionErrors", sectionErrors(model.getAttribute(PageActions.ERRORS)));
        return "campaign/edit";
    }

    /** The problems of each YAML section (field paths under {@code checklist}, ...), to show beside its text. */
    static Map<String, List<String>> sectionErrors(Object errors) {
        Map<String, List<String>> bySection = new LinkedHashMap<>();
        if (errors instanceof Map<?, ?> map) {
            map.forEach((field, message) -> CampaignDraft.SECTIONS.stream()
                    .filter(s -> field.toString().equals(s) || field.toString().startsWith(s + "["))
                    .findFirst()
                    .ifPresent(s -> bySection.computeIfAbsent(s, k -> new ArrayList<>()).add(field + ": " + message)));
        }
        return bySection;
    }

    private static String uploadPage(Model model) {
        model.addAttribute("maxKb", Campaigns.maxDefinitionBytes() / 1024);
        return "campaign/upload";
    }

    /** Reads at most one byte past the limit, so that an oversized upload is refused without loading it all. */
    static byte[] read(MultipartFile file) throws IOException {
        if (file == null || file.isEmpty()) {
            return new byte[0];
        }
        try (InputStream in = file.getInputStream()) {
            return in.readNBytes(Campaigns.maxDefinitionBytes() + 1);
        }
    }
}
