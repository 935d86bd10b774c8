package org.inspectorate.sharing;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.inspectorate.organisation.Actor;
import org.inspectorate.organisation.DepartmentKind;
import org.inspectorate.organisation.Organisation;
import org.inspectorate.organisation.OrganisationType;
import org.inspectorate.organisation.Organisations;
import org.inspectorate.system.AuditableEvent;
import org.inspectorate.system.ConflictException;
import org.inspectorate.system.InvalidInputException;
import org.inspectorate.system.InvalidInputException.FieldProblem;
import org.inspectorate.system.NotFoundException;
import org.inspectorate.system.PageRequest;
import org.inspectorate.system.PageResult;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The inspection calendar across departments (联合检查): each department plans its inspections of operators; a plan of
 * an operator already scheduled, or visited within N days, is held back with the other plans shown, to be joined
 * instead (避免交叉重复); the province's cyberspace administration sees all of its province's plans. Each method:
 * check access → load (in the actor's scope, 404 outside) → act → save → publish, in one transaction.
 */
@Service
public class InspectionCalendar {

    private final InspectionPlanRepository repository;
    private final Organisations organisations;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final int overlapDays;
    private final CalendarAccess access = new CalendarAccess();

    InspectionCalendar(InspectionPlanRepository repository, Organisations organisations,
            ApplicationEventPublisher events, Clock clock,
            @Value("${inspectorate.calendar.overlap-days:90}") int overlapDays) {
        this.repository = repository;
        this.organisations = organisations;
        this.events = events;
        this.clock = clock;
        this.overlapDays = overlapDays;
    }

    /** What the actor may do on the calendar pages. */
    public record Capabilities(boolean plan, boolean coordinate) {
    }

    public Capabilities capabilities(Actor actor) {
        return new Capabilities(access.mayPlan(actor), access.coordinates(actor, kind(actor)));
    }

    public int overlapDays() {
        return overlapDays;
    }

    /** The calendar exists only for those who plan: anyone else is answered 404, like a record. */
    public void requirePlanner(Actor actor) {
        if (!access.mayPlan(actor)) {
            throw new NotFoundException("inspection calendar", actor.username());
        }
    }

    /** The plans the actor sees, the latest start first. */
    @Transactional(readOnly = true)
    public PageResult<PlanView> list(Actor actor, PageRequest page) {
        requirePlanner(actor);
        return repository.page(access.viewScope(actor, kind(actor)), page);
    }

    @Transactional(readOnly = true)
    public PlanView get(Actor actor, long id) {
        return repository.find(id, access.viewScope(actor, kind(actor)))
                .orElseThrow(() -> new NotFoundException("inspection plan", id));
    }

    /**
     * The live plans of the operator that the candidate collides with (same operator, overlapping or within N days)
     * and the actor could join; refused with per-field problems when the input is wrong.
     */
    @Transactional(readOnly = true)
    public List<PlanView> overlaps(Actor actor, PlanInput input) {
        requirePlanner(actor);
        Organisation operator = validOperator(actor, input);
        return conflicts(actor, operator, input);
    }

    /**
     * Plans an inspection. With another plan in the way and {@code despiteOverlap} unset it is refused (409) — the
     * caller shows the other plans and offers to join; otherwise saved with the planner's team (and the operator's
     * communication administration when named).
     */
    @Transactional
    public PlanView plan(Actor actor, PlanInput input, boolean despiteOverlap) {
        requirePlanner(actor);
        Organisation operator = validOperator(actor, input);
        if (!despiteOverlap && !conflicts(actor, operator, input).isEmpty()) {
            throw new ConflictException("sharing.calendar.overlaps", overlapDays);
        }
        Instant now = clock.instant();
        String province = operator.province() == null ? null : operator.province().code();
        InspectionPlan.Facts facts = new InspectionPlan.Facts(operator.id(), province, actor.organisationId(),
                input.startsOn(), input.endsOn(), input.scope().strip(), actor.username());
        long id = repository.insert(facts, now);
        repository.insertParticipant(id, new InspectionPlan.Participant(actor.organisationId(), null,
                input.members().strip()), now);
        events.publishEvent(new InspectionPlanned(id, operator.id(), actor.organisationId(), input.startsOn(),
                input.endsOn()));
        if (input.administrationNamed()) {
            Organisation administration = organisations.administrationOfUnscoped(operator.province()).orElseThrow();
            if (administration.id() != actor.organisationId()) {
                InspectionPlan saved = load(id, access.joinScope(actor));
                publish(saved, saved.join(new InspectionPlan.Participant(administration.id(), null, "-"), now));
                repository.insertParticipant(id, new InspectionPlan.Participant(administration.id(), null, "-"), now);
            }
        }
        return get(actor, id);
    }

    /** Joins another department's plan with the actor's team: one joint inspection (联合检查). */
    @Transactional
    public PlanView join(Actor actor, long id, String members) {
        requirePlanner(actor);
        InspectionPlan plan = load(id, access.joinScope(actor));
        List<FieldProblem> problems = new ArrayList<>();
        PlanValidation.text("members", members, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Instant now = clock.instant();
        InspectionPlan.Participant who = new InspectionPlan.Participant(actor.organisationId(), null, members.strip());
        publish(plan, plan.join(who, now));
        repository.insertParticipant(id, who, now);
        return get(actor, id);
    }

    /** Cancels a plan: its lead department only. */
    @Transactional
    public PlanView cancel(Actor actor, long id) {
        InspectionPlan plan = load(id, access.viewScope(actor, kind(actor)));
        if (!access.mayCancel(actor, plan)) {
            throw new NotFoundException("inspection plan", id);
        }
        publish(plan, plan.cancel(actor.username()));
        return get(actor, id);
    }

    /** Whether the actor may cancel this plan (its page's button). */
    @Transactional(readOnly = true)
    public boolean mayCancel(Actor actor, long id) {
        InspectionPlan plan = load(id, access.viewScope(actor, kind(actor)));
        return access.mayCancel(actor, plan) && plan.allows(InspectionPlan.Act.CANCEL);
    }

    /** Whether the actor's department may still join this plan (its page's button). */
    @Transactional(readOnly = true)
    public boolean mayJoin(Actor actor, long id) {
        return repository.load(id, access.joinScope(actor))
                .map(p -> access.mayPlan(actor) && p.allows(InspectionPlan.Act.JOIN)
                        && !p.takesPart(actor.organisationId()))
                .orElse(false);
    }

    private List<PlanView> conflicts(Actor actor, Organisation operator, PlanInput input) {
        InspectionOverlap.Window candidate = new InspectionOverlap.Window(0, operator.id(), input.startsOn(),
                input.endsOn(), true);
        List<PlanView> live = repository.liveOfOperator(operator.id());
        return live.stream().filter(v -> InspectionOverlap.collides(candidate, new InspectionOverlap.Window(v.id(),
                v.operatorId(), v.startsOn(), v.endsOn(), v.state().live()), overlapDays)).toList();
    }

    private Organisation validOperator(Actor actor, PlanInput input) {
        List<FieldProblem> problems = new ArrayList<>(PlanValidation.problems(input, today()));
        Organisation operator = operator(input.operatorCreditCode(), problems);
        if (operator != null && operator.province() != null && actor.province() != null && !actor.nationwide()
                && operator.province() != actor.province()) {
            problems.add(new FieldProblem("operatorCreditCode", "sharing.calendar.otherProvince"));
        }
        if (operator != null && actor.organisationType() == OrganisationType.OTHER_DEPARTMENT
                && PlanValidation.administrationRequired(operator.type()) && !input.administrationNamed()) {
            problems.add(new FieldProblem("withAdministration", "sharing.calendar.administrationRequired"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return operator;
    }

    private Organisation operator(String creditCode, List<FieldProblem> problems) {
        if (creditCode == null || creditCode.isBlank()) {
            problems.add(new FieldProblem("operatorCreditCode", "sharing.request.operatorRequired"));
            return null;
        }
        Organisation found = organisations.findByCreditCodeUnscoped(creditCode.strip()).orElse(null);
        if (found == null || !found.type().isOperator()) {
            problems.add(new FieldProblem("operatorCreditCode", "sharing.request.operatorUnknown"));
            return null;
        }
        return found;
    }

    private InspectionPlan load(long id, org.inspectorate.organisation.Jurisdiction.SqlScope scope) {
        return repository.load(id, scope).orElseThrow(() -> new NotFoundException("inspection plan", id));
    }

    private void publish(InspectionPlan plan, AuditableEvent event) {
        if (!repository.saveState(plan)) {
            throw new ConflictException("sharing.conflict.changed");
        }
        events.publishEvent(event);
    }

    private DepartmentKind kind(Actor actor) {
        if (actor.organisationType() != OrganisationType.OTHER_DEPARTMENT) {
            return DepartmentKind.OTHER;
        }
        return organisations.findUnscoped(actor.organisationId()).map(Organisation::departmentKind)
                .orElse(DepartmentKind.OTHER);
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), clock.getZone());
    }
}
