package org.inspectorate.filing;

/** The kinds of asset a network unit lists, each with its own validation and canonical form. */
public enum AssetKind {
    DOMAIN, IP_ADDRESS, CIDR, URL, APP_PACKAGE;

    /** The canonical text of {@code raw} for this kind, or {@link InvalidValueException}. */
    public String normalise(String raw) {
        if (this == DOMAIN) {
            return DomainName.parse(raw).ascii();
        }
        if (this == IP_ADDRESS) {
            return IpAddress.parse(raw).text();
        }
        if (this == CIDR) {
            return CidrRange.parse(raw).toString();
        }
        if (this == URL) {
            return WebUrl.parse(raw).value();
        }
        return AppPackage.parse(raw).value();
    }

    public String messageKey() {
        return "filing.asset.kind." + name();
    }

    public static AssetKind parse(String input) {
        try {
            return valueOf(input == null ? "" : input.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException("filing.asset.kind.invalid", input);
        }
    }
}
