package org.inspectorate.spotcheck;

import org.inspectorate.system.AuditableEvent;

/** The progress of spot checks (抽查进度) was downloaded as XLSX: how many provinces' rows it held. */
public record SpotCheckProgressExported(int provinces) implements AuditableEvent {

    @Override
    public String action() {
        return "spotcheck.progress.exported";
    }

    @Override
    public String subject() {
        return "spotcheck:progress";
    }

    @Override
    public String detail() {
        return "provinces=" + provinces;
    }
}
