package org.inspectorate.sharing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.inspectorate.system.ConflictException;

/**
 * A planned inspection of an operator (检查计划) and, once another department joined it, a joint inspection (联合检查):
 * the lead department, the dates, the scope and each department's team. Plain Java; the acts return the typed events
 * the service publishes.
 */
final class InspectionPlan {

    /** Which act leads from which states (the transition table). */
    enum Act {
        JOIN, CANCEL
    }

    static final Map<Act, Set<PlanState>> FROM = Map.of(
            Act.JOIN, EnumSet.of(PlanState.PLANNED, PlanState.JOINT),
            Act.CANCEL, EnumSet.of(PlanState.PLANNED, PlanState.JOINT));

    /** A department taking part and its team members (检查组成员). */
    record Participant(long orgId, String orgName, String members) {
    }

    /** The plan's fixed facts. */
    record Facts(long operatorId, String provinceCode, long leadOrgId, LocalDate startsOn, LocalDate endsOn,
            String scope, String createdBy) {
    }

    private final long id;
    private final Facts facts;
    private PlanState state;
    private final List<Participant> participants;
    private final int version;

    InspectionPlan(long id, Facts facts, PlanState state, List<Participant> participants, int version) {
        this.id = id;
        this.facts = facts;
        this.state = state;
        this.participants = new ArrayList<>(participants);
        this.version = version;
    }

    /**
     * Another department joins with its team: the plan becomes joint. A department already taking part is refused
     * (a joint inspection would overlap itself), as is a cancelled plan.
     */
    InspectionJoined join(Participant who, Instant now) {
        require(Act.JOIN);
        if (takesPart(who.orgId())) {
            throw new ConflictException("sharing.calendar.alreadyParticipant");
        }
        participants.add(who);
        state = PlanState.JOINT;
        return new InspectionJoined(id, facts.operatorId(), who.orgId(), now);
    }

    InspectionCancelled cancel(String by) {
        require(Act.CANCEL);
        state = PlanState.CANCELLED;
        return new InspectionCancelled(id, facts.operatorId(), by);
    }

    boolean takesPart(long orgId) {
        return participants.stream().anyMatch(p -> p.orgId() == orgId);
    }

    boolean allows(Act act) {
        return FROM.get(act).contains(state);
    }

    private void require(Act act) {
        if (!allows(act)) {
            throw new ConflictException("sharing.calendar.wrongState", state.name());
        }
    }

    InspectionOverlap.Window window() {
        return new InspectionOverlap.Window(id, facts.operatorId(), facts.startsOn(), facts.endsOn(), state.live());
    }

    long id() {
        return id;
    }

    Facts facts() {
        return facts;
    }

    PlanState state() {
        return state;
    }

    List<Participant> participants() {
        return List.copyOf(participants);
    }

    int version() {
        return version;
    }
}
