package org.inspectorate.finding;

import org.inspectorate.system.AuditableEvent;

/** A bulk import opened {@code created} new findings of an organisation among {@code total} reported. */
public record FindingsImported(long organisationId, int created, int total) implements AuditableEvent {

    @Override
    public String action() {
        return "finding.imported";
    }

    @Override
    public String subject() {
        return "organisation:" + organisationId;
    }

    @Override
    public String detail() {
        return created + " created of " + total;
    }
}
