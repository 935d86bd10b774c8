package org.inspectorate.filing;

import java.util.LinkedHashMap;
import java.util.Locale;

import org.inspectorate.organisation.Actor;
import org.inspectorate.system.ConflictException;
import org.inspectorate.system.InvalidInputException;
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
    private final MessageSource messages;

    UnitAttachmentPages(UnitAttachments attachments, MessageSource messages) {
        this.attachments = attachments;
        this.messages = messages;
    }

    @PostMapping("/network-units/{id}/attachments")
    String add(Actor actor, @PathVariable long id, @RequestParam(required = false) String kind,
            @RequestParam(required = false) MultipartFile file, Locale locale, RedirectAttributes redirect) {
        try {
            attachments.add(actor, id, kind, UnitAttachmentApi.upload(file));
            redirect.addFlashAttribute("done", "filing.attachment.added");
        } catch (InvalidInputException e) {
            LinkedHashMap<String, String> errors = new LinkedHashMap<>();
            for (InvalidInputException.FieldProblem p : e.problems()) {
                errors.merge(p.field() == null ? "" : p.field(), message(p.code(), p.args(), locale),
                        (a, b) -> a + " " + b);
            }
            redirect.addFlashAttribute("attachmentErrors", errors);
            redirect.addFlashAttribute("attachmentKind", kind);
        } catch (ConflictException e) {
            redirect.addFlashAttribute("conflict", message(e.code(), e.args(), locale));
        }
        return "redirect:/network-units/" + id + "#attachments";
    }

    @GetMapping("/network-units/{id}/attachments/{attachmentId}")
    ResponseEntity<byte[]> download(Actor actor, @PathVariable long id, @PathVariable long attachmentId) {
        UnitAttachmentFile f = attachments.download(actor, id, attachmentId);
        return ObligationPages.attachment(f.fileName(), f.contentType(), f.content(), f.sha256());
    }

    @PostMapping("/network-units/{id}/attachments/{attachmentId}/delete")
    String delete(Actor actor, @PathVariable long id, @PathVariable long attachmentId, Locale locale,
            RedirectAttributes redirect) {
        try {
            attachments.delete(actor, id, attachmentId);
            redirect.addFlashAttribute("done", "filing.attachment.deleted");
        } catch (ConflictException e) {
            redirect.addFlashAttribute("conflict", message(e.code(), e.args(), locale));
        }
        return "redirect:/network-units/" + id + "#attachments";
    }

    private String message(String code, Object[] args, Locale locale) {
        return messages.getMessage(code, args, code, locale);
    }
}
