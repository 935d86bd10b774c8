package org.inspectorate.sharing;

import java.time.LocalDate;

import org.inspectorate.system.AuditableEvent;

/** A grant's end date passed ({@code sharing.grant.expired}); reads stopped on that day already, in the queries. */
public record GrantExpired(long requestId, long requesterOrgId, long operatorId, LocalDate grantedUntil) implements AuditableEvent {

    @Override
    public String action() {
        return "sharing.grant.expired";
    }

    @Override
    public String subject() {
        return "data-request:" + requestId + "/operator:" + operatorId;
    }

    @Override
    public String detail() {
        return "ended " + grantedUntil;
    }
}
