package org.inspectorate.exposure;

import org.inspectorate.system.AuditableEvent;

/** A regulator looked at the operators' discrepancy counts ({@code exposure.counts.viewed}). */
record DiscrepancyCountsViewed(String query, int page, int shown) implements AuditableEvent {

    @Override
    public String action() {
        return "exposure.counts.viewed";
    }

    @Override
    public String subject() {
        return "organisations";
    }

    @Override
    public String detail() {
        return "query=" + (query == null ? "" : query) + " page=" + page + " shown=" + shown;
    }
}
