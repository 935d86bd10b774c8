package org.inspectorate.finding;

import java.time.LocalDate;

import org.inspectorate.system.AuditableEvent;

/** A finding was opened in the register (问题登记), by hand, from a self-inspection or by an import. */
public record FindingRecorded(long findingId, Severity severity, Category category, long networkUnitId,
        LocalDate dueOn) implements AuditableEvent {

    @Override
    public String action() {
        return "finding.opened";
    }

    @Override
    public String subject() {
        return "finding:" + findingId;
    }

    @Override
    public String detail() {
        return severity + " " + category + " unit " + networkUnitId + " due " + dueOn;
    }
}
