package org.inspectorate.rectification;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.inspectorate.finding.Finding;
import org.inspectorate.finding.FindingEvidence;
import org.inspectorate.finding.FindingReopened;
import org.inspectorate.finding.FindingStatus;
import org.inspectorate.finding.Findings;
import org.inspectorate.organisation.Actor;
import org.inspectorate.system.AuditableEvent;
import org.inspectorate.system.ConflictException;
import org.inspectorate.system.InvalidInputException;
import org.inspectorate.system.InvalidInputException.FieldProblem;
import org.springframework.context.event.EventListener;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Closing the loop of a notice (闭环): the operator's reply and its one extension request, the authority's decision
 * on it, and the verification of each item (整改核验) — an accepted item closes its finding through the register's
 * API ({@link Findings#verify}, {@link Findings#close}), a rejected one goes back to the operator with the reason.
 * Every act reads: check access → load within the scope (404 outside) → the aggregate's act → save → publish.
 */
@Service
public class NoticeReplies {

    static final int MAX_TEXT = 2000;

    private final NoticeRecords records;
    private final NoticeRepository repository;
    private final Findings findings;
    private final FindingEvidence evidence;
    private final RectificationAccess access = new RectificationAccess();

    NoticeReplies(NoticeRecords records, NoticeRepository repository, Findings findings, FindingEvidence evidence) {
        this.records = records;
        this.repository = repository;
        this.findings = findings;
        this.evidence = evidence;
    }

    /**
     * The operator's reply: an answer for every item that needs one, the accountability report, evidence files (each
     * checked by the register: size, type). A finding still open is marked fixed with the answer. Nothing is saved
     * when any part is wrong; a reply to a closed notice is a conflict naming its state.
     */
    @Transactional
    public Notice reply(Actor actor, long id, NoticeReply reply) {
        RectificationNotice notice = replying(actor, id);
        RectificationNotice.next(notice.state(), RectificationNotice.Act.REPLY).orElseThrow(() ->
                new ConflictException("rectification.conflict.state", "REPLY", notice.state().name()));
        validate(notice, reply);
        Map<Long, Integer> files = new HashMap<>();
        for (NoticeReply.File f : reply.files()) {
            evidence.attach(actor, f.findingId(), f.fileName(), f.content());
            files.merge(f.findingId(), 1, Integer::sum);
        }
        for (NoticeItem item : notice.items()) {
            if (item.state().needsReply()) {
                Finding f = findings.get(actor, item.findingId());
                if (f.status() == FindingStatus.OPEN || f.status() == FindingStatus.REOPENED) {
                    findings.fix(actor, f.id(), f.version(), reply.answers().get(item.findingId()).strip());
                }
            }
        }
        Map<Long, String> answers = new HashMap<>();
        reply.answers().forEach((k, v) -> answers.put(k, v.strip()));
        ReplySubmitted submitted = notice.reply(answers, files, new RectificationNotice.Accountability(
                reply.department().strip(), reply.person().strip(), reply.measure().strip()), records.now());
        records.save(notice, List.of(submitted));
        return records.view(notice);
    }

    /** The operator's one extension request, with its reasons and a date after the deadline in force. */
    @Transactional
    public Notice requestExtension(Actor actor, long id, String reason, LocalDate until) {
        RectificationNotice notice = replying(actor, id);
        List<FieldProblem> problems = new ArrayList<>();
        if (reason == null || reason.isBlank()) {
            problems.add(new FieldProblem("reason", "rectification.extension.reasonRequired"));
        } else if (reason.length() > MAX_TEXT) {
            problems.add(new FieldProblem("reason", "rectification.text.tooLong", MAX_TEXT));
        }
        if (until == null) {
            problems.add(new FieldProblem("until", "rectification.extension.untilRequired"));
        } else if (!until.isAfter(notice.deadline())) {
            problems.add(new FieldProblem("until", "rectification.extension.untilAfterDeadline", notice.deadline()));
        }
        if (notice.extension() != null) {
            throw new ConflictException("rectification.conflict.extensionOnce");
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        ExtensionRequested requested = notice.requestExtension(reason.strip(), until, records.now());
        records.save(notice, List.of(requested));
        return records.view(notice);
    }

    /** The authority grants (the deadline becomes the date asked for) or refuses (a reason) the pending request. */
    @Transactional
    public Notice decideExtension(Actor actor, long id, boolean grant, String refusal) {
        RectificationNotice notice = managed(actor, id);
        if (!grant && (refusal == null || refusal.isBlank())) {
            throw new InvalidInputException("refusal", "rectification.extension.refusalRequired");
        }
        ExtensionDecided decided = notice.decideExtension(grant, grant ? null : refusal.strip(), actor.username(),
                records.now());
        records.save(notice, List.of(decided));
        return records.view(notice);
    }

    /**
     * Verifies one item (整改核验). Accepted: the finding is verified and closed in the register (a finding the
     * operator has not marked fixed or mitigated cannot be); rejected: a reason is required and the item goes back.
     */
    @Transactional
    public Notice verify(Actor actor, long id, long findingId, boolean accepted, String reason) {
        RectificationNotice notice = managed(actor, id);
        if (!accepted && (reason == null || reason.isBlank())) {
            throw new InvalidInputException("reason", "rectification.verify.reasonRequired");
        }
        if (reason != null && reason.length() > MAX_TEXT) {
            throw new InvalidInputException("reason", "rectification.text.tooLong", MAX_TEXT);
        }
        String note = reason == null || reason.isBlank() ? null : reason.strip();
        List<AuditableEvent> caused = notice.verify(findingId, accepted, note, actor.username(), records.now());
        if (accepted) {
            closeFinding(actor, findingId, note == null ? notice.number().text() : note);
        }
        records.save(notice, caused);
        return records.view(notice);
    }

    /**
     * A finding was reopened — by a reviewer, or by a later scan import that still sees it: the closed item of every
     * notice covering it opens again (a closed notice returns to the operator).
     *
     * <p>A plain {@link EventListener}, in the reopening's own transaction, rather than after commit: the register
     * and the notice must never disagree (a notice CLOSED while its finding is open again would close the loop on a
     * problem that is back), and an import that rolls back must leave the notice as it was. The work is an index
     * read per reopened finding ({@code rectification_item (finding_id, state)}), cheap inside an import.
     */
    @EventListener
    void findingReopened(FindingReopened reopened) {
        for (long noticeId : repository.coveringFinding(reopened.findingId())) {
            RectificationNotice notice = records.unscoped(noticeId);
            List<AuditableEvent> caused = notice.reopen(reopened.findingId(), reopened.reason());
            if (!caused.isEmpty()) {
                records.save(notice, caused);
            }
        }
    }

    private void closeFinding(Actor actor, long findingId, String note) {
        Finding f = findings.get(actor, findingId);
        if (f.status() == FindingStatus.FIXED || f.status() == FindingStatus.MITIGATED) {
            f = findings.verify(actor, findingId, f.version(), note);
        }
        if (f.status() == FindingStatus.VERIFIED) {
            findings.close(actor, findingId, f.version(), note);
        } else if (f.status() != FindingStatus.CLOSED) {
            throw new ConflictException("rectification.conflict.findingNotFixed", findingId, f.status().name());
        }
    }

    private void validate(RectificationNotice notice, NoticeReply reply) {
        List<FieldProblem> problems = new ArrayList<>();
        for (NoticeItem item : notice.items()) {
            if (item.state().needsReply()) {
                String answer = reply.answers().get(item.findingId());
                if (answer == null || answer.isBlank()) {
                    problems.add(new FieldProblem("answer-" + item.findingId(), "rectification.reply.answerRequired"));
                } else if (answer.length() > MAX_TEXT) {
                    problems.add(new FieldProblem("answer-" + item.findingId(), "rectification.text.tooLong", MAX_TEXT));
                }
            }
        }
        for (NoticeReply.File f : reply.files()) {
            if (notice.items().stream().noneMatch(i -> i.findingId() == f.findingId() && i.state().needsReply())) {
                problems.add(new FieldProblem("files", "rectification.reply.fileNotCovered", f.findingId()));
            }
        }
        required(problems, "department", reply.department(), 200);
        required(problems, "person", reply.person(), 100);
        required(problems, "measure", reply.measure(), MAX_TEXT);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    private static void required(List<FieldProblem> problems, String field, String value, int max) {
        if (value == null || value.isBlank()) {
            problems.add(new FieldProblem(field, "rectification.reply." + field + "Required"));
        } else if (value.length() > max) {
            problems.add(new FieldProblem(field, "rectification.text.tooLong", max));
        }
    }

    private RectificationNotice replying(Actor actor, long id) {
        RectificationNotice notice = records.visible(actor, id);
        if (!access.mayReply(actor)) {
            throw new AccessDeniedException("only the addressee's team replies to a notice");
        }
        return notice;
    }

    private RectificationNotice managed(Actor actor, long id) {
        RectificationNotice notice = records.visible(actor, id);
        if (!access.mayManage(actor, notice.issuer().code())) {
            throw new AccessDeniedException("only the issuing authority's officers verify a notice");
        }
        return notice;
    }
}
