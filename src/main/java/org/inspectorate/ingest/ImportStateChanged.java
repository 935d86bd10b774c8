package org.inspectorate.ingest;

import org.inspectorate.system.AuditableEvent;

/** An import was queued, started, finished or failed, or one of its hosts was assigned: audited. */
public record ImportStateChanged(String action, long importId, String detail, String actor, Outcome outcome)
        implements AuditableEvent {

    static ImportStateChanged of(String action, long importId, String actor, String detail) {
        return new ImportStateChanged(action, importId, detail, actor, Outcome.SUCCESS);
    }

    static ImportStateChanged failed(long importId, String actor, String detail) {
        return new ImportStateChanged("import.failed", importId, detail, actor, Outcome.FAILURE);
    }

    @Override
    public String subject() {
        return "import:" + importId;
    }
}
