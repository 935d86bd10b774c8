package org.inspectorate.sharing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.inspectorate.system.ConflictException;
import org.inspectorate.system.InvalidInputException;

/**
 * A data request's life (数据调取申请), the transition table in one place. Plain Java; {@link DataRequestRepository}
 * restores and saves it, {@link DataRequests} checks access, runs the act and publishes the event it returns.
 *
 * <pre>
 * DRAFT ─submit─▶ SUBMITTED ─approve─▶ APPROVED ─revoke─▶ REVOKED
 *                     │                   ├─expire─▶ EXPIRED
 *                     ├─refuse──▶ REFUSED  └─markShared─▶ SHARED (an operator's recorded request only)
 *                     └─provide─▶ PROVIDED
 * </pre>
 * An APPROVED request is a grant: it may be read inside its granted scope until {@code grantedUntil} (the queries
 * say so in SQL, so a grant past its end date reads nothing even before the sweep marks it EXPIRED).
 */
final class DataRequest {

    /** What can happen to a request. */
    enum Act { SUBMIT, APPROVE, REFUSE, PROVIDE, REVOKE, EXPIRE, MARK_SHARED }

    private static final Map<DataRequestState, Map<Act, DataRequestState>> MOVES = new EnumMap<>(DataRequestState.class);

    static {
        MOVES.put(DataRequestState.DRAFT, Map.of(Act.SUBMIT, DataRequestState.SUBMITTED));
        MOVES.put(DataRequestState.SUBMITTED, Map.of(Act.APPROVE, DataRequestState.APPROVED,
                Act.REFUSE, DataRequestState.REFUSED, Act.PROVIDE, DataRequestState.PROVIDED));
        MOVES.put(DataRequestState.APPROVED, Map.of(Act.REVOKE, DataRequestState.REVOKED,
                Act.EXPIRE, DataRequestState.EXPIRED, Act.MARK_SHARED, DataRequestState.SHARED));
        for (DataRequestState end : EnumSet.of(DataRequestState.REFUSED, DataRequestState.PROVIDED,
                DataRequestState.REVOKED, DataRequestState.EXPIRED, DataRequestState.SHARED)) {
            MOVES.put(end, Map.of());
        }
    }

    /** Who asked and about whom; fixed once written. */
    record Parties(Channel channel, long requesterOrgId, long requesterUserId, String requesterName,
            String outsideRequester, long operatorId, String decidingProvince) {
    }

    /** What was asked for; fixed once written. */
    record Ask(String purpose, String legalBasis, DataScope scope, LocalDate periodFrom, LocalDate periodTo,
            LocalDate accessUntil) {
    }

    private final long id;
    private final Parties parties;
    private final Ask ask;
    private DataRequestState state;
    private DataScope granted;
    private LocalDate grantedUntil;
    private Long decidedById;
    private String decidedBy;
    private Instant decidedAt;
    private String refusalReasons;
    private String revokedBy;
    private Instant revokedAt;
    private String revokeReason;
    private Instant sharedAt;
    private Instant submittedAt;
    private final Instant createdAt;
    private final int version;

    DataRequest(long id, Parties parties, Ask ask, DataRequestState state, DataScope granted, LocalDate grantedUntil,
            Long decidedById, String decidedBy, Instant decidedAt, String refusalReasons, String revokedBy,
            Instant revokedAt, String revokeReason, Instant sharedAt, Instant submittedAt, Instant createdAt,
            int version) {
        this.id = id;
        this.parties = parties;
        this.ask = ask;
        this.state = state;
        this.granted = granted;
        this.grantedUntil = grantedUntil;
        this.decidedById = decidedById;
        this.decidedBy = decidedBy;
        this.decidedAt = decidedAt;
        this.refusalReasons = refusalReasons;
        this.revokedBy = revokedBy;
        this.revokedAt = revokedAt;
        this.revokeReason = revokeReason;
        this.sharedAt = sharedAt;
        this.submittedAt = submittedAt;
        this.createdAt = createdAt;
        this.version = version;
    }

    /** A new request in DRAFT (its id is given once saved). */
    static DataRequest draft(Parties parties, Ask ask, Instant now) {
        return new DataRequest(0, parties, ask, DataRequestState.DRAFT, null, null, null, null, null, null, null, null,
                null, null, null, now, 0);
    }

    /** The state {@code act} leads to from {@code from}, or none: the table, for the pages' buttons and the tests. */
    static Optional<DataRequestState> next(DataRequestState from, Act act) {
        return Optional.ofNullable(MOVES.get(from).get(act));
    }

    /** The acts the table allows from {@code from}. */
    static Set<Act> allowed(DataRequestState from) {
        Set<Act> acts = EnumSet.noneOf(Act.class);
        acts.addAll(MOVES.get(from).keySet());
        return acts;
    }

    DataRequestSubmitted submit(Instant now) {
        move(Act.SUBMIT);
        submittedAt = now;
        return new DataRequestSubmitted(id, parties.requesterOrgId(), parties.operatorId(),
                parties.decidingProvince(), parties.channel(), describe(ask.scope()), ask.accessUntil());
    }

    /**
     * Grants {@code scope} (the request's or narrower) until {@code until} (at most the date asked for, not before
     * today). The decider is never the requester: nobody approves their own request.
     */
    DataRequestDecided approve(long deciderId, String decider, DataScope scope, LocalDate until, LocalDate today,
            Instant now) {
        refuseOwn(deciderId);
        if (scope == null || scope.empty()) {
            throw new InvalidInputException("scope", "sharing.approve.scopeEmpty");
        }
        if (!ask.scope().covers(scope)) {
            throw new InvalidInputException("scope", "sharing.approve.wider");
        }
        if (until == null || until.isBefore(today) || until.isAfter(ask.accessUntil())) {
            throw new InvalidInputException("grantedUntil", "sharing.approve.until", ask.accessUntil());
        }
        move(Act.APPROVE);
        granted = scope;
        grantedUntil = until;
        decided(deciderId, decider, now);
        return new DataRequestDecided(id, parties.requesterOrgId(), parties.operatorId(), state, describe(scope),
                until, null);
    }

    DataRequestDecided refuse(long deciderId, String decider, String reasons, Instant now) {
        refuseOwn(deciderId);
        if (reasons == null || reasons.isBlank()) {
            throw new InvalidInputException("reasons", "sharing.refuse.reasons");
        }
        move(Act.REFUSE);
        refusalReasons = reasons.strip();
        decided(deciderId, decider, now);
        return new DataRequestDecided(id, parties.requesterOrgId(), parties.operatorId(), state, null, null,
                refusalReasons);
    }

    /** The administration supplies the data itself (统一协调提供): the package is exported at once, no grant. */
    DataRequestDecided provide(long deciderId, String decider, Instant now) {
        refuseOwn(deciderId);
        move(Act.PROVIDE);
        granted = ask.scope();
        decided(deciderId, decider, now);
        return new DataRequestDecided(id, parties.requesterOrgId(), parties.operatorId(), state,
                describe(ask.scope()), null, null);
    }

    GrantRevoked revoke(String by, String reason, Instant now) {
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException("reason", "sharing.revoke.reason");
        }
        move(Act.REVOKE);
        revokedBy = by;
        revokedAt = now;
        revokeReason = reason.strip();
        return new GrantRevoked(id, parties.requesterOrgId(), parties.operatorId(), revokeReason);
    }

    GrantExpired expire(LocalDate today) {
        if (grantedUntil != null && !grantedUntil.isBefore(today)) {
            throw new ConflictException("sharing.conflict.notDue", grantedUntil);
        }
        move(Act.EXPIRE);
        return new GrantExpired(id, parties.requesterOrgId(), parties.operatorId(), grantedUntil);
    }

    /** The operator shared what the administration consented to with the outside requester. */
    DataShareMarked markShared(LocalDate today, Instant now) {
        if (parties.channel() != Channel.OPERATOR_RECORDED) {
            throw new ConflictException("sharing.conflict.notRecorded");
        }
        if (state == DataRequestState.APPROVED && grantedUntil.isBefore(today)) {
            throw new ConflictException("sharing.conflict.state", Act.MARK_SHARED.name(), DataRequestState.EXPIRED.name());
        }
        move(Act.MARK_SHARED);
        sharedAt = now;
        return new DataShareMarked(id, parties.operatorId(), parties.outsideRequester());
    }

    /** The state as it stands today: an approval past its end date is EXPIRED even before the sweep records it. */
    DataRequestState stateOn(LocalDate today) {
        return state == DataRequestState.APPROVED && grantedUntil.isBefore(today) ? DataRequestState.EXPIRED : state;
    }

    private void refuseOwn(long deciderId) {
        if (deciderId == parties.requesterUserId()) {
            throw new ConflictException("sharing.conflict.ownRequest");
        }
    }

    private void decided(long deciderId, String decider, Instant now) {
        decidedById = deciderId;
        decidedBy = decider;
        decidedAt = now;
    }

    private void move(Act act) {
        state = next(state, act).orElseThrow(() -> new ConflictException("sharing.conflict.state", act.name(),
                state.name()));
    }

    static String describe(DataScope s) {
        return s.records() + (s.findings() ? " categories " + s.categories() + " severities " + s.severities() : "");
    }

    long id() {
        return id;
    }

    Parties parties() {
        return parties;
    }

    Ask ask() {
        return ask;
    }

    DataRequestState state() {
        return state;
    }

    DataScope granted() {
        return granted;
    }

    LocalDate grantedUntil() {
        return grantedUntil;
    }

    Long decidedById() {
        return decidedById;
    }

    String decidedBy() {
        return decidedBy;
    }

    Instant decidedAt() {
        return decidedAt;
    }

    String refusalReasons() {
        return refusalReasons;
    }

    String revokedBy() {
        return revokedBy;
    }

    Instant revokedAt() {
        return revokedAt;
    }

    String revokeReason() {
        return revokeReason;
    }

    Instant sharedAt() {
        return sharedAt;
    }

    Instant submittedAt() {
        return submittedAt;
    }

    Instant createdAt() {
        return createdAt;
    }

    int version() {
        return version;
    }
}
