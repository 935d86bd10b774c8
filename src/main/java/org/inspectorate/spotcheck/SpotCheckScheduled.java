package org.inspectorate.spotcheck;

import org.inspectorate.system.AuditableEvent;

/** The check's methods and schedule were set (排期); {@code first}: the operator is told from now on. */
public record SpotCheckScheduled(long spotCheckId, long targetOrganisationId, java.util.Set<InspectionMethod> methods, java.time.LocalDate startsOn, java.time.LocalDate endsOn, boolean first) implements AuditableEvent {

    @Override
    public String action() {
        return "spotcheck.scheduled";
    }

    @Override
    public String subject() {
        return "spotcheck:" + spotCheckId;
    }

    @Override
    public String detail() {
        return startsOn + ".." + endsOn + " " + new java.util.TreeSet<>(methods) + (first ? " (operator told)" : "");
    }
}
