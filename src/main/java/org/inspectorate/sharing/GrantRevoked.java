package org.inspectorate.sharing;

import org.inspectorate.system.AuditableEvent;

/** The administration ended a grant before its end date ({@code sharing.grant.revoked}). */
public record GrantRevoked(long requestId, long requesterOrgId, long operatorId, String reason) implements AuditableEvent {

    @Override
    public String action() {
        return "sharing.grant.revoked";
    }

    @Override
    public String subject() {
        return "data-request:" + requestId + "/operator:" + operatorId;
    }

    @Override
    public String detail() {
        return reason;
    }
}
