package org.inspectorate.ingest;

import org.inspectorate.system.AuditableEvent;

/** An import was queued (导入排队): the operator's import lock is taken and the report waits for its run. */
public record ImportQueued(long importId, long organisationId, String fileName, long size, String by)
        implements AuditableEvent {

    @Override
    public String action() {
        return "import.queued";
    }

    @Override
    public String subject() {
        return "import:" + importId;
    }

    @Override
    public String detail() {
        return "organisation:" + organisationId + " " + fileName + " " + size + " bytes";
    }

    @Override
    public String actor() {
        return by;
    }
}
