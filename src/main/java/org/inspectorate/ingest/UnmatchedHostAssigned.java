package org.inspectorate.ingest;

import org.inspectorate.system.AuditableEvent;

/**
 * Unmatched hosts of a finished import were assigned to a unit of its scope (主机归属): their waiting findings
 * were imported into that unit, and later imports of the operator match the hosts without asking.
 *
 * @param host          the host, or the selection that took several (a CIDR range, a domain, the first host
 *                      and how many more)
 * @param moved         the findings that waited for the hosts; {@code created}, {@code updated} and
 *                      {@code unchanged} say what they did to the register
 * @param hosts         how many hosts were assigned
 * @param addedToAssets whether the hosts were proposed as the unit's assets in its draft (变更备案草稿)
 */
public record UnmatchedHostAssigned(long importId, String host, long unitId, int moved, int created, int updated,
        int unchanged, String by, int hosts, boolean addedToAssets) implements AuditableEvent {

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
        return host + " -> unit:" + unitId + ", " + moved + " findings, " + created + " new"
                + (hosts == 1 ? "" : ", " + hosts + " hosts") + (addedToAssets ? ", proposed as assets" : "");
    }

    @Override
    public String actor() {
        return by;
    }
}
