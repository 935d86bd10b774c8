package org.inspectorate.sharing;

import org.inspectorate.system.AuditableEvent;

/** A data request was written ({@code sharing.request.drafted}), not yet sent. */
public record DataRequestDrafted(long requestId, long requesterOrgId, long operatorId, Channel channel) implements AuditableEvent {

    @Override
    public String action() {
        return "sharing.request.drafted";
    }

    @Override
    public String subject() {
        return "data-request:" + requestId + "/operator:" + operatorId;
    }

    @Override
    public String detail() {
        return channel.name();
    }
}
