package org.inspectorate.sharing;

import java.time.LocalDate;

import org.inspectorate.system.AuditableEvent;

/** A data request went to the deciding administration ({@code sharing.request.submitted}); {@code decidingProvince} {@code null} is the Ministry. */
public record DataRequestSubmitted(long requestId, long requesterOrgId, long operatorId, String decidingProvince, Channel channel, String scope, LocalDate accessUntil) implements AuditableEvent {

    @Override
    public String action() {
        return "sharing.request.submitted";
    }

    @Override
    public String subject() {
        return "data-request:" + requestId + "/operator:" + operatorId;
    }

    @Override
    public String detail() {
        return "to " + (decidingProvince == null ? "ministry" : decidingProvince) + "; " + scope + "; until " + accessUntil;
    }
}
