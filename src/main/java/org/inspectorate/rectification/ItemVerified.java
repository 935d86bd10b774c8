package org.inspectorate.rectification;

import org.inspectorate.system.AuditableEvent;

/** One finding of the notice verified (整改核验): accepted (the finding closed) or rejected with a reason ({@code rectification.item.verified}). */
public record ItemVerified(long noticeId, long operatorId, long findingId, boolean accepted) implements AuditableEvent {

    @Override
    public String action() {
        return "rectification.item.verified";
    }

    @Override
    public String subject() {
        return "rectification-notice:" + noticeId;
    }

    @Override
    public String detail() {
        return "finding " + findingId + (accepted ? " accepted" : " rejected");
    }
}
