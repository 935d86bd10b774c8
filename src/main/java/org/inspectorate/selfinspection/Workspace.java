package org.inspectorate.selfinspection;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.inspectorate.campaign.Recipient;
import org.inspectorate.organisation.Province;
import org.inspectorate.system.ConflictException;
import org.inspectorate.system.InvalidInputException;
import org.inspectorate.system.InvalidInputException.FieldProblem;

/**
 * A self-inspection workspace (自查工作台) with its summary report: the aggregate of this module, plain Java.
 * {@link SelfInspectionRepository} restores it from its row and saves it back; its public accessors are what
 * pages and the API read. It guards its own life:
 * <pre>
 * IN_PROGRESS ──submit──▶ SUBMITTED ──accept──▶ ACCEPTED
 *      ▲ edit               │
 *      └─(RETURNED ◀─returnWith─┘) ──submit──▶ SUBMITTED
 * </pre>
 * The operator edits (answers, evidence, report text) while IN_PROGRESS or RETURNED; only the recipient
 * accepts or returns a SUBMITTED report; an ACCEPTED report never changes. A step from the wrong state is the
 * module's {@link ConflictException} naming the current state; each step returns the event it caused.
 */
public final class Workspace {

    /**
     * The workspace's transitions, each with the states it may start from and the state it leads to: the
     * whole table in one place.
     */
    enum Step {
        /** The operator answers an item, attaches evidence or saves the report text; the state stays. */
        EDIT(null, WorkspaceState.IN_PROGRESS, WorkspaceState.RETURNED),
        /** The operator submits the report to its recipient. */
        SUBMIT(WorkspaceState.SUBMITTED, WorkspaceState.IN_PROGRESS, WorkspaceState.RETURNED),
        /** The recipient accepts the report. */
        ACCEPT(WorkspaceState.ACCEPTED, WorkspaceState.SUBMITTED),
        /** The recipient returns the report with reasons. */
        RETURN(WorkspaceState.RETURNED, WorkspaceState.SUBMITTED);

        private final WorkspaceState to;
        private final Set<WorkspaceState> from;

        Step(WorkspaceState to, WorkspaceState first, WorkspaceState... more) {
            this.to = to;
            this.from = EnumSet.of(first, more);
        }

        boolean startsFrom(WorkspaceState state) {
            return from.contains(state);
        }

        /** The state the step leads to from {@code current}. */
        WorkspaceState next(WorkspaceState current) {
            return to == null ? current : to;
        }
    }

    private final long id;
    private final String campaignCode;
    private final long organisationId;
    private final Recipient recipient;
    private final Province recipientProvince;
    private final LocalDate dueOn;
    private final String createdBy;
    private final Instant createdAt;
    private final int version;
    private WorkspaceState state;
    private String overview;
    private String plans;
    private Instant firstSubmittedAt;
    private Instant submittedAt;
    private String submittedBy;
    private boolean late;
    private Instant reviewedAt;
    private String reviewedBy;
    private String returnReason;
    private Instant updatedAt;

    /**
     * A workspace as stored.
     *
     * @param late    whether the report was first submitted after its deadline (kept through returns)
     * @param version optimistic-lock version
     */
    Workspace(long id, String campaignCode, long organisationId, WorkspaceState state, Recipient recipient,
            Province recipientProvince, LocalDate dueOn, String overview, String plans, Instant firstSubmittedAt,
            Instant submittedAt, String submittedBy, boolean late, Instant reviewedAt, String reviewedBy,
            String returnReason, String createdBy, Instant createdAt, Instant updatedAt, int version) {
        this.id = id;
        this.campaignCode = campaignCode;
        this.organisationId = organisationId;
        this.state = state;
        this.recipient = recipient;
        this.recipientProvince = recipientProvince;
        this.dueOn = dueOn;
        this.overview = overview;
        this.plans = plans;
        this.firstSubmittedAt = firstSubmittedAt;
        this.submittedAt = submittedAt;
        this.submittedBy = submittedBy;
        this.late = late;
        this.reviewedAt = reviewedAt;
        this.reviewedBy = reviewedBy;
        this.returnReason = returnReason;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
        this.updatedAt = updatedAt;
        this.version = version;
    }

    /** Whether one of the workspace's transitions leads from {@code from} to {@code to}. */
    static boolean allows(WorkspaceState from, WorkspaceState to) {
        for (Step step : Step.values()) {
            if (step.startsFrom(from) && step.next(from) == to) {
                return true;
            }
        }
        return false;
    }

    // --- the operator's edits --------------------------------------------------------------------

    /** Fails with 409 naming the state unless the operator may still edit (answer, attach, write the report). */
    void requireEditable() {
        if (!Step.EDIT.startsFrom(state)) {
            throw new ConflictException("selfinspection.state.locked", state.name());
        }
    }

    /** An item was answered at {@code at}; {@code findingId} links the finding its answer opened, if any. */
    ItemAnswered answered(String itemId, Answer answer, Long findingId, Instant at) {
        requireEditable();
        updatedAt = at;
        return new ItemAnswered(id, itemId, answer, findingId);
    }

    /** An evidence file was attached to an answered item at {@code at}. */
    AnswerEvidenceAttached evidenceAttached(String itemId, long evidenceId, Instant at) {
        requireEditable();
        updatedAt = at;
        return new AnswerEvidenceAttached(id, itemId, evidenceId);
    }

    /** Saves the report's text: the overview (工作概况) and next steps (下一步工作). */
    SelfInspectionReportSaved saveReport(String overview, String plans, Instant at) {
        requireEditable();
        this.overview = overview;
        this.plans = plans;
        updatedAt = at;
        return new SelfInspectionReportSaved(id, campaignCode);
    }

    // --- submission and review ---------------------------------------------------------------------

    /**
     * Submits the report to its recipient: from IN_PROGRESS or RETURNED (otherwise 409 naming the state), with
     * the overview written and all {@code total} items answered (otherwise field errors). The first submission
     * is marked late when it misses the deadline (in {@code zone}); a resubmission keeps that mark.
     */
    WorkspaceSubmitted submit(String by, Instant at, ZoneId zone, int answered, int total) {
        if (!Step.SUBMIT.startsFrom(state)) {
            throw new ConflictException("selfinspection.submit.state", state.name());
        }
        List<FieldProblem> problems = new ArrayList<>();
        if (SelfInspections.text(overview) == null) {
            problems.add(new FieldProblem("overview", "selfinspection.field.required"));
        }
        if (answered < total) {
            problems.add(new FieldProblem("answers", "selfinspection.submit.unanswered", total - answered, total));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        boolean first = firstSubmittedAt == null;
        if (first) {
            firstSubmittedAt = at;
            late = ReportRoutingPolicy.late(dueOn, at, zone);
        }
        state = Step.SUBMIT.next(state);
        submittedAt = at;
        submittedBy = by;
        updatedAt = at;
        return new WorkspaceSubmitted(id, campaignCode, recipientProvince, late, !first);
    }

    /** The recipient accepts the submitted report (409 naming the state otherwise). */
    WorkspaceAccepted accept(String by, Instant at) {
        review(Step.ACCEPT, by, at, null);
        return new WorkspaceAccepted(id, campaignCode, by);
    }

    /** The recipient returns the submitted report with its reasons (409 naming the state otherwise). */
    WorkspaceReturned returnWith(String reason, String by, Instant at) {
        review(Step.RETURN, by, at, reason);
        return new WorkspaceReturned(id, campaignCode, by, reason);
    }

    private void review(Step step, String by, Instant at, String reason) {
        if (!step.startsFrom(state)) {
            throw new ConflictException("selfinspection.review.state", state.name());
        }
        state = step.next(state);
        reviewedAt = at;
        reviewedBy = by;
        returnReason = reason;
        updatedAt = at;
    }

    // --- as read ---------------------------------------------------------------------------------

    public ReportRoute route() {
        return new ReportRoute(recipient, recipientProvince, dueOn, null);
    }

    public long id() {
        return id;
    }

    public String campaignCode() {
        return campaignCode;
    }

    public long organisationId() {
        return organisationId;
    }

    public WorkspaceState state() {
        return state;
    }

    public Recipient recipient() {
        return recipient;
    }

    public Province recipientProvince() {
        return recipientProvince;
    }

    public LocalDate dueOn() {
        return dueOn;
    }

    public String overview() {
        return overview;
    }

    public String plans() {
        return plans;
    }

    public Instant firstSubmittedAt() {
        return firstSubmittedAt;
    }

    public Instant submittedAt() {
        return submittedAt;
    }

    public String submittedBy() {
        return submittedBy;
    }

    /** Whether the report was first submitted after its deadline (kept through returns). */
    public boolean late() {
        return late;
    }

    public Instant reviewedAt() {
        return reviewedAt;
    }

    public String reviewedBy() {
        return reviewedBy;
    }

    public String returnReason() {
        return returnReason;
    }

    public String createdBy() {
        return createdBy;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    /** The optimistic-lock version as read. */
    public int version() {
        return version;
    }
}
