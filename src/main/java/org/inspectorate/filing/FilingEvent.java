package org.inspectorate.filing;

import org.inspectorate.system.AuditableEvent;

/**
 * A network unit or its filing changed state, or its details were viewed ({@code filing.viewed},
 * {@code filing.compared}): {@code filing.unit.created}, {@code filing.unit.updated},
 * {@code filing.change.opened}, {@code filing.submitted}, {@code filing.accepted}, {@code filing.returned}.
 */
public record FilingEvent(String action, long unitId, int versionNo, String detail) implements AuditableEvent {

    @Override
    public String subject() {
        return "filing:" + unitId + "/v" + versionNo;
    }
}
