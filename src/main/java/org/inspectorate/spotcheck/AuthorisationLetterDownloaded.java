package org.inspectorate.spotcheck;

import org.inspectorate.system.AuditableEvent;

/** Someone downloaded an authorisation's signed letter. */
record AuthorisationLetterDownloaded(long spotCheckId, long authorisationId) implements AuditableEvent {

    @Override
    public String action() {
        return "spotcheck.letter.downloaded";
    }

    @Override
    public String subject() {
        return "spotcheck:" + spotCheckId;
    }

    @Override
    public String detail() {
        return "authorisation " + authorisationId;
    }
}
