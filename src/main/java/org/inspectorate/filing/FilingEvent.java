package org.inspectorate.filing;

import org.inspectorate.system.AuditableEvent;

/**
 * A network unit or its filing changed state ({@code filing.unit.created}, {@code filing.unit.updated},
 * {@code filing.change.opened}, {@code filing.submitted}, {@code filing.accepted}, {@code filing.returned}), or its
 * details were viewed ({@code filing.viewed}, {@code filing.versions.viewed}, {@code filing.compared},
 * {@code obligation.records.viewed}: its evaluations and risk assessments).
 */
public record FilingEvent(String action, long unitId, int versionNo, String detail) implements AuditableEvent {

    @Override
    public String subject() {
        return "filing:" + unitId + "/v" + versionNo;
    }
}
