package org.inspectorate.selfinspection;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.inspectorate.campaign.CampaignQuery;
import org.inspectorate.campaign.CampaignSummary;
import org.inspectorate.campaign.Campaigns;
import org.inspectorate.campaign.ChecklistItem;
import org.inspectorate.campaign.PublishedCampaign;
import org.inspectorate.finding.Evidence;
import org.inspectorate.finding.EvidenceDownload;
import org.inspectorate.finding.EvidenceFile;
import org.inspectorate.finding.Finding;
import org.inspectorate.finding.FindingSource;
import org.inspectorate.finding.Findings;
import org.inspectorate.finding.NewFinding;
import org.inspectorate.organisation.Actor;
import org.inspectorate.organisation.Jurisdiction.SqlScope;
import org.inspectorate.organisation.Organisation;
import org.inspectorate.organisation.Organisations;
import org.inspectorate.system.ConflictException;
import org.inspectorate.system.InvalidInputException;
import org.inspectorate.system.InvalidInputException.FieldProblem;
import org.inspectorate.system.NotFoundException;
import org.inspectorate.system.PageRequest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Self-inspection (自查): the module's public API for the pages, the REST API and the demo data.
 * <ul>
 * <li>An operator of a type the published campaign covers works in its own workspace, addressed by the
 * campaign's code; the workspace is created by its first answer or report text. Anyone else gets 404.</li>
 * <li>Everyone reads a workspace by id within their jurisdiction (operators their own, a provincial officer
 * their province's, the Ministry all); every read of a workspace with its report, and every export, is
 * audited.</li>
 * <li>A NOT_COMPLIANT answer opens a finding (source SELF_INSPECTION) and links it to the answer.</li>
 * <li>The report goes to the recipient {@link ReportRoutingPolicy} names; only that recipient accepts or
 * returns it; a returned report is edited and resubmitted; a closed campaign takes nothing more.</li>
 * </ul>
 * Each change reads: check access ({@link SelfInspectionAccess}) → load → transition ({@link Workspace}) →
 * save → publish the event the transition returned. The regulators' status view is
 * {@link SelfInspectionStatus}'s, the report files {@link SummaryReports}'.
 */
@Service
public class SelfInspections {

    /** The evidence owner kind of an answer's files. */
    static final String EVIDENCE_KIND = "self-inspection-answer";
    static final int MAX_TEXT = 20_000;
    static final int MAX_NOTES = 4_000;

    private final SelfInspectionRepository repository;
    private final Campaigns campaigns;
    private final Findings findings;
    private final Evidence evidence;
    private final Organisations organisations;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final ReportRoutingPolicy routing = new ReportRoutingPolicy();
    private final SelfInspectionAccess access = new SelfInspectionAccess();

    SelfInspections(SelfInspectionRepository repository, Campaigns campaigns, Findings findings, Evidence evidence,
            Organisations organisations, ApplicationEventPublisher events, Clock clock) {
        this.repository = repository;
        this.campaigns = campaigns;
        this.findings = findings;
        this.evidence = evidence;
        this.organisations = organisations;
        this.events = events;
        this.clock = clock;
    }

    // --- who does what (see SelfInspectionAccess) ------------------------------------------------

    /** Whether the actor is the workspace report's recipient, who accepts or returns it. */
    public boolean reviews(Actor actor, Workspace workspace) {
        return access.reviews(actor, workspace);
    }

    // --- reading -----------------------------------------------------------------------------

    /** The published campaigns that cover the operator's type, newest first, with its own self-inspection of each. */
    @Transactional(readOnly = true)
    public List<SelfInspection> mine(Actor actor) {
        Organisation org = ownOrganisation(actor);
        List<SelfInspection> result = new ArrayList<>();
        for (CampaignSummary s : campaigns.list(actor, CampaignQuery.all(), new PageRequest(0, PageRequest.MAX_SIZE,
                "year", false)).items()) {
            campaigns.published(s.code()).filter(c -> c.definition().inScope(org.type()))
                    .ifPresent(c -> result.add(assemble(actor, c, org, repository.find(c.code(), org.id()).orElse(null),
                            false)));
        }
        return result;
    }

    /**
     * The operator's own self-inspection of the campaign (not started yet if it has no workspace). A campaign
     * not published, or not covering the operator's type, is {@link NotFoundException}. Audited once started.
     */
    @Transactional
    public SelfInspection mine(Actor actor, String campaignCode) {
        Organisation org = ownOrganisation(actor);
        PublishedCampaign campaign = campaignFor(org, campaignCode);
        Workspace w = repository.find(campaign.code(), org.id()).orElse(null);
        SelfInspection s = assemble(actor, campaign, org, w, true);
        if (w != null) {
            events.publishEvent(new SelfInspectionReportViewed(w.id(), campaign.code()));
        }
        return s;
    }

    /** A workspace with its report, within the actor's jurisdiction, otherwise {@link NotFoundException}. Audited. */
    @Transactional
    public SelfInspection get(Actor actor, long id) {
        Workspace w = visible(actor, id);
        PublishedCampaign campaign = campaigns.requirePublished(w.campaignCode());
        Organisation org = organisations.findUnscoped(w.organisationId()).orElseThrow();
        SelfInspection s = assemble(actor, campaign, org, w, true);
        events.publishEvent(new SelfInspectionReportViewed(w.id(), campaign.code()));
        return s;
    }

    // --- the operator's work ---------------------------------------------------------------

    /**
     * Answers a checklist item (again, if it was answered): COMPLIANT, NOT_COMPLIANT or NOT_APPLICABLE with
     * notes. A NOT_COMPLIANT answer without a finding yet opens one and links it; a finding stays linked (and
     * lives on in the register) when the answer changes later. Field errors change nothing.
     */
    @Transactional
    public SelfInspection answer(Actor actor, String campaignCode, String itemId, AnswerInput in) {
        Organisation org = ownOrganisation(actor);
        PublishedCampaign campaign = campaignFor(org, campaignCode);
        ChecklistItem item = campaign.definition().checklistItem(itemId)
                .orElseThrow(() -> new NotFoundException("checklist item", itemId));
        List<FieldProblem> problems = new ArrayList<>();
        Answer answer = parseAnswer(in.answer(), problems);
        String notes = text(in.notes());
        if (notes != null && notes.length() > MAX_NOTES) {
            problems.add(new FieldProblem("notes", "selfinspection.field.tooLong", MAX_NOTES));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Workspace w = workspaceToEdit(actor, campaign, org);
        Instant now = clock.instant();
        ItemAnswer existing = repository.answer(w.id(), item.id()).orElse(null);
        Long findingId = existing == null ? null : existing.findingId();
        if (answer == Answer.NOT_COMPLIANT && findingId == null) {
            String title = text(in.title());
            if (title == null) {
                String itemText = item.text().zh();
                title = item.id() + " " + (itemText.length() > 280 ? itemText.substring(0, 280) + "…" : itemText);
            }
            String owner = text(in.ownerName());
            Finding f = findings.open(actor, new NewFinding(org.id(), in.networkUnitId(), in.asset(), title, notes,
                    in.category(), in.severity(), in.references(), in.cvssVector(), owner == null ? actor.username() : owner,
                    null, null, campaign.code(), null, FindingSource.SELF_INSPECTION,
                    "self-inspection " + campaign.code() + " " + item.id(), null));
            findingId = f.id();
        }
        if (existing == null) {
            repository.insertAnswer(w.id(), item.id(), answer, notes, findingId, actor.username(), now);
        } else {
            repository.updateAnswer(existing.id(), answer, notes, findingId, actor.username(), now);
        }
        ItemAnswered answered = w.answered(item.id(), answer, findingId, now);
        repository.saveEdit(w);
        events.publishEvent(answered);
        return assemble(actor, campaign, org, repository.find(w.id(), scope(actor)).orElseThrow(), true);
    }

    /** Attaches an evidence file to an answered item (sniffed type, SHA-256, size limit; field {@code file}). */
    @Transactional
    public EvidenceFile attachEvidence(Actor actor, String campaignCode, String itemId, String fileName,
            byte[] content) {
        Organisation org = ownOrganisation(actor);
        PublishedCampaign campaign = campaignFor(org, campaignCode);
        ChecklistItem item = campaign.definition().checklistItem(itemId)
                .orElseThrow(() -> new NotFoundException("checklist item", itemId));
        Workspace w = repository.find(campaign.code(), org.id()).orElse(null);
        ItemAnswer answer = w == null ? null : repository.answer(w.id(), item.id()).orElse(null);
        if (answer == null) {
            throw new InvalidInputException("file", "selfinspection.evidence.answerFirst");
        }
        requireEditable(campaign, w);
        EvidenceFile file = evidence.attach(actor, EVIDENCE_KIND, answer.id(), org.id(), fileName, content);
        AnswerEvidenceAttached attached = w.evidenceAttached(item.id(), file.id(), clock.instant());
        repository.saveEdit(w);
        events.publishEvent(attached);
        return file;
    }

    /** An answer's evidence file, within the actor's jurisdiction (otherwise 404); the download is audited. */
    @Transactional
    public EvidenceDownload downloadEvidence(Actor actor, long workspaceId, String itemId, long evidenceId) {
        Workspace w = visible(actor, workspaceId);
        ItemAnswer answer = repository.answer(w.id(), itemId)
                .orElseThrow(() -> new NotFoundException("evidence", evidenceId));
        return evidence.download(actor, EVIDENCE_KIND, answer.id(), evidenceId);
    }

    /** Saves the operator's own text of the summary report: the overview (工作概况) and next steps (下一步工作). */
    @Transactional
    public SelfInspection saveReport(Actor actor, String campaignCode, String overview, String plans) {
        Organisation org = ownOrganisation(actor);
        PublishedCampaign campaign = campaignFor(org, campaignCode);
        String o = text(overview);
        String p = text(plans);
        List<FieldProblem> problems = new ArrayList<>();
        if (o != null && o.length() > MAX_TEXT) {
            problems.add(new FieldProblem("overview", "selfinspection.field.tooLong", MAX_TEXT));
        }
        if (p != null && p.length() > MAX_TEXT) {
            problems.add(new FieldProblem("plans", "selfinspection.field.tooLong", MAX_TEXT));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Workspace w = workspaceToEdit(actor, campaign, org);
        SelfInspectionReportSaved saved = w.saveReport(o, p, clock.instant());
        repository.saveReport(w);
        events.publishEvent(saved);
        return assemble(actor, campaign, org, repository.find(w.id(), scope(actor)).orElseThrow(), true);
    }

    /**
     * Submits the summary report to its recipient. Needs an open campaign and a workspace in progress or
     * returned (otherwise 409 naming the state), the overview text and every item answered (field errors).
     * The first submission is marked late when it misses the deadline; a resubmission keeps that mark.
     */
    @Transactional
    public SelfInspection submit(Actor actor, String campaignCode) {
        Organisation org = ownOrganisation(actor);
        PublishedCampaign campaign = campaignFor(org, campaignCode);
        Workspace found = repository.find(campaign.code(), org.id())
                .orElseThrow(() -> new ConflictException("selfinspection.submit.notStarted", campaign.code()));
        Workspace w = repository.lock(found.id()).orElseThrow();
        if (campaign.closed()) {
            throw new ConflictException("selfinspection.campaign.closed", campaign.code());
        }
        WorkspaceSubmitted submitted = w.submit(actor.username(), clock.instant(), clock.getZone(),
                repository.answers(w.id()).size(), campaign.definition().checklistItems().size());
        repository.saveSubmission(w);
        events.publishEvent(submitted);
        return assemble(actor, campaign, org, repository.find(w.id(), scope(actor)).orElseThrow(), true);
    }

    // --- the recipient's review ---------------------------------------------------------------

    /** The recipient accepts a submitted report (409 naming the state otherwise). */
    @Transactional
    public SelfInspection accept(Actor actor, long id) {
        Workspace w = toReview(actor, id);
        WorkspaceAccepted accepted = w.accept(actor.username(), clock.instant());
        repository.saveReview(w);
        events.publishEvent(accepted);
        return get(actor, id);
    }

    /** The recipient returns a submitted report with its reasons (field {@code reason}); the operator edits and resubmits. */
    @Transactional
    public SelfInspection returnReport(Actor actor, long id, String reason) {
        String r = text(reason);
        if (r == null) {
            throw new InvalidInputException("reason", "selfinspection.field.required");
        }
        if (r.length() > MAX_NOTES) {
            throw new InvalidInputException("reason", "selfinspection.field.tooLong", MAX_NOTES);
        }
        Workspace w = toReview(actor, id);
        WorkspaceReturned returned = w.returnWith(r, actor.username(), clock.instant());
        repository.saveReview(w);
        events.publishEvent(returned);
        return get(actor, id);
    }

    /** The workspace locked for its recipient's decision: 404 outside the jurisdiction, 403 for anyone else. */
    private Workspace toReview(Actor actor, long id) {
        Workspace visible = visible(actor, id);
        if (!access.reviews(actor, visible)) {
            throw new AccessDeniedException("only the report's recipient reviews it");
        }
        return repository.lock(visible.id()).orElseThrow();
    }

    // --- helpers -------------------------------------------------------------------------------

    /** The workspace {@code id} within the actor's jurisdiction, otherwise {@link NotFoundException}. */
    Workspace visible(Actor actor, long id) {
        return repository.find(id, scope(actor)).orElseThrow(() -> new NotFoundException("self-inspection", id));
    }

    private Organisation ownOrganisation(Actor actor) {
        if (!access.maySelfInspect(actor)) {
            throw new NotFoundException("self-inspection", actor.username());
        }
        return organisations.findUnscoped(actor.organisationId())
                .filter(o -> o.type().isOperator())
                .orElseThrow(() -> new NotFoundException("self-inspection", actor.username()));
    }

    private PublishedCampaign campaignFor(Organisation org, String campaignCode) {
        return campaigns.published(campaignCode).filter(c -> c.definition().inScope(org.type()))
                .orElseThrow(() -> new NotFoundException("campaign", campaignCode));
    }

    /** The operator's workspace, created on the first change; 409 when the campaign is closed or the report is under review. */
    private Workspace workspaceToEdit(Actor actor, PublishedCampaign campaign, Organisation org) {
        Workspace w = repository.find(campaign.code(), org.id()).orElse(null);
        requireEditable(campaign, w);
        if (w != null) {
            return w;
        }
        ReportRoute route = routing.route(campaign.definition(), org);
        try {
            long id = repository.insert(campaign.code(), org.id(), route, actor.username(), clock.instant());
            events.publishEvent(new WorkspaceStarted(id, campaign.code(), route.province(), route.dueOn()));
        } catch (DuplicateKeyException e) {
            throw new ConflictException("selfinspection.conflict.stale");
        }
        return repository.find(campaign.code(), org.id()).orElseThrow();
    }

    private static void requireEditable(PublishedCampaign campaign, Workspace w) {
        if (campaign.closed()) {
            throw new ConflictException("selfinspection.campaign.closed", campaign.code());
        }
        if (w != null) {
            w.requireEditable();
        }
    }

    private SelfInspection assemble(Actor actor, PublishedCampaign campaign, Organisation org, Workspace w,
            boolean details) {
        ReportRoute route = routing.route(campaign.definition(), org);
        if (w != null) {
            route = new ReportRoute(w.recipient(), w.recipientProvince(), w.dueOn(), route.deadlineId());
        }
        Map<String, ItemAnswer> answers = w == null ? Map.of()
                : repository.answers(w.id()).stream().collect(Collectors.toMap(ItemAnswer::itemId, a -> a));
        List<ChecklistEntry> entries = new ArrayList<>();
        int compliant = 0;
        int notCompliant = 0;
        int notApplicable = 0;
        int findingsTotal = 0;
        int open = 0;
        int fixed = 0;
        for (ChecklistItem item : campaign.definition().checklistItems()) {
            ItemAnswer a = answers.get(item.id());
            Finding f = null;
            List<EvidenceFile> files = List.of();
            if (a != null) {
                if (a.answer() == Answer.COMPLIANT) {
                    compliant++;
                } else if (a.answer() == Answer.NOT_COMPLIANT) {
                    notCompliant++;
                } else {
                    notApplicable++;
                }
                if (a.findingId() != null) {
                    f = linkedFinding(actor, a.findingId());
                    if (f != null) {
                        findingsTotal++;
                        if (f.status().unresolved()) {
                            open++;
                        } else {
                            fixed++;
                        }
                    }
                }
                if (details) {
                    files = evidence.list(actor, EVIDENCE_KIND, a.id());
                }
            }
            entries.add(new ChecklistEntry(item, a, f, files));
        }
        Progress progress = new Progress(answers.size(), entries.size(), compliant, notCompliant, notApplicable,
                findingsTotal, open, fixed);
        return new SelfInspection(campaign, org, route, w, entries, progress, status(w, route.dueOn()));
    }

    private Finding linkedFinding(Actor actor, long findingId) {
        try {
            return findings.get(actor, findingId);
        } catch (NotFoundException e) {
            return null;
        }
    }

    /** The status against the deadline; the status view derives the same in SQL. */
    SubmissionStatus status(Workspace w, LocalDate dueOn) {
        boolean overdue = ReportRoutingPolicy.overdue(dueOn, today());
        if (w == null) {
            return overdue ? SubmissionStatus.OVERDUE : SubmissionStatus.NOT_STARTED;
        }
        switch (w.state()) {
            case ACCEPTED:
                return SubmissionStatus.ACCEPTED;
            case SUBMITTED:
                return w.late() ? SubmissionStatus.SUBMITTED_LATE : SubmissionStatus.SUBMITTED;
            case RETURNED:
                return SubmissionStatus.RETURNED;
            default:
                return overdue ? SubmissionStatus.OVERDUE : SubmissionStatus.IN_PROGRESS;
        }
    }

    private static Answer parseAnswer(String value, List<FieldProblem> problems) {
        String t = text(value);
        if (t == null) {
            problems.add(new FieldProblem("answer", "selfinspection.field.required"));
            return null;
        }
        try {
            return Answer.valueOf(t.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add(new FieldProblem("answer", "selfinspection.field.unknownValue", t));
            return null;
        }
    }

    static String text(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static SqlScope scope(Actor actor) {
        return actor.jurisdiction().organisationScope("w.organisation_id");
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
