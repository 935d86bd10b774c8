package org.inspectorate.sharing;

import java.time.LocalDate;

import org.inspectorate.system.AuditableEvent;

/** The administration approved (possibly narrowed), refused or provided the data itself ({@code sharing.request.decided}). */
public record DataRequestDecided(long requestId, long requesterOrgId, long operatorId, DataRequestState decision, String scope, LocalDate grantedUntil, String reasons) implements AuditableEvent {

    @Override
    public String action() {
        return "sharing.request.decided";
    }

    @Override
    public String subject() {
        return "data-request:" + requestId + "/operator:" + operatorId;
    }

    @Override
    public String detail() {
        return decision.name() + (scope == null ? "" : "; " + scope) + (grantedUntil == null ? "" : "; until " + grantedUntil) + (reasons == null ? "" : "; " + reasons);
    }
}
