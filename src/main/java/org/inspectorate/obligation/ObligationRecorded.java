package org.inspectorate.obligation;

import java.time.LocalDate;

import org.inspectorate.system.AuditableEvent;

/**
 * An operator recorded a conformity evaluation or risk assessment ({@code obligation.recorded}), with its report
 * file's SHA-256 if one came.
 */
record ObligationRecorded(long recordId, long unitId, ObligationKind kind, LocalDate performedOn,
        ObligationOutcome result, String reportSha256) implements AuditableEvent {

    @Override
    public String action() {
        return "obligation.recorded";
    }

    @Override
    public String subject() {
        return "obligation:" + recordId + "/unit:" + unitId;
    }

    @Override
    public String detail() {
        return kind + " " + performedOn + " " + result + (reportSha256 == null ? "" : " report sha256=" + reportSha256);
    }
}
