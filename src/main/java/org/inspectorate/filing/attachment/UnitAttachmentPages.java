package org.inspectorate.filing.attachment;

import java.util.HashMap;
import java.util.Map;

import org.inspectorate.organisation.Actor;
import org.inspectorate.system.PageActions;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Upload, download and delete of unit attachments from the unit's detail page. */
@Controller
class UnitAttachmentPages {

    private final UnitAttachments attachments;
    private final PageActions pageActions;
    UnitAttachmentPages(UnitAttachments attachments, PageActions pageActions) {
        this.attachments = attachments;
        this.pageActions = pageActions;
    }

    /**
     * A refused file returns to the unit's page (the attachment form lives on it) with the field messages beside
     * the attachment form ({@code attachmentErrors}) and the kind that was chosen.
     */
    @PostMapping("/network-units/{id}/attachments")
    String add(Actor actor, @PathVariable long id, @RequestParam(required = false) String kind,
            @RequestParam(required = false) MultipartFile file, RedirectAttributes redirect) {
        Map<String, Object> kept = new HashMap<>();
        kept.put("attachmentKind", kind);
        return pageActions.act(redirect, "/network-units/" + id + "#attachments", "attachmentErrors", kept,
                () -> attachments.add(actor, id, kind, UnitAttachmentApi.upload(file)), "filing.attachment.added");
    }

    @GetMapping("/network-units/{id}/attachments/{attachmentId}")
    ResponseEntity<byte[]> download(Actor actor, @PathVariable long id, @PathVariable long attachmentId) {
        UnitAttachmentFile f = attachments.download(actor, id, attachmentId);
        return FileDownload.of(f.fileName(), f.contentType(), f.content(), f.sha256());
    }

    @PostMapping("/network-units/{id}/attachments/{attachmentId}/delete")
    String delete(Actor actor, @PathVariable long id, @PathVariable long attachmentId, RedirectAttributes redirect) {
        return pageActions.act(redirect, "/network-units/" + id + "#attachments",
                () -> attachments.delete(actor, id, attachmentId), "filing.attachment.deleted");
    }
}
