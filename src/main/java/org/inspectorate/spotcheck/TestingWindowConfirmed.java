package org.inspectorate.spotcheck;

import org.inspectorate.system.AuditableEvent;

/** The operator confirmed an authorisation's testing window (确认检测时段). */
public record TestingWindowConfirmed(long spotCheckId, long authorisationId) implements AuditableEvent {

    @Override
    public String action() {
        return "spotcheck.window.confirmed";
    }

    @Override
    public String subject() {
        return "spotcheck:" + spotCheckId;
    }

    @Override
    public String detail() {
        return "authorisation " + authorisationId;
    }
}
