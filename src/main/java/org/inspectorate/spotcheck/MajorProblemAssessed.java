package org.inspectorate.spotcheck;

import org.inspectorate.system.AuditableEvent;

/** The authority added its assessment (研判意见) of a major problem. */
public record MajorProblemAssessed(long spotCheckId, long findingId) implements AuditableEvent {

    @Override
    public String action() {
        return "spotcheck.major.assessed";
    }

    @Override
    public String subject() {
        return "finding:" + findingId;
    }

    @Override
    public String detail() {
        return "check " + spotCheckId;
    }
}
