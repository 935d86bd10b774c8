package org.inspectorate.selfinspection;

import org.inspectorate.system.AuditableEvent;

/**
 * A self-inspection changed or its report was viewed or exported ({@code selfinspection.answered},
 * {@code selfinspection.submitted}, {@code selfinspection.report.viewed}, …), for the audit trail.
 */
public record SelfInspectionEvent(String action, String subject, String detail) implements AuditableEvent {

    static SelfInspectionEvent of(String action, long workspaceId, String detail) {
        return new SelfInspectionEvent("selfinspection." + action, "self-inspection:" + workspaceId, detail);
    }
}
