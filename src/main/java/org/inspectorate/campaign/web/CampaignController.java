package org.inspectorate.campaign.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import org.inspectorate.campaign.CampaignDocument;
import org.inspectorate.campaign.CampaignQuery;
import org.inspectorate.campaign.CampaignState;
import org.inspectorate.campaign.CampaignSummary;
import org.inspectorate.campaign.CampaignVersion;
import org.inspectorate.campaign.Campaigns;
import org.inspectorate.organisation.Actor;
import org.inspectorate.system.ConflictException;
import org.inspectorate.system.InvalidInputException;
import org.inspectorate.system.PageRequest;
import org.inspectorate.system.PageResult;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
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
class CampaignController {

    private final Campaigns campaigns;

    CampaignController(Campaigns campaigns) {
        this.campaigns = campaigns;
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
        return ResponseEntity.ok().contentType(new MediaType("text", "plain", java.nio.charset.StandardCharsets.UTF_8))
                .header("Content-Disposition", "inline")
                .body(document.text());
    }

    @GetMapping("/campaigns/upload")
    String uploadForm(Actor actor, Model model) {
        requireManager(actor);
        model.addAttribute("maxKb", Campaigns.maxDefinitionBytes() / 1024);
        model.addAttribute("problems", List.of());
        return "campaign/upload";
    }

    @PostMapping("/campaigns/upload")
    String upload(Actor actor, @RequestParam(value = "file", required = false) MultipartFile file, Model model,
            RedirectAttributes redirect) throws IOException {
        requireManager(actor);
        try {
            CampaignVersion version = campaigns.upload(actor, file == null ? null : file.getOriginalFilename(),
                    read(file));
            redirect.addFlashAttribute("notice", "campaign.upload.done");
            redirect.addFlashAttribute("noticeArgs", new Object[] {version.code(), version.number()});
            return "redirect:/campaigns/" + version.code() + "?version=" + version.number();
        } catch (InvalidInputException e) {
            model.addAttribute("problems", e.problems());
        } catch (ConflictException e) {
            model.addAttribute("problems", List.of(new InvalidInputException.FieldProblem(null, e.code(), e.args())));
        }
        model.addAttribute("maxKb", Campaigns.maxDefinitionBytes() / 1024);
        return "campaign/upload";
    }

    @PostMapping("/campaigns/{code}/versions/{number}/publish")
    String publish(Actor actor, @PathVariable String code, @PathVariable int number, RedirectAttributes redirect) {
        try {
            campaigns.publish(actor, code, number);
            redirect.addFlashAttribute("notice", "campaign.published.done");
            redirect.addFlashAttribute("noticeArgs", new Object[] {code, number});
        } catch (ConflictException e) {
            redirect.addFlashAttribute("error", e.code());
            redirect.addFlashAttribute("errorArgs", e.args());
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("error", e.problems().get(0).code());
            redirect.addFlashAttribute("errorArgs", e.problems().get(0).args());
        }
        return "redirect:/campaigns/" + code + "?version=" + number;
    }

    @PostMapping("/campaigns/{code}/close")
    String close(Actor actor, @PathVariable String code, RedirectAttributes redirect) {
        try {
            campaigns.close(actor, code);
            redirect.addFlashAttribute("notice", "campaign.closed.done");
            redirect.addFlashAttribute("noticeArgs", new Object[] {code});
        } catch (ConflictException e) {
            redirect.addFlashAttribute("error", e.code());
            redirect.addFlashAttribute("errorArgs", e.args());
        }
        return "redirect:/campaigns/" + code;
    }

    private void requireManager(Actor actor) {
        if (!campaigns.canManage(actor)) {
            throw new AccessDeniedException("only the Ministry manages campaign definitions");
        }
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
