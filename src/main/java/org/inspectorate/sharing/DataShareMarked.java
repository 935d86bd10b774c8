package org.inspectorate.sharing;

import org.inspectorate.system.AuditableEvent;

/** An operator asked outside the system shared the data after the administration consented ({@code sharing.request.shared}). */
public record DataShareMarked(long requestId, long operatorId, String outsideRequester) implements AuditableEvent {

    @Override
    public String action() {
        return "sharing.request.shared";
    }

    @Override
    public String subject() {
        return "data-request:" + requestId + "/operator:" + operatorId;
    }

    @Override
    public String detail() {
        return "shared with " + outsideRequester;
    }
}
