package org.inspectorate.finding;

import org.inspectorate.system.AuditableEvent;

/** An evidence file was downloaded. */
public record EvidenceDownloaded(long evidenceId, String ownerKind, long ownerId, String fileName,
        String sha256) implements AuditableEvent {

    @Override
    public String action() {
        return "evidence.downloaded";
    }

    @Override
    public String subject() {
        return "evidence:" + evidenceId;
    }

    @Override
    public String detail() {
        return ownerKind + ":" + ownerId + " " + fileName + " sha256=" + sha256;
    }
}
