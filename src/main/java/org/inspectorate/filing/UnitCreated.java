package org.inspectorate.filing;

import org.inspectorate.system.AuditableEvent;

/** An operator created a network unit as a draft, version 1 ({@code filing.unit.created}). */
record UnitCreated(long unitId, int versionNo, String name) implements AuditableEvent {

    @Override
    public String action() {
        return "filing.unit.created";
    }

    @Override
    public String subject() {
        return "filing:" + unitId + "/v" + versionNo;
    }

    @Override
    public String detail() {
        return name;
    }
}
