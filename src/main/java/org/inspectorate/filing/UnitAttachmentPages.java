package org.inspectorate.filing;

import java.util.Locale;

import org.inspectorate.organisation.Actor;
import org.inspectorate.system.ConflictException;
import org.inspectorate.system.InvalidInputException;
import org.inspectorate.system.PageActions;
import org.springframework.context.MessageSource;
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
    private final MessageSource messages;

    UnitAttachmentPages(UnitAttachments attachments, PageActions pageActions, MessageSource messages) {
        this.attachments = attachments;
        this.pageActions = pageActions;
        this.messages = messages;
    }

    /**
     * The one page that still catches: a refused file returns to the unit's page (a redirect, as the attachment
     * form lives on it) with the field messages beside the attachment form ({@code attachmentErrors}), which
     * {@link PageActions#act} cannot carry (it flattens them into one conflict message).
     */
    @PostMapping("/network-units/{id}/attachments")
    String add(Actor actor, @PathVariable long id, @RequestParam(required = false) String kind,
            @RequestParam(required = false) MultipartFile file, Locale locale, RedirectAttributes redirect) {
        try {
            attachments.add(actor, id, kind, UnitAttachmentApi.upload(file));
            redirect.addFlashAttribute(PageActions.DONE, "filing.attachment.added");
            redirect.addFlashAttribute(PageActions.DONE_ARGS, new Object[0]);
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("attachmentErrors", e.messagesByField(messages, locale));
            redirect.addFlashAttribute("attachmentKind", kind);
        } catch (ConflictException e) {
            redirect.addFlashAttribute(PageActions.CONFLICT, pageActions.message(e));
        }
        return "redirect:/network-units/" + id + "#attachments";
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

    private String message(String code, Object[] args, Locale locale) {
        return messages.getMessage(code, args, code, locale);
    }
}
