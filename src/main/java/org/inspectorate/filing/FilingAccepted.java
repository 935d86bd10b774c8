package org.inspectorate.filing;

import org.inspectorate.system.AuditableEvent;

/**
 * The authority accepted a submitted filing (备案通过, {@code filing.accepted}): a first filing with its new filing
 * number, a change (its content now in force) or a decommissioning (the unit is retired). Other modules follow
 * from it: the level-driven obligations start or restart at {@code level}.
 *
 * @param unitId the network unit
 * @param operatorId the operator (organisation) whose unit it is
 * @param versionNo the version now in force
 * @param filingNumber the unit's filing number (备案编号)
 * @param level the grade level of the version now in force
 * @param kind what was accepted: a first filing, a change or a decommissioning
 */
public record FilingAccepted(long unitId, long operatorId, int versionNo, String filingNumber, GradeLevel level,
        FilingKind kind) implements AuditableEvent {

    @Override
    public String action() {
        return "filing.accepted";
    }

    @Override
    public String subject() {
        return "filing:" + unitId + "/v" + versionNo;
    }

    @Override
    public String detail() {
        return filingNumber;
    }

    /** Whether the unit is retired by it (退网备案 accepted). */
    public boolean decommissions() {
        return kind == FilingKind.DECOMMISSION;
    }
}
