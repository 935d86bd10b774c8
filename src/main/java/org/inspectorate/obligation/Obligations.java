package org.inspectorate.obligation;

import java.io.InputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.inspectorate.filing.FilingAccepted;
import org.inspectorate.filing.FilingDeadlinePolicy;
import org.inspectorate.filing.FilingRules;
import org.inspectorate.filing.GradeLevel;
import org.inspectorate.filing.InvalidValueException;
import org.inspectorate.filing.NetworkUnit;
import org.inspectorate.filing.attachment.UploadedFiles;
import org.inspectorate.organisation.Actor;
import org.inspectorate.organisation.Jurisdiction.SqlScope;
import org.inspectorate.system.ConflictException;
import org.inspectorate.system.InvalidInputException;
import org.inspectorate.system.InvalidInputException.FieldProblem;
import org.inspectorate.system.NotFoundException;
import org.inspectorate.system.PageRequest;
import org.inspectorate.system.PageResult;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.unit.DataSize;

/**
 * The level-driven obligations of filed units (符合性评测, 风险评估 and the report of their results) and
 * the evaluations and assessments operators record against them.
 * <ul>
 * <li>Operators see and record those of their organisation tree; the filing authorities (a Ministry
 * officer, a provincial officer) see those of the units routed to them, as in the review queue.</li>
 * <li>Deadlines follow {@link ObligationPolicy} on {@link FilingRules}; a unit owes obligations once it
 * is filed, at the level of the filing in force, until its decommissioning is accepted.</li>
 * <li>Report files are checked by their bytes, kept with their SHA-256, and every download is audited.</li>
 * </ul>
 */
@Service
public class Obligations {

    static final int MAX_PERFORMED_BY = 200;
    static final int MAX_TEXT = 4000;
    private static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);

    private final ObligationRepository repository;
    private final ObligationAccess access;
    private final ObligationPolicy policy;
    private final FilingDeadlinePolicy deadlines;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final long maxReportBytes;

    Obligations(ObligationRepository repository, FilingDeadlinePolicy deadlines,
            ApplicationEventPublisher events, Clock clock,
            @Value("${inspectorate.obligation.max-report-size:10MB}") DataSize maxReportSize) {
        this.repository = repository;
        this.access = new ObligationAccess();
        this.policy = new ObligationPolicy(deadlines);
        this.deadlines = deadlines;
        this.events = events;
        this.clock = clock;
        this.maxReportBytes = maxReportSize.toBytes();
    }

    /** An uploaded report file as received: its name as the browser gave it, and its bytes. */
    public record Upload(String name, InputStream content) {
    }

    // --- reading ----------------------------------------------------------------------------

    /**
     * The obligations the actor sees, filtered and sorted (by {@code dueOn}, {@code unitName},
     * {@code kind}, {@code level} or {@code status}; soonest due first by default).
     */
    @Transactional(readOnly = true)
    public PageResult<Obligation> list(Actor actor, ObligationQuery query, PageRequest page) {
        if (!access.hasList(actor)) { // page, API and download alike (docs/architecture.md, "Request path")
            throw new NotFoundException("obligations", actor.username());
        }
        return repository.page(access.viewScope(actor), query, deadlines, LocalDate.now(clock), page);
    }

    /**
     * For the reminders of the notification module: every filed unit's obligations of the query (due soon or overdue),
     * soonest due first, by page number; no jurisdiction applied.
     */
    @Transactional(readOnly = true)
    public PageResult<Obligation> listUnscoped(ObligationQuery query, PageRequest page) {
        return repository.page(new SqlScope("1 = 1", Map.of()), query, deadlines, LocalDate.now(clock), page);
    }

    /** What the unit owes, soonest due first; empty while it is not filed. Outside the actor's view: 404. */
    @Transactional(readOnly = true)
    public List<Obligation> ofUnit(Actor actor, long unitId) {
        requireVisible(actor, unitId);
        List<Obligation> out = new ArrayList<>(compute(new SqlScope("1 = 1", Map.of()), null, unitId));
        out.sort(Comparator.comparing(Obligation::status, Comparator.comparing(s -> s == ObligationStatus.DONE))
                .thenComparing(Obligation::dueOn));
        return out;
    }

    /** The evaluations and assessments recorded for the unit, latest first; their results: the view is audited. */
    @Transactional(readOnly = true)
    public List<ObligationRecord> records(Actor actor, long unitId) {
        ObligationRepository.ObligedUnit unit = requireVisible(actor, unitId);
        List<ObligationRecord> records = repository.records(unitId);
        events.publishEvent(new ObligationRecordsViewed(unitId, unit.currentVersionNo(), records.size()));
        return records;
    }

    /** One recorded evaluation or assessment, if the actor sees it. */
    @Transactional(readOnly = true)
    public ObligationRecord record(Actor actor, long recordId) {
        return repository.record(recordId, access.viewScope(actor))
                .orElseThrow(() -> new NotFoundException("evaluation", recordId));
    }

    /** Whether the actor may record an evaluation or assessment of the unit now (the unit page's button). */
    public boolean mayRecordFor(Actor actor, NetworkUnit unit) {
        return access.mayRecordFor(actor, unit);
    }

    /** The report file, for download by someone who sees the record; every download is audited. */
    @Transactional
    public ObligationReportFile download(Actor actor, long recordId) {
        ObligationRecord r = record(actor, recordId);
        if (!r.hasReport()) {
            throw new NotFoundException("report file", recordId);
        }
        byte[] content = repository.reportContent(recordId)
                .orElseThrow(() -> new NotFoundException("report file", recordId));
        events.publishEvent(new ObligationReportDownloaded(recordId, r.unitId(), r.reportFileName(),
                r.reportSha256()));
        return new ObligationReportFile(r.reportFileName(), r.reportContentType(), content, r.reportSha256());
    }

    // --- operator actions -------------------------------------------------------------------

    /**
     * Records a conformity evaluation or risk assessment of a filed unit of the actor's organisation
     * tree, with its report file if one is given. Everything is checked before anything is saved.
     */
    @Transactional
    public ObligationRecord record(Actor actor, long unitId, ObligationInput input, Upload report) {
        if (!access.mayRecord(actor)) {
            throw new AccessDeniedException("only operators record evaluations");
        }
        ObligationRepository.ObligedUnit unit = repository.unit(unitId, access.operatorScope(actor))
                .orElseThrow(() -> new NotFoundException("network unit", unitId));
        LocalDate today = LocalDate.now(clock);
        List<FieldProblem> problems = new ArrayList<>();
        ObligationKind kind = null;
        try {
            kind = ObligationKind.parse(input.kind());
            if (!kind.recordable()) {
                problems.add(new FieldProblem("kind", "obligation.kind.invalid", input.kind()));
            }
        } catch (InvalidValueException e) {
            problems.add(new FieldProblem("kind", e.code(), e.args()));
        }
        LocalDate performedOn = date("performedOn", input.performedOn(), true, today, problems);
        String performedBy = text("performedBy", input.performedBy(), true, MAX_PERFORMED_BY, problems);
        ObligationOutcome outcome = null;
        try {
            outcome = ObligationOutcome.parse(input.outcome());
        } catch (InvalidValueException e) {
            problems.add(new FieldProblem("outcome", e.code(), e.args()));
        }
        String summary = text("summary", input.summary(), true, MAX_TEXT, problems);
        String rectification = text("rectification", input.rectification(),
                outcome != null && outcome != ObligationOutcome.PASS, MAX_TEXT, problems);
        LocalDate reportedOn = date("reportedOn", input.reportedOn(), false, today, problems);
        if (reportedOn != null && performedOn != null && reportedOn.isBefore(performedOn)) {
            problems.add(new FieldProblem("reportedOn", "obligation.reportedOn.beforePerformed"));
        }
        ObligationReportFile file = report == null ? null : reportFile(report, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        if (repository.baseline(unitId).isEmpty() || unit.retired()) {
            throw new ConflictException("obligation.conflict.notFiled");
        }
        long id = repository.insertRecord(unitId, kind, performedOn, performedBy, outcome, summary, rectification,
                reportedOn, file, actor.username(), clock.instant());
        events.publishEvent(new ObligationRecorded(id, unitId, kind, performedOn, outcome,
                file == null ? null : file.sha256()));
        return repository.record(id, access.operatorScope(actor)).orElseThrow();
    }

    /** Records the day the result (with its rectification status or plan) reached the filing authority. */
    @Transactional
    public ObligationRecord markReported(Actor actor, long recordId, int expectedVersion, String reportedOnInput) {
        if (!access.mayRecord(actor)) {
            throw new AccessDeniedException("only operators record evaluations");
        }
        ObligationRecord r = repository.record(recordId, access.operatorScope(actor))
                .orElseThrow(() -> new NotFoundException("evaluation", recordId));
        List<FieldProblem> problems = new ArrayList<>();
        LocalDate reportedOn = date("reportedOn", reportedOnInput, true, LocalDate.now(clock), problems);
        if (reportedOn != null && reportedOn.isBefore(r.performedOn())) {
            problems.add(new FieldProblem("reportedOn", "obligation.reportedOn.beforePerformed"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        if (r.reportedOn() != null || !repository.markReported(recordId, expectedVersion, reportedOn)) {
            throw new ConflictException("obligation.conflict.stale");
        }
        events.publishEvent(new ObligationReported(recordId, r.unitId(), reportedOn));
        return repository.record(recordId, access.operatorScope(actor)).orElseThrow();
    }

    // --- following the filings ----------------------------------------------------------------

    /**
     * An accepted filing sets what the obligations count from: the first filing starts them at its
     * level; an accepted change of level starts the re-evaluation period. A decommissioning ends them
     * (retired units are left out).
     *
     * <p>A plain {@link EventListener}, in the acceptance's own transaction and not after its commit: the
     * baseline is part of what "filed" means (a filed unit without one would owe nothing and could not be
     * evaluated), so it is written atomically with the acceptance or not at all; a failure here rolls the
     * acceptance back rather than leaving a filed unit without obligations.
     */
    @EventListener
    void filingAccepted(FilingAccepted accepted) {
        if (accepted.decommissions()) {
            return;
        }
        GradeLevel level = accepted.level();
        LocalDate today = LocalDate.now(clock);
        var baseline = repository.baseline(accepted.unitId());
        if (baseline.isEmpty()) {
            repository.insertBaseline(accepted.unitId(), level, today, clock.instant());
        } else if (baseline.get().level() != level) {
            repository.changeLevel(accepted.unitId(), level, today, clock.instant());
        }
    }

    // --- helpers ----------------------------------------------------------------------------

    private List<Obligation> compute(SqlScope scope, GradeLevel level, Long unitId) {
        LocalDate today = LocalDate.now(clock);
        Map<Long, List<ObligationPolicy.RecordFacts>> records = repository.recordFacts(scope, unitId);
        List<Obligation> out = new ArrayList<>();
        for (ObligationPolicy.UnitFacts unit : repository.unitFacts(scope, level, unitId)) {
            out.addAll(policy.all(unit, records.getOrDefault(unit.unitId(), List.of()), today));
        }
        return out;
    }

    private ObligationRepository.ObligedUnit requireVisible(Actor actor, long unitId) {
        return repository.unit(unitId, access.viewScope(actor))
                .orElseThrow(() -> new NotFoundException("network unit", unitId));
    }

    private ObligationReportFile reportFile(Upload upload, List<FieldProblem> problems) {
        UploadedFiles.Checked f = UploadedFiles.check(upload.name(), upload.content(), maxReportBytes, "report",
                "report", "obligation.report", problems);
        return f == null ? null : new ObligationReportFile(f.fileName(), f.contentType(), f.content(), f.sha256());
    }

    private static LocalDate date(String field, String input, boolean required, LocalDate today,
            List<FieldProblem> problems) {
        String s = input == null ? "" : input.strip();
        if (s.isEmpty()) {
            if (required) {
                problems.add(new FieldProblem(field, "obligation.field.required"));
            }
            return null;
        }
        LocalDate d;
        try {
            d = LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            problems.add(new FieldProblem(field, "obligation.date.invalid"));
            return null;
        }
        if (d.isAfter(today)) {
            problems.add(new FieldProblem(field, "obligation.date.future"));
            return null;
        }
        if (d.isBefore(EARLIEST)) {
            problems.add(new FieldProblem(field, "obligation.date.tooEarly", EARLIEST.toString()));
            return null;
        }
        return d;
    }

    private static String text(String field, String input, boolean required, int max, List<FieldProblem> problems) {
        String s = input == null ? "" : input.strip();
        if (s.isEmpty()) {
            if (required) {
                problems.add(new FieldProblem(field, "obligation.field.required"));
            }
            return null;
        }
        if (s.length() > max) {
            problems.add(new FieldProblem(field, "obligation.field.tooLong", max));
        }
        return s;
    }
}
