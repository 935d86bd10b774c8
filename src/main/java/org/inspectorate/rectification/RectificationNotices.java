package org.inspectorate.rectification;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.inspectorate.finding.Finding;
import org.inspectorate.finding.FindingStatus;
import org.inspectorate.finding.Findings;
import org.inspectorate.organisation.Actor;
import org.inspectorate.organisation.Organisations;
import org.inspectorate.system.InvalidInputException;
import org.inspectorate.system.InvalidInputException.FieldProblem;
import org.inspectorate.system.NotFoundException;
import org.inspectorate.system.PageRequest;
import org.inspectorate.system.PageResult;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issuing rectification notices (下发整改通知书) and reading them: the module's public API for drafting, issuing,
 * correcting and following up a notice, the lists (the authority's, the operator's, the overdue ones) and the due
 * notices reminders need. Replies and verification are {@link NoticeReplies}'.
 * <ul>
 * <li>A draft covers findings of the register that the officer sees, all of one operator, none already under a
 * notice in force; it cites at least one article and sets a deadline after today.</li>
 * <li>Issuing gives it the authority's next number; an issued notice never changes: a correction is a new notice
 * that supersedes it when issued, and so is a follow-up of an overdue one (citing Decree 11 art. 22).</li>
 * <li>The addressee's first view is the read receipt; every view is audited.</li>
 * </ul>
 */
@Service
public class RectificationNotices {

    static final int MAX_FINDINGS = 200;
    static final int MAX_BODY = 4000;

    private final NoticeRepository repository;
    private final NoticeRecords records;
    private final NoticeNumbers numbers;
    private final Findings findings;
    private final Organisations organisations;
    private final RectificationAccess access = new RectificationAccess();

    RectificationNotices(NoticeRepository repository, NoticeRecords records, NoticeNumbers numbers, Findings findings,
            Organisations organisations) {
        this.repository = repository;
        this.records = records;
        this.numbers = numbers;
        this.findings = findings;
        this.organisations = organisations;
    }

    /** Whether the actor sees notices at all (the navigation's link). */
    public boolean maySee(Actor actor) {
        return access.maySee(actor);
    }

    /** Whether the actor drafts and issues notices (an officer of a regulator). */
    public boolean mayIssue(Actor actor) {
        return access.mayIssue(actor);
    }

    /** Whether the actor replies to notices (the operator's team). */
    public boolean mayReply(Actor actor) {
        return access.mayReply(actor);
    }

    /** Whether the actor verifies, decides, corrects and follows up this notice (its authority's officer). */
    public boolean mayManage(Actor actor, Notice notice) {
        return access.mayManage(actor, notice.authorityCode());
    }

    /** Drafts a notice (整改通知书草稿); nothing is saved when any part of it is wrong. */
    @Transactional
    public Notice draft(Actor actor, NoticeDraft draft) {
        return records.view(records.visible(actor, createDraft(actor, draft, null, false)));
    }

    /**
     * Drafts the correction of an issued notice (更正): a new notice that supersedes {@code id} once issued; the
     * issued one stays as it was.
     */
    @Transactional
    public Notice correct(Actor actor, long id, NoticeDraft draft) {
        RectificationNotice original = managed(actor, id);
        requireMove(original, RectificationNotice.Act.SUPERSEDE);
        return records.view(records.visible(actor, createDraft(actor, draft, id, false)));
    }

    /**
     * Drafts the follow-up of an overdue notice (逾期后再次通知): the findings not yet closed, the articles cited and
     * Decree 11 art. 22 (the legal consequence of not correcting), a new deadline.
     */
    @Transactional
    public Notice followUp(Actor actor, long id, java.time.LocalDate deadline, String body) {
        RectificationNotice original = managed(actor, id);
        if (!original.overdueOn(records.today())) {
            throw new org.inspectorate.system.ConflictException("rectification.conflict.notOverdue",
                    original.state().name());
        }
        List<Long> open = original.items().stream().filter(i -> i.state() != ItemState.CLOSED)
                .map(NoticeItem::findingId).toList();
        Set<LegalBasis> basis = new LinkedHashSet<>(original.basis());
        basis.add(LegalBasis.D11_22);
        NoticeDraft draft = new NoticeDraft(open, new ArrayList<>(basis), deadline, body);
        return records.view(records.visible(actor, createDraft(actor, draft, id, true)));
    }

    /** Issues a draft under the authority's next number; a correction or follow-up supersedes its original. */
    @Transactional
    public Notice issue(Actor actor, long id) {
        RectificationNotice notice = managed(actor, id);
        requireMove(notice, RectificationNotice.Act.ISSUE);
        List<org.inspectorate.system.AuditableEvent> caused = new ArrayList<>();
        if (notice.supersedesId() != null) {
            RectificationNotice original = managed(actor, notice.supersedesId());
            caused.add(original.supersede(id));
            records.save(original, List.of());
        }
        if (!repository.coveredElsewhere(notice.items().stream().map(NoticeItem::findingId).toList(),
                notice.id()).isEmpty()) {
            throw new InvalidInputException("findingIds", "rectification.findings.covered");
        }
        RectificationNotice.Number number = numbers.next(notice.issuer().code(), records.today().getYear());
        caused.add(0, notice.issue(number, actor.username(), records.now()));
        records.save(notice, caused);
        return records.view(notice);
    }

    /**
     * The notice with its items, if the actor sees it (404 otherwise); the addressee's first view records the read
     * receipt (已读回执). Every view is audited.
     */
    @Transactional
    public Notice view(Actor actor, long id) {
        RectificationNotice notice = records.visible(actor, id);
        if (access.readsAsAddressee(actor)) {
            Optional<NoticeRead> read = notice.read(actor.username(), records.now());
            if (read.isPresent()) {
                records.save(notice, List.of(read.get()));
                notice = records.visible(actor, id);
            }
        }
        records.publish(new NoticeViewed(id, "detail"));
        return records.view(notice);
    }

    /** The notice without recording a view (the pages' own follow-up reads after an action). */
    @Transactional(readOnly = true)
    public Notice get(Actor actor, long id) {
        return records.view(records.visible(actor, id));
    }

    /** A page of the notices the actor sees, newest first, by the cursor; the total bounded. */
    @Transactional(readOnly = true)
    public PageResult<NoticeSummary> list(Actor actor, NoticeFilter filter, PageRequest page) {
        if (!access.maySee(actor)) {
            throw new NotFoundException("notices", 0);
        }
        return repository.page(access.viewScope(actor, "n"), filter, records.today(), page);
    }

    /** Records the export of a list (before its rows are written, so an abandoned download is on record). */
    @Transactional
    public void exported(Actor actor, NoticeFilter filter, String format) {
        if (!access.maySee(actor)) {
            throw new NotFoundException("notices", 0);
        }
        records.publish(new NoticesExported(format, String.valueOf(filter)));
    }

    /**
     * The notices awaiting a reply due on or before {@code day}, of every authority, at most {@code limit}, soonest
     * first: for the reminders of the notification module, which runs without a signed-in user.
     */
    @Transactional(readOnly = true)
    public List<DueNotice> dueOnOrBefore(java.time.LocalDate day, int limit) {
        return repository.dueOnOrBefore(day, Math.min(Math.max(limit, 1), 1000));
    }

    /**
     * Notes each notice that became overdue (逾期) since the last call — once, across nodes — and publishes
     * {@link NoticeOverdue} for it; how many. For a scheduled job (the notification module's).
     */
    @Transactional
    public int noteOverdue(int limit) {
        int noted = 0;
        for (DueNotice due : repository.overdueUnnoted(records.today(), Math.min(Math.max(limit, 1), 1000))) {
            if (repository.noteOverdue(due.noticeId(), records.now())) {
                records.publish(new NoticeOverdue(due.noticeId(), due.operatorId(), due.number(), due.deadline()));
                noted++;
            }
        }
        return noted;
    }

    private long createDraft(Actor actor, NoticeDraft draft, Long supersedes, boolean followUp) {
        if (!access.mayIssue(actor)) {
            throw new AccessDeniedException("only regulators' officers issue rectification notices");
        }
        List<FieldProblem> problems = new ArrayList<>();
        List<Finding> covered = covered(actor, draft, problems);
        if (problems.isEmpty() && !repository.coveredElsewhere(draft.findingIds(), supersedes).isEmpty()) {
            problems.add(new FieldProblem("findingIds", "rectification.findings.covered"));
        }
        if (draft.basis().isEmpty()) {
            problems.add(new FieldProblem("basis", "rectification.basis.required"));
        }
        if (draft.deadline() == null) {
            problems.add(new FieldProblem("deadline", "rectification.deadline.required"));
        } else if (!draft.deadline().isAfter(records.today())) {
            problems.add(new FieldProblem("deadline", "rectification.deadline.future"));
        }
        if (draft.body() != null && draft.body().length() > MAX_BODY) {
            problems.add(new FieldProblem("body", "rectification.body.tooLong", MAX_BODY));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        long operatorId = covered.get(0).organisationId();
        String authority = access.authority(actor);
        String name = organisations.get(actor, actor.organisationId()).name();
        List<NoticeItem> items = new ArrayList<>();
        for (Finding f : covered) {
            items.add(new NoticeItem(0, items.size() + 1, f.id(), f.title(), f.severity().name(), f.assetDisplay(),
                    ItemState.AWAITING));
        }
        long id = repository.insertDraft(new RectificationNotice.Issuer(authority, name), operatorId, draft, items,
                supersedes, followUp, actor.username(), records.now());
        records.publish(new NoticeDrafted(id, operatorId, items.size()));
        return id;
    }

    /**
     * The findings of the draft as the officer sees them: at least one, at most {@link #MAX_FINDINGS}, all in the
     * officer's area (one outside reads as not found), all of one operator, none closed or under a notice in force.
     */
    private List<Finding> covered(Actor actor, NoticeDraft draft, List<FieldProblem> problems) {
        if (draft.findingIds().isEmpty()) {
            problems.add(new FieldProblem("findingIds", "rectification.findings.required"));
            return List.of();
        }
        if (draft.findingIds().size() > MAX_FINDINGS) {
            problems.add(new FieldProblem("findingIds", "rectification.findings.tooMany", MAX_FINDINGS));
            return List.of();
        }
        List<Finding> found = new ArrayList<>();
        for (long id : draft.findingIds()) {
            try {
                found.add(findings.get(actor, id));
            } catch (NotFoundException e) {
                problems.add(new FieldProblem("findingIds", "rectification.findings.notFound", id));
                return List.of();
            }
        }
        if (found.stream().map(Finding::organisationId).distinct().count() > 1) {
            problems.add(new FieldProblem("findingIds", "rectification.findings.oneOperator"));
        } else if (found.stream().anyMatch(f -> f.status() == FindingStatus.CLOSED)) {
            problems.add(new FieldProblem("findingIds", "rectification.findings.closed"));
        }
        return found;
    }

    private RectificationNotice managed(Actor actor, long id) {
        RectificationNotice notice = records.visible(actor, id);
        if (!access.mayManage(actor, notice.issuer().code())) {
            throw new AccessDeniedException("only the issuing authority's officers manage a notice");
        }
        return notice;
    }

    private static void requireMove(RectificationNotice notice, RectificationNotice.Act act) {
        RectificationNotice.next(notice.state(), act).orElseThrow(() -> new org.inspectorate.system.ConflictException(
                "rectification.conflict.state", act.name(), notice.state().name()));
    }
}
