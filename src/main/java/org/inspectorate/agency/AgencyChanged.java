package org.inspectorate.agency;

import org.inspectorate.system.AuditableEvent;

/** A change to an agency or an inspector: profile, vetting, commitment, employment, conflict, relation. */
public record AgencyChanged(String action, String subject, String detail) implements AuditableEvent {
}
