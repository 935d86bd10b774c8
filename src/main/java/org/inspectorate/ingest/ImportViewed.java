package org.inspectorate.ingest;

import org.inspectorate.system.AuditableEvent;

/**
 * Someone looked at an import's result on its page or through the API: the import itself ({@code import.viewed},
 * with its state and counts) or its unmatched hosts ({@code import.unmatched.viewed}). The progress the page polls
 * while an import runs is not recorded: it shows no finding.
 */
record ImportViewed(String action, long importId, String detail) implements AuditableEvent {

    static ImportViewed of(ImportJob job) {
        return new ImportViewed("import.viewed", job.id(), "state=" + job.state() + " created=" + job.created()
                + " updated=" + job.updated() + " unmatchedHosts=" + job.unmatchedHosts());
    }

    static ImportViewed unmatched(long importId, int hosts) {
        return new ImportViewed("import.unmatched.viewed", importId, "hosts=" + hosts);
    }

    @Override
    public String subject() {
        return "import:" + importId;
    }
}
