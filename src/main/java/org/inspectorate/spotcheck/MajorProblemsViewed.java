package org.inspectorate.spotcheck;

import org.inspectorate.system.AuditableEvent;

/** Someone read the list of major problems. */
record MajorProblemsViewed(int shown) implements AuditableEvent {

    @Override
    public String action() {
        return "spotcheck.major.viewed";
    }

    @Override
    public String subject() {
        return "spotcheck:major-problems";
    }

    @Override
    public String detail() {
        return "shown=" + shown;
    }
}
