package org.inspectorate.filing;

import org.inspectorate.system.AuditableEvent;

/**
 * An evaluation or assessment was recorded ({@code obligation.recorded}), its result reported
 * ({@code obligation.reported}), or its report file downloaded ({@code obligation.report.downloaded}).
 */
public record ObligationEvent(String action, long recordId, long unitId, String detail) implements AuditableEvent {

    @Override
    public String subject() {
        return "obligation:" + recordId + "/unit:" + unitId;
    }
}
