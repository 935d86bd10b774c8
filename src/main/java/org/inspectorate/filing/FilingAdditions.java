package org.inspectorate.filing;

import java.util.List;

/**
 * What another module proposes to add to a unit's filing, from what a scan saw (补充备案内容): assets to
 * list (an address the unit answers on, with the ports seen open there) and ports for the unit's "main
 * protocols and ports". {@link NetworkUnits#proposeAdditions} writes them into a draft the operator reviews
 * and submits; nothing is filed by itself.
 *
 * @param assets           assets as typed by a person ({@code kind} an {@link AssetKind} name); an asset the
 *                         filing already lists gets the ports added to its own
 * @param protocolsAndPorts text appended to the unit's protocols and ports, e.g. {@code 8443/tcp https};
 *                         {@code null} for none
 */
public record FilingAdditions(List<AssetInput> assets, String protocolsAndPorts) {

    public FilingAdditions {
        assets = assets == null ? List.of() : List.copyOf(assets);
    }

    /** Whether there is nothing to add. */
    public boolean isEmpty() {
        return assets.isEmpty() && (protocolsAndPorts == null || protocolsAndPorts.isBlank());
    }
}
