package org.inspectorate.ingest;

import org.inspectorate.system.AuditableEvent;

/**
 * Someone looked at an import's result on its page or through the API, with its state and counts. The progress
 * the page polls while an import runs is not recorded: it shows no finding.
 */
record ImportViewed(long importId, ImportState state, Integer created, Integer updated, Integer unmatchedHosts)
        implements AuditableEvent {

    static ImportViewed of(ImportJob job) {
        return new ImportViewed(job.id(), job.state(), job.created(), job.updated(), job.unmatchedHosts());
    }

    @Override
    public String action() {
        return "import.viewed";
    }

    @Override
    public String subject() {
        return "import:" + importId;
    }

    @Override
    public String detail() {
        return "state=" + state + " created=" + created + " updated=" + updated + " unmatchedHosts=" + unmatchedHosts;
    }
}
