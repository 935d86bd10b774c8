package org.inspectorate.spotcheck;

import org.inspectorate.system.AuditableEvent;

/** The operator reported a breach of the inspection discipline; only the authority's leadership and the Ministry read it. */
public record DisciplineBreachReported(long spotCheckId, String authorityProvinceCode) implements AuditableEvent {

    @Override
    public String action() {
        return "spotcheck.discipline.breach";
    }

    @Override
    public String subject() {
        return "spotcheck:" + spotCheckId;
    }

    @Override
    public String detail() {
        return "authority " + (authorityProvinceCode == null ? "ministry" : authorityProvinceCode);
    }
}
