package org.inspectorate.spotcheck;

import org.inspectorate.system.AuditableEvent;

/** The operator's written authorisation (授权书) of a testing method was recorded: scope, window, letter. */
public record TestingAuthorised(long spotCheckId, long authorisationId, InspectionMethod method, java.time.Instant windowFrom, java.time.Instant windowUntil, String letterSha256) implements AuditableEvent {

    @Override
    public String action() {
        return "spotcheck.authorised";
    }

    @Override
    public String subject() {
        return "spotcheck:" + spotCheckId;
    }

    @Override
    public String detail() {
        return method + " #" + authorisationId + " " + windowFrom + ".." + windowUntil + " letter " + letterSha256;
    }
}
