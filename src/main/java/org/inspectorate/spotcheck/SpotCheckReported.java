package org.inspectorate.spotcheck;

import org.inspectorate.system.AuditableEvent;

/** The team finished and reported the inspection (检查结束). */
public record SpotCheckReported(long spotCheckId, java.time.LocalDate reportedOn) implements AuditableEvent {

    @Override
    public String action() {
        return "spotcheck.reported";
    }

    @Override
    public String subject() {
        return "spotcheck:" + spotCheckId;
    }

    @Override
    public String detail() {
        return "on " + reportedOn;
    }
}
