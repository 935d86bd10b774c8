package org.inspectorate.spotcheck;

import org.inspectorate.system.AuditableEvent;

/** An inspector recorded a finding of the check (source SPOT_CHECK) by a method. */
public record SpotCheckFindingRecorded(long spotCheckId, long findingId, InspectionMethod method, String host) implements AuditableEvent {

    @Override
    public String action() {
        return "spotcheck.finding.recorded";
    }

    @Override
    public String subject() {
        return "spotcheck:" + spotCheckId;
    }

    @Override
    public String detail() {
        return "finding " + findingId + " by " + method + (host == null ? "" : " on " + host);
    }
}
