package org.inspectorate.agency;

import java.time.LocalDate;

import org.inspectorate.system.AuditableEvent;

/** A regulator's officer recorded a vetting (审查) of the inspector, valid until a day. */
public record InspectorVetted(long userId, LocalDate vettedOn, LocalDate validUntil) implements AuditableEvent {

    @Override
    public String action() {
        return "agency.inspector.vetted";
    }

    @Override
    public String subject() {
        return "inspector:" + userId;
    }

    @Override
    public String detail() {
        return "vettedOn=" + vettedOn + " validUntil=" + validUntil;
    }
}
