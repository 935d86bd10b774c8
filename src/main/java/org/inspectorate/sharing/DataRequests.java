package org.inspectorate.sharing;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.inspectorate.organisation.Actor;
import org.inspectorate.organisation.Jurisdiction.SqlScope;
import org.inspectorate.organisation.Organisation;
import org.inspectorate.organisation.Organisations;
import org.inspectorate.system.AuditableEvent;
import org.inspectorate.system.ConflictException;
import org.inspectorate.system.InvalidInputException.FieldProblem;
import org.inspectorate.system.NotFoundException;
import org.inspectorate.system.PageRequest;
import org.inspectorate.system.PageResult;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Data requests (数据调取申请) from asking to the decision and the grant's end: another department asks, the
 * operator's administration approves (optionally narrowing), refuses with reasons or provides the data itself, and
 * revokes a grant at once; an operator asked outside the system records the request and shares only after consent.
 * Each method: check access → load (in the actor's scope, 404 outside) → act → save → publish, in one transaction.
 */
@Service
public class DataRequests {

    private final DataRequestRepository repository;
    private final Organisations organisations;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final SharingAccess access = new SharingAccess();

    DataRequests(DataRequestRepository repository, Organisations organisations, ApplicationEventPublisher events,
            Clock clock) {
        this.repository = repository;
        this.organisations = organisations;
        this.events = events;
        this.clock = clock;
    }

    /** What the actor may do on the sharing pages (the navigation's and the home page's links). */
    public record Capabilities(boolean request, boolean record, boolean decide) {
    }

    /** What the actor may do with one request (its page's buttons), from the access policy and the table. */
    public record Buttons(boolean decide, boolean revoke, boolean markShared, boolean download) {
    }

    /** The request form exists only for those who ask or record: anyone else is answered 404, like a record. */
    public void requireAsker(Actor actor) {
        if (!access.mayRequest(actor) && !access.mayRecord(actor)) {
            throw new NotFoundException("data request form", actor.username());
        }
    }

    public Capabilities capabilities(Actor actor) {
        return new Capabilities(access.mayRequest(actor), access.mayRecord(actor), access.mayDecide(actor));
    }

    /**
     * Another department's request, saved as a DRAFT and, unless {@code draftOnly}, sent at once to the operator's
     * administration. Refused whole (nothing saved) when a field is wrong, the operator is unknown, or the operator is
     * of another province than the requesting department (its administration decides only its own province).
     */
    @Transactional
    public DataRequestView request(Actor actor, DataRequestInput input, boolean draftOnly) {
        if (!access.mayRequest(actor)) {
            throw new NotFoundException("data requests", actor.username());
        }
        List<FieldProblem> problems = new ArrayList<>(DataRequestValidation.problems(input, false, today()));
        Organisation operator = operator(input.operatorCreditCode(), problems);
        if (operator != null && operator.province() != null && actor.province() != null
                && operator.province() != actor.province()) {
            problems.add(new FieldProblem("operatorCreditCode", "sharing.request.otherProvince"));
        }
        DataRequestValidation.check(problems);
        return create(actor, Channel.DEPARTMENT, null, operator, input, draftOnly);
    }

    /**
     * An operator asked directly by another department (outside the system) records the request and asks its
     * administration's consent (sent at once); it may mark the data shared only once the consent is given.
     */
    @Transactional
    public DataRequestView record(Actor actor, DataRequestInput input) {
        if (!access.mayRecord(actor)) {
            throw new NotFoundException("data requests", actor.username());
        }
        List<FieldProblem> problems = DataRequestValidation.problems(input, true, today());
        DataRequestValidation.check(problems);
        Organisation operator = organisations.get(actor, actor.organisationId());
        return create(actor, Channel.OPERATOR_RECORDED, input.outsideRequester().strip(), operator, input, false);
    }

    private DataRequestView create(Actor actor, Channel channel, String outside, Organisation operator,
            DataRequestInput input, boolean draftOnly) {
        Instant now = clock.instant();
        DataRequest draft = DataRequest.draft(new DataRequest.Parties(channel, actor.organisationId(), actor.userId(),
                actor.username(), outside, operator.id(), SharingRouting.decidingProvince(operator)),
                new DataRequest.Ask(input.purpose().strip(), input.legalBasis().strip(), input.scope(),
                        input.periodFrom(), input.periodTo(), input.accessUntil()), now);
        long id = repository.insert(draft, now);
        events.publishEvent(new DataRequestDrafted(id, actor.organisationId(), operator.id(), channel));
        if (!draftOnly) {
            DataRequest saved = load(actor, id);
            publish(saved, saved.submit(now));
        }
        return get(actor, id);
    }

    private Organisation operator(String creditCode, List<FieldProblem> problems) {
        if (creditCode == null || creditCode.isBlank()) {
            problems.add(new FieldProblem("operatorCreditCode", "sharing.request.operatorRequired"));
            return null;
        }
        Organisation found = organisations.findByCreditCodeUnscoped(creditCode).orElse(null);
        if (found == null || !found.type().isOperator()) {
            problems.add(new FieldProblem("operatorCreditCode", "sharing.request.operatorUnknown"));
            return null;
        }
        return found;
    }

    /** Sends a DRAFT to the administration. */
    @Transactional
    public DataRequestView submit(Actor actor, long id) {
        DataRequest r = load(actor, id);
        if (!access.mayRequest(actor)) {
            throw new NotFoundException("data request", id);
        }
        publish(r, r.submit(clock.instant()));
        return get(actor, id);
    }

    /** The request, if the actor sees it (requester, operator, the administration); otherwise 404. */
    @Transactional(readOnly = true)
    public DataRequestView get(Actor actor, long id) {
        return view(repository.find(id, access.viewScope(actor)).orElseThrow(() -> new NotFoundException(
                "data request", id)));
    }

    /** The buttons of the request's page for the actor. */
    @Transactional(readOnly = true)
    public Buttons buttons(Actor actor, long id) {
        DataRequest r = load(actor, id);
        DataRequestState now = r.stateOn(today());
        return new Buttons(access.mayDecide(actor, r) && now == DataRequestState.SUBMITTED,
                access.mayRevoke(actor, r) && now == DataRequestState.APPROVED,
                access.mayMarkShared(actor, r) && now == DataRequestState.APPROVED,
                access.mayRevoke(actor, r) && now == DataRequestState.PROVIDED);
    }

    /** A page of the requests the actor sees (their own, their operator's, their area's), latest change first. */
    @Transactional(readOnly = true)
    public PageResult<DataRequestView> list(Actor actor, PageRequest page) {
        return repository.page(access.viewScope(actor), null, Map.of(), page).map(this::view);
    }

    /** A page of the requests waiting for the actor's administration, latest change first. */
    @Transactional(readOnly = true)
    public PageResult<DataRequestView> awaitingDecision(Actor actor, PageRequest page) {
        return repository.page(access.decideScope(actor), "r.state = 'SUBMITTED'", Map.of(), page).map(this::view);
    }

    /** Approves the request for {@code scope} (the request's or narrower) until {@code until}. */
    @Transactional
    public DataRequestView approve(Actor actor, long id, DataScope scope, LocalDate until) {
        DataRequest r = decidable(actor, id);
        publish(r, r.approve(actor.userId(), actor.username(), scope, until, today(), clock.instant()));
        return get(actor, id);
    }

    /** Refuses the request with reasons (不予批准及理由). */
    @Transactional
    public DataRequestView refuse(Actor actor, long id, String reasons) {
        DataRequest r = decidable(actor, id);
        publish(r, r.refuse(actor.userId(), actor.username(), reasons, clock.instant()));
        return get(actor, id);
    }

    /** The administration will provide the data itself as a packaged export (由通信管理局统一协调提供). */
    @Transactional
    public DataRequestView provide(Actor actor, long id) {
        DataRequest r = decidable(actor, id);
        publish(r, r.provide(actor.userId(), actor.username(), clock.instant()));
        return get(actor, id);
    }

    /** Ends a grant at once: every read under it answers 404 from this moment. */
    @Transactional
    public DataRequestView revoke(Actor actor, long id, String reason) {
        DataRequest r = load(actor, id);
        if (!access.mayRevoke(actor, r)) {
            throw new NotFoundException("data request", id);
        }
        publish(r, r.revoke(actor.username(), reason, clock.instant()));
        return get(actor, id);
    }

    /** The operator shared the data it was asked for outside the system: only once the administration consented. */
    @Transactional
    public DataRequestView markShared(Actor actor, long id) {
        DataRequest r = load(actor, id);
        if (!access.mayMarkShared(actor, r)) {
            throw new NotFoundException("data request", id);
        }
        publish(r, r.markShared(today(), clock.instant()));
        return get(actor, id);
    }

    /** The reads under the request, newest first: for the operator, the administration and the requester. */
    @Transactional(readOnly = true)
    public PageResult<SharedAccessEntry> accesses(Actor actor, long id, PageRequest page) {
        load(actor, id);
        return repository.accesses(id, page);
    }

    /**
     * Records EXPIRED on the grants whose end date has passed (at most 500 a call). Reading stopped on the end date
     * already — the queries compare it with today — so this only writes the fact down and publishes
     * {@link GrantExpired}; the product has no scheduler yet, so it is called by maintenance (docs/sharing.md).
     */
    @Transactional
    public int expireDue() {
        int n = 0;
        for (long id : repository.dueToExpire(today(), 500)) {
            DataRequest r = repository.find(id, new SqlScope("1 = 1",
                    Map.of())).orElseThrow().request();
            publish(r, r.expire(today()));
            n++;
        }
        return n;
    }

    private DataRequest decidable(Actor actor, long id) {
        DataRequest r = load(actor, id);
        if (!access.mayDecide(actor)) {
            throw new NotFoundException("data request", id);
        }
        if (actor.userId() == r.parties().requesterUserId()) {
            throw new ConflictException("sharing.conflict.ownRequest");
        }
        if (!access.mayDecide(actor, r)) {
            throw new NotFoundException("data request", id);
        }
        return r;
    }

    DataRequest load(Actor actor, long id) {
        return repository.find(id, access.viewScope(actor)).orElseThrow(() -> new NotFoundException("data request",
                id)).request();
    }

    private void publish(DataRequest r, AuditableEvent event) {
        if (!repository.save(r, clock.instant())) {
            throw new ConflictException("sharing.conflict.changed");
        }
        events.publishEvent(event);
    }

    DataRequestView view(DataRequestRepository.Row row) {
        DataRequest r = row.request();
        DataRequest.Parties p = r.parties();
        DataRequest.Ask a = r.ask();
        return new DataRequestView(r.id(), p.channel(), p.requesterOrgId(), row.requesterOrgName(), p.requesterName(),
                p.outsideRequester(), p.operatorId(), row.operatorName(), p.decidingProvince(), a.purpose(),
                a.legalBasis(), a.scope(), a.periodFrom(), a.periodTo(), a.accessUntil(), r.stateOn(today()),
                r.granted(), r.grantedUntil(), r.decidedBy(), r.decidedAt(), r.refusalReasons(), r.revokedBy(),
                r.revokedAt(), r.revokeReason(), r.sharedAt(), r.submittedAt(), r.createdAt(), r.version());
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
