package org.inspectorate.ingest;

import org.inspectorate.system.AuditableEvent;

/**
 * An unmatched host of a finished import was assigned to a unit of its scope (主机归属): its waiting findings
 * were imported into that unit, and later imports of the operator match the host without asking.
 *
 * @param moved the findings that waited for the host; {@code created}, {@code updated} and {@code unchanged}
 *              say what they did to the register
 */
public record UnmatchedHostAssigned(long importId, String host, long unitId, int moved, int created, int updated,
        int unchanged, String by) implements AuditableEvent {

    @Override
    public String action() {
        return "import.assigned";
    }

    @Override
    public String subject() {
        return "import:" + importId;
    }

    @Override
    public String detail() {
        return host + " -> unit:" + unitId + ", " + moved + " findings, " + created + " new";
    }

    @Override
    public String actor() {
        return by;
    }
}
