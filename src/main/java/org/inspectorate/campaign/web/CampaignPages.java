package org.inspectorate.campaign.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.inspectorate.campaign.CampaignDocument;
import org.inspectorate.campaign.CampaignQuery;
import org.inspectorate.campaign.CampaignState;
import org.inspectorate.campaign.CampaignSummary;
import org.inspectorate.campaign.CampaignVersion;
import org.inspectorate.campaign.Campaigns;
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

/** The campaign pages: list, detail, and the Ministry's upload, publish and close. */
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
