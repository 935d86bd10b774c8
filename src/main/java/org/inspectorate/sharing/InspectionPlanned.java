package org.inspectorate.sharing;

import java.time.LocalDate;

import org.inspectorate.system.AuditableEvent;

/** The inspection calendar: a plan was planned ({@code sharing.calendar.planned}). */
public record InspectionPlanned(long planId, long operatorId, long leadOrgId, LocalDate startsOn, LocalDate endsOn) implements AuditableEvent {

    @Override
    public String action() {
        return "sharing.calendar.planned";
    }

    @Override
    public String subject() {
        return "inspection-plan:" + planId + "/operator:" + operatorId;
    }

    @Override
    public String detail() {
        return startsOn + ".." + endsOn;
    }
}
