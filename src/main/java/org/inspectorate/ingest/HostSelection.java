package org.inspectorate.ingest;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.inspectorate.filing.CidrRange;

/**
 * Which unmatched hosts of an import one assignment takes (选择主机): the hosts named, every address in a CIDR
 * range, or a domain and every name under it. As SQL over {@code import_unmatched_host h}, so that a range of
 * thousands of hosts is taken set-wise, never listed in memory; {@link #label()} says it in the audit trail.
 */
record HostSelection(String where, Map<String, Object> params, String label) {

    /** The hosts named (canonical spellings). */
    static HostSelection hosts(List<String> hosts) {
        String label = hosts.size() == 1 ? hosts.get(0) : hosts.get(0) + " (+" + (hosts.size() - 1) + ")";
        return new HostSelection("h.host IN (:hosts)", Map.of("hosts", List.copyOf(hosts)), label);
    }

    /** Every address of the range, IPv4 or IPv6 (by their natural sort keys). */
    static HostSelection cidr(CidrRange range) {
        String[] keys = HostSortKey.range(range);
        return new HostSelection("h.sort_key >= :low AND h.sort_key < :high", Map.of("low", keys[0], "high", keys[1]),
                range.toString());
    }

    /** The domain itself and every name under it ({@code example.cn} takes {@code www.example.cn}). */
    static HostSelection domain(String domain) {
        String escaped = domain.replace("!", "!!").replace("%", "!%").replace("_", "!_");
        return new HostSelection("(h.host = :domain OR (h.host LIKE :under ESCAPE '!' AND h.sort_key LIKE :names))",
                Map.of("domain", domain, "under", "%." + escaped, "names", "3%"), domain);
    }

    /** The statement's parameters: the selection's and the import's id. */
    Map<String, Object> params(long importId) {
        Map<String, Object> p = new HashMap<>(params);
        p.put("id", importId);
        return p;
    }

    @Override
    public String where() {
        return "h.import_id = :id AND " + where;
    }
}
