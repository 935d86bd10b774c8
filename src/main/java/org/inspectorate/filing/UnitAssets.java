package org.inspectorate.filing;

import java.util.List;

/** A network unit's name and assets, as a scanner import matches hosts against them. */
public record UnitAssets(long unitId, long organisationId, String name, List<Asset> assets) {

    public UnitAssets {
        assets = List.copyOf(assets);
    }
}
