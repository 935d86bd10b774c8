package org.inspectorate.finding;

import org.inspectorate.system.AuditableEvent;

/** An evidence file was attached ({@code evidence.attached}) or downloaded ({@code evidence.downloaded}). */
public record EvidenceEvent(String action, long evidenceId, String detail) implements AuditableEvent {

    @Override
    public String subject() {
        return "evidence:" + evidenceId;
    }
}
