package org.inspectorate.spotcheck;

import org.inspectorate.system.AuditableEvent;

/** The operator was told of a finding on site (现场告知): when and by which method. */
public record OnSiteNoticeGiven(long spotCheckId, long findingId, InspectionMethod method, java.time.Instant toldAt) implements AuditableEvent {

    @Override
    public String action() {
        return "spotcheck.notice.given";
    }

    @Override
    public String subject() {
        return "finding:" + findingId;
    }

    @Override
    public String detail() {
        return "check " + spotCheckId + " " + method + " at " + toldAt;
    }
}
