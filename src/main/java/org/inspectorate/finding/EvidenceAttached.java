package org.inspectorate.finding;

import org.inspectorate.system.AuditableEvent;

/** An evidence file (证明材料) was attached to an owner record ({@code ownerKind}:{@code ownerId}); {@code kind} is the type sniffed from its bytes. */
public record EvidenceAttached(long evidenceId, String ownerKind, long ownerId, String fileName, String kind,
        String sha256) implements AuditableEvent {

    @Override
    public String action() {
        return "evidence.attached";
    }

    @Override
    public String subject() {
        return "evidence:" + evidenceId;
    }

    @Override
    public String detail() {
        return ownerKind + ":" + ownerId + " " + fileName + " " + kind + " sha256=" + sha256;
    }
}
