package org.inspectorate.finding;

import org.inspectorate.system.AuditableEvent;

/** Someone listed a finding's evidence files through the API. */
public record FindingEvidenceViewed(long findingId, int files) implements AuditableEvent {

    @Override
    public String action() {
        return "finding.evidence.viewed";
    }

    @Override
    public String subject() {
        return "finding:" + findingId;
    }

    @Override
    public String detail() {
        return "files=" + files;
    }
}
