package org.inspectorate.sharing;

import org.inspectorate.system.AuditableEvent;

/** The inspection calendar: a plan was cancelled ({@code sharing.calendar.cancelled}). */
public record InspectionCancelled(long planId, long operatorId, String cancelledBy) implements AuditableEvent {

    @Override
    public String action() {
        return "sharing.calendar.cancelled";
    }

    @Override
    public String subject() {
        return "inspection-plan:" + planId + "/operator:" + operatorId;
    }

    @Override
    public String detail() {
        return cancelledBy;
    }
}
