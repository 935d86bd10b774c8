package org.inspectorate.filing;

/** An operator changed a filed unit: a change filing (变更备案) opened as a new draft version ({@code filing.change.opened}). */
record ChangeOpened(long unitId, int versionNo, String name) implements UnitChanged {

    @Override
    public String action() {
        return "filing.change.opened";
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
