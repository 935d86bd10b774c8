package org.inspectorate.rectification;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.inspectorate.organisation.Actor;
import org.inspectorate.system.Keyset;
import org.inspectorate.system.PageRequest;
import org.inspectorate.system.PageResult;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The REST face of rectification notices: the same services, rules and jurisdiction as the pages (404 for a
 * notice the caller may not see). Evidence files of a reply go through the register's evidence API.
 */
@RestController
@RequestMapping("/api/v1/rectification-notices")
@Tag(name = "Rectification notices", description = "整改通知书、回复、延期、核验")
class RectificationApi {

    private final RectificationNotices notices;
    private final NoticeReplies replies;
    private final NoticeDocuments documents;

    RectificationApi(RectificationNotices notices, NoticeReplies replies, NoticeDocuments documents) {
        this.notices = notices;
        this.replies = replies;
        this.documents = documents;
    }

    /** A draft's content. */
    record DraftBody(List<Long> findingIds, List<LegalBasis> basis, LocalDate deadline, String body) {

        NoticeDraft draft() {
            return new NoticeDraft(findingIds, basis, deadline, body);
        }
    }

    /** A reply: the answer per finding id and the accountability report. */
    record ReplyBody(Map<Long, String> answers, String department, String person, String measure) {
    }

    record ExtensionBody(String reason, LocalDate until) {
    }

    /** {@code grant} absent means refused. */
    record DecisionBody(Boolean grant, String refusal) {
    }

    /** {@code accepted} absent means rejected. */
    record VerificationBody(Boolean accepted, String reason) {
    }

    record FollowUpBody(LocalDate deadline, String body) {
    }

    @GetMapping
    @Operation(summary = "The notices the caller sees, newest first (keyset paging, bounded total)")
    PageResult<NoticeSummary> list(Actor actor, @RequestParam(required = false) NoticeState state,
            @RequestParam(defaultValue = "false") boolean overdue, @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "20") int size, @RequestParam(required = false) String after) {
        return notices.list(actor, new NoticeFilter(state, overdue, q),
                new PageRequest(0, size, null, false, Keyset.parse(after)));
    }

    @GetMapping("/{id}")
    @Operation(summary = "A notice with its items; the addressee's first view is the read receipt (audited)")
    Notice get(Actor actor, @PathVariable long id) {
        return notices.view(actor, id);
    }

    @PostMapping
    @Operation(summary = "Draft a notice covering findings of one operator in the caller's area")
    Notice draft(Actor actor, @RequestBody DraftBody body) {
        return notices.draft(actor, body.draft());
    }

    @PostMapping("/{id}/issue")
    @Operation(summary = "Issue a draft under the authority's next number")
    Notice issue(Actor actor, @PathVariable long id) {
        return notices.issue(actor, id);
    }

    @PostMapping("/{id}/correction")
    @Operation(summary = "Draft a correction: a new notice superseding this one once issued")
    Notice correct(Actor actor, @PathVariable long id, @RequestBody DraftBody body) {
        return notices.correct(actor, id, body.draft());
    }

    @PostMapping("/{id}/follow-up")
    @Operation(summary = "Draft the follow-up of an overdue notice (cites Decree 11 art. 22)")
    Notice followUp(Actor actor, @PathVariable long id, @RequestBody FollowUpBody body) {
        return notices.followUp(actor, id, body.deadline(), body.body());
    }

    @PostMapping("/{id}/reply")
    @Operation(summary = "The operator's reply per finding with its accountability report")
    Notice reply(Actor actor, @PathVariable long id, @RequestBody ReplyBody body) {
        return replies.reply(actor, id, new NoticeReply(body.answers(), List.of(), body.department(), body.person(),
                body.measure()));
    }

    @PostMapping("/{id}/extension")
    @Operation(summary = "The operator's one extension request")
    Notice extension(Actor actor, @PathVariable long id, @RequestBody ExtensionBody body) {
        return replies.requestExtension(actor, id, body.reason(), body.until());
    }

    @PostMapping("/{id}/extension/decision")
    @Operation(summary = "The authority grants (new deadline) or refuses the extension")
    Notice decide(Actor actor, @PathVariable long id, @RequestBody DecisionBody body) {
        return replies.decideExtension(actor, id, Boolean.TRUE.equals(body.grant()), body.refusal());
    }

    @PostMapping("/{id}/items/{findingId}/verification")
    @Operation(summary = "Verify one item: accepted closes the finding, rejected returns it with the reason")
    Notice verify(Actor actor, @PathVariable long id, @PathVariable long findingId,
            @RequestBody VerificationBody body) {
        return replies.verify(actor, id, findingId, Boolean.TRUE.equals(body.accepted()), body.reason());
    }

    @GetMapping("/{id}/document.{format}")
    @Operation(summary = "The formal notice as DOCX or PDF (audited)")
    ResponseEntity<byte[]> document(Actor actor, @PathVariable long id, @PathVariable String format, Locale locale) {
        return RectificationPages.download(documents, actor, id, format, locale);
    }
}
