package org.inspectorate.draw;

import org.inspectorate.system.AuditableEvent;

/** A draw or draw rules changed state, or a draw's result was viewed or exported; never carries a secret seed. */
public record DrawChanged(String action, String subject, String detail) implements AuditableEvent {
}
