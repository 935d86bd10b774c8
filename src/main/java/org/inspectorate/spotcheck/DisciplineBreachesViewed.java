package org.inspectorate.spotcheck;

import org.inspectorate.system.AuditableEvent;

/** Someone read the discipline breach reports. */
record DisciplineBreachesViewed(int shown) implements AuditableEvent {

    @Override
    public String action() {
        return "spotcheck.discipline.viewed";
    }

    @Override
    public String subject() {
        return "spotcheck:discipline-breaches";
    }

    @Override
    public String detail() {
        return "shown=" + shown;
    }
}
