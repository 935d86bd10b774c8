package org.inspectorate.rectification;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.inspectorate.organisation.Actor;
import org.inspectorate.system.InvalidInputException;
import org.inspectorate.system.Keyset;
import org.inspectorate.system.ListDownload;
import org.inspectorate.system.NotFoundException;
import org.inspectorate.system.PageActions;
import org.inspectorate.system.PageRequest;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
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
import org.springframework.web.multipart.MultipartRequest;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.WebUtils;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Pages of rectification notices: the list (the authority's, the operator's, the overdue ones), the draft form, and
 * the notice's page with its items and the acts the signed-in user may take there (issue, reply, extension,
 * verification, follow-up). Thin: every rule is the services'.
 */
@Controller
class RectificationPages {

    private static final String BASE = "/rectification-notices";

    private final RectificationNotices notices;
    private final NoticeReplies replies;
    private final NoticeDocuments documents;
    private final NoticeListExport export;
    private final PageActions pageActions;
    private final MessageSource messages;

    RectificationPages(RectificationNotices notices, NoticeReplies replies, NoticeDocuments documents,
            NoticeListExport export, PageActions pageActions, MessageSource messages) {
        this.notices = notices;
        this.replies = replies;
        this.documents = documents;
        this.export = export;
        this.pageActions = pageActions;
        this.messages = messages;
    }

    @GetMapping(BASE)
    String list(Actor actor, @RequestParam(required = false) NoticeState state,
            @RequestParam(defaultValue = "false") boolean overdue, @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "0") int page, @RequestParam(required = false) String after,
            @RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
        NoticeFilter filter = new NoticeFilter(state, overdue, q);
        model.addAttribute("result", notices.list(actor, filter, new PageRequest(page, 20, null, false,
                Keyset.parse(after))));
        model.addAttribute("filter", filter);
        model.addAttribute("states", NoticeState.values());
        model.addAttribute("mayIssue", notices.mayIssue(actor));
        return htmx != null ? "rectification/list :: results" : "rectification/list";
    }

    @GetMapping(BASE + "/export.{format}")
    void exportList(Actor actor, @PathVariable String format, @RequestParam(required = false) NoticeState state,
            @RequestParam(defaultValue = "false") boolean overdue, @RequestParam(required = false) String q,
            Locale locale, HttpServletResponse response) throws IOException {
        ListDownload.Format f = ListDownload.Format.of(format);
        NoticeFilter filter = new NoticeFilter(state, overdue, q);
        notices.exported(actor, filter, f.extension());
        ListDownload.write(response, f, "rectification-notices", text(locale, "rectification.list.title"),
                out -> export.write(actor, filter, out, key -> text(locale, key)));
    }

    @GetMapping(BASE + "/new")
    String newForm(Actor actor, @RequestParam(required = false) String findingIds,
            @RequestParam(required = false) Long supersedes, Model model) {
        if (!notices.mayIssue(actor)) {
            throw new NotFoundException("notice form", 0);
        }
        if (supersedes != null) {
            Notice original = notices.get(actor, supersedes);
            model.addAttribute("original", original);
            findingIds = findingIds != null ? findingIds : String.join(", ", original.items().stream()
                    .map(i -> Long.toString(i.findingId())).toList());
        }
        return form(model, findingIds, List.of(), "", null, supersedes);
    }

    @PostMapping(BASE)
    String draft(Actor actor, @RequestParam(defaultValue = "") String findingIds,
            @RequestParam(required = false) List<LegalBasis> basis, @RequestParam(defaultValue = "") String deadline,
            @RequestParam(required = false) String body, @RequestParam(required = false) Long supersedes, Model model) {
        List<LegalBasis> chosen = basis == null ? List.of() : basis;
        return pageActions.form(model, Set.of("findingIds", "basis", "deadline", "body"), () -> {
            NoticeDraft draft = new NoticeDraft(ids(findingIds), chosen, date("deadline", deadline), body);
            Notice n = supersedes == null ? notices.draft(actor, draft) : notices.correct(actor, supersedes, draft);
            return "redirect:" + BASE + "/" + n.id();
        }, () -> form(model, findingIds, chosen, deadline, body, supersedes));
    }

    @GetMapping(BASE + "/{id}")
    String notice(Actor actor, @PathVariable long id, Model model) {
        return page(actor, notices.view(actor, id), model);
    }

    @PostMapping(BASE + "/{id}/issue")
    String issue(Actor actor, @PathVariable long id, RedirectAttributes redirect) {
        return pageActions.act(redirect, BASE + "/" + id, () -> {
            Notice n = notices.issue(actor, id);
            return new PageActions.Done("rectification.issued", n.number());
        });
    }

    @PostMapping(BASE + "/{id}/reply")
    String reply(Actor actor, @PathVariable long id, @RequestParam Map<String, String> params,
            HttpServletRequest request, Model model) {
        // a form post without a file is no multipart request: no evidence then
        MultipartRequest multipart = WebUtils.getNativeRequest(request, MultipartRequest.class);
        Notice notice = notices.get(actor, id);
        Set<String> fields = new HashSet<>(Set.of("department", "person", "measure"));
        Map<Long, String> answers = new HashMap<>();
        for (Notice.Item item : notice.items()) {
            fields.add("answer-" + item.findingId());
            // a returned notice asks again only for the items sent back; the closed ones have no answer field
            if (item.state().needsReply()) {
                answers.put(item.findingId(), params.getOrDefault("answer-" + item.findingId(), ""));
            }
        }
        return pageActions.form(model, fields, () -> {
            replies.reply(actor, id, new NoticeReply(answers, files(notice, multipart), params.get("department"),
                    params.get("person"), params.get("measure")));
            return "redirect:" + BASE + "/" + id;
        }, () -> {
            model.addAttribute("replied", params);
            return page(actor, notice, model);
        });
    }

    @PostMapping(BASE + "/{id}/extension")
    String extension(Actor actor, @PathVariable long id, @RequestParam(defaultValue = "") String reason,
            @RequestParam(defaultValue = "") String until, RedirectAttributes redirect) {
        return pageActions.act(redirect, BASE + "/" + id,
                () -> replies.requestExtension(actor, id, reason, date("until", until)), "rectification.extensionAsked");
    }

    @PostMapping(BASE + "/{id}/extension/decision")
    String decide(Actor actor, @PathVariable long id, @RequestParam(defaultValue = "false") boolean grant,
            @RequestParam(required = false) String refusal, RedirectAttributes redirect) {
        return pageActions.act(redirect, BASE + "/" + id, () -> replies.decideExtension(actor, id, grant, refusal),
                grant ? "rectification.extensionGranted" : "rectification.extensionRefused");
    }

    @PostMapping(BASE + "/{id}/items/{findingId}/verification")
    String verify(Actor actor, @PathVariable long id, @PathVariable long findingId,
            @RequestParam(defaultValue = "false") boolean accepted, @RequestParam(required = false) String reason,
            RedirectAttributes redirect) {
        return pageActions.act(redirect, BASE + "/" + id, () -> replies.verify(actor, id, findingId, accepted, reason),
                accepted ? "rectification.itemAccepted" : "rectification.itemRejected");
    }

    @PostMapping(BASE + "/{id}/follow-up")
    String followUp(Actor actor, @PathVariable long id, @RequestParam(defaultValue = "") String deadline,
            RedirectAttributes redirect) {
        Long[] created = new Long[1];
        String back = pageActions.act(redirect, BASE + "/" + id, () -> {
            created[0] = notices.followUp(actor, id, date("deadline", deadline), null).id();
            return new PageActions.Done("rectification.followUpDrafted");
        });
        return created[0] == null ? back : "redirect:" + BASE + "/" + created[0];
    }

    @GetMapping(BASE + "/{id}/document.{format}")
    ResponseEntity<byte[]> document(Actor actor, @PathVariable long id, @PathVariable String format, Locale locale) {
        return download(documents, actor, id, format, locale);
    }

    /** The notice's DOCX or PDF as an attachment; any other format is a path that does not exist. */
    static ResponseEntity<byte[]> download(NoticeDocuments documents, Actor actor, long id, String format,
            Locale locale) {
        NoticeDocuments.Document d;
        MediaType type;
        if ("docx".equalsIgnoreCase(format)) {
            d = documents.docx(actor, id, locale);
            type = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        } else if ("pdf".equalsIgnoreCase(format)) {
            d = documents.pdf(actor, id, locale);
            type = MediaType.APPLICATION_PDF;
        } else {
            throw new NotFoundException("document format", format);
        }
        return ResponseEntity.ok().contentType(type).header(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(d.fileName()).build().toString()).body(d.content());
    }

    private String page(Actor actor, Notice notice, Model model) {
        model.addAttribute("notice", notice);
        model.addAttribute("mayManage", notices.mayManage(actor, notice));
        model.addAttribute("mayReply", notices.mayReply(actor));
        model.addAttribute("acts", RectificationNotice.allowed(notice.state()).stream().map(Enum::name).toList());
        model.addAttribute("pdfAvailable", documents.pdfFont().isPresent());
        model.addAttribute("basisOptions", LegalBasis.values());
        return "rectification/notice";
    }

    private String form(Model model, String findingIds, List<LegalBasis> basis, String deadline, String body,
            Long supersedes) {
        model.addAttribute("findingIds", findingIds);
        model.addAttribute("basis", basis);
        model.addAttribute("deadline", deadline);
        model.addAttribute("body", body);
        model.addAttribute("supersedes", supersedes);
        model.addAttribute("basisOptions", LegalBasis.values());
        return "rectification/form";
    }

    private static List<NoticeReply.File> files(Notice notice, MultipartRequest multipart) {
        List<NoticeReply.File> files = new ArrayList<>();
        if (multipart == null) {
            return files;
        }
        for (Notice.Item item : notice.items()) {
            for (MultipartFile f : multipart.getFiles("file-" + item.findingId())) {
                if (!f.isEmpty()) {
                    try {
                        files.add(new NoticeReply.File(item.findingId(), f.getOriginalFilename(), f.getBytes()));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            }
        }
        return files;
    }

    private static List<Long> ids(String text) {
        List<Long> ids = new ArrayList<>();
        for (String part : text.split("[,，\\s]+")) {
            if (!part.isBlank()) {
                try {
                    ids.add(Long.parseLong(part.strip().replace("#", "")));
                } catch (NumberFormatException e) {
                    throw new InvalidInputException("findingIds", "rectification.findings.badId", part);
                }
            }
        }
        return ids;
    }

    private static LocalDate date(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, "rectification.date.invalid");
        }
    }

    private String text(Locale locale, String key) {
        return messages.getMessage(key, null, key, locale);
    }
}
