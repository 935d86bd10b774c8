package org.inspectorate.ingest;

import java.util.List;

/**
 * What a user asks to assign (主机指派): one {@code host}, a list of {@code hosts}, every host of a {@code cidr}
 * range or of a {@code domain} (exactly one of these), to the unit {@code unitId}; {@code addToAssets} also
 * proposes the hosts as the unit's assets in its draft.
 */
public record HostAssignment(String host, List<String> hosts, String cidr, String domain, Long unitId,
        boolean addToAssets) {

    public HostAssignment {
        hosts = hosts == null ? List.of() : hosts.stream().filter(h -> h != null && !h.isBlank()).toList();
    }

    /** One host to a unit, as the form of each row asks. */
    public static HostAssignment of(String host, Long unitId) {
        return new HostAssignment(host, null, null, null, unitId, false);
    }
}
