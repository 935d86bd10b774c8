package org.inspectorate.scoring;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.inspectorate.organisation.Actor;
import org.inspectorate.scoring.ScoreCalculator.Mark;
import org.inspectorate.scoring.ScoreSheet.Act;
import org.inspectorate.scoring.ScoreSheetRepository.SheetRow;
import org.inspectorate.system.ConflictException;
import org.inspectorate.system.NotFoundException;
import org.inspectorate.system.PageRequest;
import org.inspectorate.system.PageResult;
import org.inspectorate.system.Total;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Score sheets (评分表): opening one for a spot check, the team's marks, the leader's submission and the
 * authority's decisions. Each act reads: resolve the check → check access → load → transition → save → publish, in
 * one transaction. The check is resolved through {@link ScoringSubjects} on every act, so the team as the spot check
 * has it now decides who marks (the sheet's copy of the team is refreshed with it); a check that no longer resolves
 * answers 404.
 */
@Service
public class ScoreSheets {

    private static final ScoringSubjects NONE = id -> java.util.Optional.empty();

    private final ScoreSheetRepository sheets;
    private final ScoringStandards standards;
    private final ObjectProvider<ScoringSubjects> subjects;
    private final ScoringAccess access = new ScoringAccess();
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ScoreSheets(ScoreSheetRepository sheets, ScoringStandards standards, ObjectProvider<ScoringSubjects> subjects,
            ApplicationEventPublisher events, Clock clock) {
        this.sheets = sheets;
        this.standards = standards;
        this.subjects = subjects;
        this.events = events;
        this.clock = clock;
    }

    private ScoringSubject subject(long spotCheckId) {
        return subjects.getIfUnique(() -> NONE).find(spotCheckId)
                .orElseThrow(() -> new NotFoundException("spot check", spotCheckId));
    }

    /**
     * Opens the sheet of spot check {@code spotCheckId} against the standard in force for the operator's type; 404
     * when the check does not resolve or the actor is neither on its team nor its authority.
     */
    @Transactional
    public ScoreSheetView open(Actor actor, long spotCheckId) {
        ScoringSubject subject = subject(spotCheckId);
        if (!access.mayOpen(actor, subject)) {
            throw new NotFoundException("spot check", spotCheckId);
        }
        if (sheets.idOfSpotCheck(spotCheckId).isPresent()) {
            throw new ConflictException("scoring.sheet.exists", spotCheckId);
        }
        StoredStandard standard = standards.forType(subject.operatorType());
        long id = sheets.insert(subject, standard.id(), actor.username(), clock.instant());
        events.publishEvent(new ScoreSheetOpened(id, spotCheckId, subject.operatorId(), standard.id(),
                standard.version()));
        return view(actor, load(actor, id));
    }

    /** Whether the actor may open sheets at all (the list page shows the form to them only). */
    public boolean mayOpenAny(Actor actor) {
        return access.mayOpenAny(actor);
    }

    /** The sheet {@code id} as the actor may see it; the view is audited. */
    @Transactional
    public ScoreSheetView get(Actor actor, long id) {
        ScoreSheet sheet = load(actor, id);
        events.publishEvent(new ScoreSheetViewed(id, sheet.subject().spotCheckId(), sheet.subject().operatorId()));
        return view(actor, sheet);
    }

    /** The sheet of spot check {@code spotCheckId}, if the actor sees one. */
    @Transactional(readOnly = true)
    public java.util.Optional<Long> idOfSpotCheck(Actor actor, long spotCheckId) {
        return sheets.idOfSpotCheck(spotCheckId).filter(id -> sheets.find(id, access.sheetScope(actor)).isPresent());
    }

    /** A team member marks one item; invalid marks name their field and change nothing. */
    @Transactional
    public ScoreSheetView mark(Actor actor, long id, String itemCode, Mark mark) {
        ScoreSheet sheet = load(actor, id);
        ScoringSubject live = subject(sheet.subject().spotCheckId());
        if (!access.mayMark(actor, live)) {
            throw new AccessDeniedException("only the check's team scores its items");
        }
        ItemScored event = sheet.mark(itemCode, mark, actor.username(), clock.instant());
        sheets.saveMark(id, itemCode, sheet.marks().get(itemCode), sheet.score().items().get(itemCode));
        sheets.save(sheet);
        sheets.writeTeam(id, live);
        events.publishEvent(event);
        return view(actor, load(actor, id));
    }

    /** The team leader submits the complete sheet. */
    @Transactional
    public ScoreSheetView submit(Actor actor, long id) {
        ScoreSheet sheet = load(actor, id);
        ScoringSubject live = subject(sheet.subject().spotCheckId());
        if (!access.maySubmit(actor, live)) {
            throw new AccessDeniedException("only the team leader submits the sheet");
        }
        ScoreSheetState from = sheet.state();
        ScoreSheetSubmitted event = sheet.submit(clock.instant());
        return finish(actor, sheet, Act.SUBMIT, from, null, event);
    }

    /** The authority approves the submitted sheet. */
    @Transactional
    public ScoreSheetView approve(Actor actor, long id) {
        ScoreSheet sheet = decidable(actor, id);
        ScoreSheetState from = sheet.state();
        ScoreSheetApproved event = sheet.approve(actor.username(), clock.instant());
        return finish(actor, sheet, Act.APPROVE, from, null, event);
    }

    /** The authority returns the submitted sheet with its reasons. */
    @Transactional
    public ScoreSheetView returnWith(Actor actor, long id, String reasons) {
        ScoreSheet sheet = decidable(actor, id);
        ScoreSheetState from = sheet.state();
        ScoreSheetReturned event = sheet.returnWith(reasons, actor.username(), clock.instant());
        return finish(actor, sheet, Act.RETURN, from, event.reasons(), event);
    }

    /** The authority reopens an approved sheet, with its reason on record. */
    @Transactional
    public ScoreSheetView reopen(Actor actor, long id, String reason) {
        ScoreSheet sheet = decidable(actor, id);
        ScoreSheetState from = sheet.state();
        ScoreSheetReopened event = sheet.reopen(reason, actor.username(), clock.instant());
        return finish(actor, sheet, Act.REOPEN, from, event.reason(), event);
    }

    /** The sheets the actor sees, latest first, by page number (at most {@link PageRequest#MAX_PAGE} pages); audited. */
    @Transactional
    public PageResult<SheetRow> list(Actor actor, PageRequest page) {
        if (!access.mayListSheets(actor)) {
            throw new NotFoundException("score sheets", 0);
        }
        var scope = access.sheetScope(actor);
        List<SheetRow> rows = sheets.list(scope, page.offset(), page.size());
        events.publishEvent(new ScoreSheetsListed(page.page(), rows.size()));
        return new PageResult<>(rows, page.page(), page.size(), Total.bounded(sheets.count(scope)), null);
    }

    private ScoreSheet decidable(Actor actor, long id) {
        ScoreSheet sheet = load(actor, id);
        if (!access.decides(actor, sheet.subject())) {
            throw new AccessDeniedException("only the check's authority decides the sheet");
        }
        return sheet;
    }

    private ScoreSheetView finish(Actor actor, ScoreSheet sheet, Act act, ScoreSheetState from, String reason,
            Object event) {
        Instant at = clock.instant();
        sheets.save(sheet);
        sheets.recordAct(sheet.id(), act, from, sheet.state(), reason, actor.username(), at);
        events.publishEvent(event);
        return view(actor, load(actor, sheet.id()));
    }

    private ScoreSheet load(Actor actor, long id) {
        return sheets.find(id, access.sheetScope(actor)).orElseThrow(() -> new NotFoundException("score sheet", id));
    }

    private ScoreSheetView view(Actor actor, ScoreSheet sheet) {
        Map<String, ScoreSheetView.MarkView> marks = new LinkedHashMap<>();
        sheet.marks().forEach((code, m) -> marks.put(code, new ScoreSheetView.MarkView(m.mark(),
                sheet.score().items().get(code), m.markedBy(), m.markedAt())));
        ScoringSubject subject = sheet.subject();
        boolean decides = access.decides(actor, subject);
        ScoreSheetView.Permissions may = new ScoreSheetView.Permissions(
                access.mayMark(actor, subject) && ScoreSheet.next(sheet.state(), Act.MARK).isPresent(),
                access.maySubmit(actor, subject) && ScoreSheet.next(sheet.state(), Act.SUBMIT).isPresent(),
                decides && ScoreSheet.next(sheet.state(), Act.APPROVE).isPresent(),
                decides && ScoreSheet.next(sheet.state(), Act.RETURN).isPresent(),
                decides && ScoreSheet.next(sheet.state(), Act.REOPEN).isPresent());
        StoredStandard standard = standards.byId(sheet.standardId());
        return new ScoreSheetView(sheet.id(), subject, sheet.standardId(), standard.code(), standard.version(),
                sheet.standard(), sheet.state(), sheet.score(), marks, sheets.acts(sheet.id()), sheet.submittedAt(),
                sheet.decidedBy(), sheet.decidedAt(), sheet.version(), may);
    }
}
