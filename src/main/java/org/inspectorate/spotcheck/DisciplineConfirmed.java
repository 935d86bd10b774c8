package org.inspectorate.spotcheck;

import org.inspectorate.system.AuditableEvent;

/** The operator confirmed the team charged no fee and required no product or service (检查纪律). */
public record DisciplineConfirmed(long spotCheckId) implements AuditableEvent {

    @Override
    public String action() {
        return "spotcheck.discipline.confirmed";
    }

    @Override
    public String subject() {
        return "spotcheck:" + spotCheckId;
    }

    @Override
    public String detail() {
        return "";
    }
}
