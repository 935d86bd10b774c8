package org.inspectorate.spotcheck;

import org.inspectorate.system.AuditableEvent;

/** The team started the inspection (进场) on a day. */
public record SpotCheckStarted(long spotCheckId, Long plannedCheckId, java.time.LocalDate startedOn) implements AuditableEvent {

    @Override
    public String action() {
        return "spotcheck.started";
    }

    @Override
    public String subject() {
        return "spotcheck:" + spotCheckId;
    }

    @Override
    public String detail() {
        return "on " + startedOn;
    }
}
