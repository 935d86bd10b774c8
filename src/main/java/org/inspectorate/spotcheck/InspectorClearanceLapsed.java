package org.inspectorate.spotcheck;

import org.inspectorate.system.AuditableEvent;

/** An inspector on a check's team lost their clearance (vetting, own or agency commitment) mid-check: the gate closed; the leader and the authority are told. */
public record InspectorClearanceLapsed(long spotCheckId, long userId, Long leaderUserId, String authorityProvinceCode, String lapse) implements AuditableEvent {

    @Override
    public String action() {
        return "spotcheck.clearance.lapsed";
    }

    @Override
    public String subject() {
        return "spotcheck:" + spotCheckId;
    }

    @Override
    public String detail() {
        return "inspector " + userId + " " + lapse;
    }
}
