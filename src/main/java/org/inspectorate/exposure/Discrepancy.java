package org.inspectorate.exposure;

import java.time.Instant;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.inspectorate.system.ConflictException;
import java.util.Optional;

/**
 * A filing discrepancy's life (备案不符): the transition table in one place, each act checking the current state and
 * failing with a message that names it. Plain Java; {@link DiscrepancyRepository} restores and saves it.
 *
 * <pre>
 * OPEN ──declare──▶ DECLARED ──settle──▶ SETTLED
 *   │                  │                   ▲
 *   ├──openFinding─────┴──▶ FINDING_OPENED ┘ settle
 *   └──settle─────────────────────────────▶ SETTLED
 * </pre>
 * A drafted change filing may still be withdrawn, so a DECLARED discrepancy may yet get a finding; once a finding is
 * open the discrepancy waits for the filing; SETTLED is final.
 */
final class Discrepancy {

    /** What can happen to a discrepancy. */
    enum Act { DECLARE, OPEN_FINDING, SETTLE }

    private static final Map<DiscrepancyState, Map<Act, DiscrepancyState>> MOVES = new EnumMap<>(DiscrepancyState.class);

    static {
        MOVES.put(DiscrepancyState.OPEN, Map.of(Act.DECLARE, DiscrepancyState.DECLARED,
                Act.OPEN_FINDING, DiscrepancyState.FINDING_OPENED, Act.SETTLE, DiscrepancyState.SETTLED));
        MOVES.put(DiscrepancyState.DECLARED, Map.of(Act.OPEN_FINDING, DiscrepancyState.FINDING_OPENED,
                Act.SETTLE, DiscrepancyState.SETTLED));
        MOVES.put(DiscrepancyState.FINDING_OPENED, Map.of(Act.SETTLE, DiscrepancyState.SETTLED));
        MOVES.put(DiscrepancyState.SETTLED, Map.of());
    }

    private final long id;
    private final ServiceDiscrepancy.Service service;
    private DiscrepancyState state;
    private Integer declaredVersionNo;
    private Long findingId;
    private String decidedBy;
    private Instant decidedAt;
    private Instant settledAt;
    private final int version;

    Discrepancy(long id, ServiceDiscrepancy.Service service, DiscrepancyState state, Integer declaredVersionNo,
            Long findingId, String decidedBy, Instant decidedAt, Instant settledAt, int version) {
        this.id = id;
        this.service = service;
        this.state = state;
        this.declaredVersionNo = declaredVersionNo;
        this.findingId = findingId;
        this.decidedBy = decidedBy;
        this.decidedAt = decidedAt;
        this.settledAt = settledAt;
        this.version = version;
    }

    /** The state {@code act} leads to from {@code from}, or none: the table, for the pages' buttons and the tests. */
    static Optional<DiscrepancyState> next(DiscrepancyState from, Act act) {
        return Optional.ofNullable(MOVES.get(from).get(act));
    }

    /** The acts the table allows from {@code from}. */
    static Set<Act> allowed(DiscrepancyState from) {
        Set<Act> acts = EnumSet.noneOf(Act.class);
        acts.addAll(MOVES.get(from).keySet());
        return acts;
    }

    /** The operator drafted the port into a change filing, now at {@code versionNo}. */
    DiscrepancyDeclared declare(String by, Instant at, int versionNo) {
        move(Act.DECLARE);
        declaredVersionNo = versionNo;
        decidedBy = by;
        decidedAt = at;
        return new DiscrepancyDeclared(id, service.unitId(), service.organisationId(), service.address(), versionNo);
    }

    /** The operator opened finding {@code finding} on the port. */
    DiscrepancyFindingOpened openFinding(long finding, String by, Instant at) {
        move(Act.OPEN_FINDING);
        findingId = finding;
        decidedBy = by;
        decidedAt = at;
        return new DiscrepancyFindingOpened(id, service.unitId(), service.organisationId(), service.address(), finding);
    }

    /** An accepted filing, now at {@code versionNo}, declares the port. */
    DiscrepancySettled settle(Instant at, int versionNo) {
        move(Act.SETTLE);
        settledAt = at;
        return new DiscrepancySettled(id, service.unitId(), service.organisationId(), service.address(), versionNo);
    }

    private void move(Act act) {
        state = next(state, act).orElseThrow(() -> new ConflictException("exposure.conflict.state",
                act.name(), state.name()));
    }

    long id() {
        return id;
    }

    ServiceDiscrepancy.Service service() {
        return service;
    }

    DiscrepancyState state() {
        return state;
    }

    Integer declaredVersionNo() {
        return declaredVersionNo;
    }

    Long findingId() {
        return findingId;
    }

    String decidedBy() {
        return decidedBy;
    }

    Instant decidedAt() {
        return decidedAt;
    }

    Instant settledAt() {
        return settledAt;
    }

    int version() {
        return version;
    }
}
