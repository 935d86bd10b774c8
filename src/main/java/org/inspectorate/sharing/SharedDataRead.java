package org.inspectorate.sharing;

import org.inspectorate.system.AuditableEvent;

/** Another department read shared data under a grant ({@code sharing.data.read}): a list or one record. */
public record SharedDataRead(long requestId, long operatorId, RecordType recordType, Long recordId, int rows) implements AuditableEvent {

    @Override
    public String action() {
        return "sharing.data.read";
    }

    @Override
    public String subject() {
        return "data-request:" + requestId + "/operator:" + operatorId;
    }

    @Override
    public String detail() {
        return recordType.name() + (recordId == null ? " list" : ":" + recordId) + ", " + rows + " rows";
    }
}
