package org.inspectorate.agency;

import org.inspectorate.system.AuditableEvent;

/** A regulator's officer downloaded a signed confidentiality commitment (保密承诺书). */
public record CommitmentDownloaded(long commitmentId, String sha256) implements AuditableEvent {

    @Override
    public String action() {
        return "agency.commitment.downloaded";
    }

    @Override
    public String subject() {
        return "commitment:" + commitmentId;
    }

    @Override
    public String detail() {
        return "sha256=" + sha256;
    }
}
