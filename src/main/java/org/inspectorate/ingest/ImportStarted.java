package org.inspectorate.ingest;

import org.inspectorate.system.AuditableEvent;

/** An import's run began on a node: the report is being read. */
public record ImportStarted(long importId, String fileName, String by) implements AuditableEvent {

    @Override
    public String action() {
        return "import.started";
    }

    @Override
    public String subject() {
        return "import:" + importId;
    }

    @Override
    public String detail() {
        return fileName;
    }

    @Override
    public String actor() {
        return by;
    }
}
