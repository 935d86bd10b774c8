package org.inspectorate.filing;

/** An operator changed a unit's draft, or a returned filing into a new draft ({@code filing.unit.updated}). */
record UnitUpdated(long unitId, int versionNo, String name) implements UnitChanged {

    @Override
    public String action() {
        return "filing.unit.updated";
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
