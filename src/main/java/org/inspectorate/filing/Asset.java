package org.inspectorate.filing;

/** One validated asset of a unit, in canonical form; {@code openPorts} may be {@code null}. */
public record Asset(AssetKind kind, String value, String openPorts) {

    /** One line for comparisons and lists: {@code CIDR 203.0.113.0/24 [80,443]}. */
    public String describe() {
        return kind.name() + " " + value + (openPorts == null ? "" : " [" + openPorts + "]");
    }
}
