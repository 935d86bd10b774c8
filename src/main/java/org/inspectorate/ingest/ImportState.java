package org.inspectorate.ingest;

/** Where an import job stands (导入状态). */
public enum ImportState {
    QUEUED, RUNNING, SUCCEEDED, FAILED;

    public boolean active() {
        return this == QUEUED || this == RUNNING;
    }

    public String messageKey() {
        return "ingest.import.state." + name();
    }
}
