package org.inspectorate.sharing;

import java.time.Instant;

import org.inspectorate.system.AuditableEvent;

/** The inspection calendar: a plan was joined ({@code sharing.calendar.joined}). */
public record InspectionJoined(long planId, long operatorId, long joinedOrgId, Instant joinedAt) implements AuditableEvent {

    @Override
    public String action() {
        return "sharing.calendar.joined";
    }

    @Override
    public String subject() {
        return "inspection-plan:" + planId + "/operator:" + operatorId;
    }

    @Override
    public String detail() {
        return "org:" + joinedOrgId;
    }
}
