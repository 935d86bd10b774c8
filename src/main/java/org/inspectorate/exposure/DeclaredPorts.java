package org.inspectorate.exposure;

import java.math.BigInteger;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.inspectorate.filing.Asset;
import org.inspectorate.filing.AssetKind;
import org.inspectorate.filing.CidrRange;
import org.inspectorate.filing.IpAddress;
import org.inspectorate.filing.UnitContent;

/**
 * Whether a unit's filing declares a port seen open on a host (申报端口): plain Java over the filed content, no
 * Spring, no name resolution.
 * <ul>
 * <li>A port or range in the unit's "main protocols and ports" text ({@code HTTP/80, HTTPS/443},
 * {@code 8000-8080}) declares it on every host of the unit: the text is free, so it names no host.</li>
 * <li>An asset's open ports ({@code 80,443,8000-8080}) declare them on the hosts the asset holds: the address
 * itself, an address inside the range, the domain and its subdomains, the URL's host. A URL also declares
 * its own port (written, or its scheme's 80/443).</li>
 * </ul>
 * The protocol is not compared: neither the text nor the asset ports say tcp or udp.
 */
final class DeclaredPorts {

    /** A number or range of numbers standing alone: not part of a version ({@code TLS1.2}) nor a word ({@code v2}). */
    private static final Pattern PORTS = Pattern.compile(
            "(?<![\\w.])(\\d{1,5})(?:\\s*[-~–]\\s*(\\d{1,5}))?(?![\\w.])");

    private final List<int[]> unitWide;
    private final List<Asset> assets;

    DeclaredPorts(String protocolsAndPorts, List<Asset> assets) {
        this.unitWide = ranges(protocolsAndPorts);
        this.assets = List.copyOf(assets);
    }

    static DeclaredPorts of(UnitContent content) {
        return new DeclaredPorts(content.protocolsAndPorts(), content.assets());
    }

    /** Whether the filing declares {@code port} on {@code host} (a canonical IP address or lower-case name). */
    boolean declares(String host, int port) {
        if (contains(unitWide, port)) {
            return true;
        }
        String h = name(host);
        for (Asset asset : assets) {
            if (holds(asset, h) && (contains(ranges(asset.openPorts()), port) || urlPort(asset) == port)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the asset holds the host: the same address, inside the range, the domain or below it, the URL's host. */
    static boolean holds(Asset asset, String host) {
        try {
            return switch (asset.kind()) {
                case IP_ADDRESS -> isAddress(host) && IpAddress.parse(host).equals(IpAddress.parse(asset.value()));
                case CIDR -> isAddress(host) && inside(IpAddress.parse(host), CidrRange.parse(asset.value()));
                case DOMAIN -> {
                    String d = name(asset.value());
                    yield host.equals(d) || host.endsWith("." + d);
                }
                case URL -> {
                    String u = urlHost(asset.value());
                    yield u != null && (isAddress(u) && isAddress(host)
                            ? IpAddress.parse(u).equals(IpAddress.parse(host)) : u.equals(host));
                }
                case APP_PACKAGE -> false;
            };
        } catch (RuntimeException e) {
            return false; // validated when filed; a value that no longer parses holds nothing
        }
    }

    /** Port ranges in free text, as {low, high} pairs; numbers outside 1–65535 are not ports. */
    static List<int[]> ranges(String text) {
        List<int[]> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        Matcher m = PORTS.matcher(text);
        while (m.find()) {
            int low = Integer.parseInt(m.group(1));
            int high = m.group(2) == null ? low : Integer.parseInt(m.group(2));
            if (low >= 1 && high <= 65_535 && low <= high) {
                out.add(new int[] {low, high});
            }
        }
        return out;
    }

    private static boolean contains(List<int[]> ranges, int port) {
        for (int[] r : ranges) {
            if (port >= r[0] && port <= r[1]) {
                return true;
            }
        }
        return false;
    }

    private static int urlPort(Asset asset) {
        if (asset.kind() != AssetKind.URL) {
            return -1;
        }
        try {
            URI uri = URI.create(asset.value());
            if (uri.getPort() > 0) {
                return uri.getPort();
            }
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return scheme.equals("https") ? 443 : scheme.equals("http") ? 80 : -1;
        } catch (RuntimeException e) {
            return -1;
        }
    }

    private static String urlHost(String url) {
        String host = URI.create(url).getHost();
        if (host == null) {
            return null;
        }
        return name(host.startsWith("[") ? host.substring(1, host.length() - 1) : host);
    }

    private static boolean inside(IpAddress ip, CidrRange range) {
        if (ip.bits() != range.network().bits()) {
            return false;
        }
        int shift = ip.bits() - range.prefixLength();
        return new BigInteger(1, ip.bytes()).shiftRight(shift)
                .equals(new BigInteger(1, range.network().bytes()).shiftRight(shift));
    }

    private static boolean isAddress(String host) {
        return host.indexOf(':') >= 0 || host.chars().allMatch(c -> c == '.' || Character.isDigit(c));
    }

    private static String name(String host) {
        String h = host.strip().toLowerCase(Locale.ROOT);
        return h.endsWith(".") ? h.substring(0, h.length() - 1) : h;
    }
}
