package org.inspectorate.ingest;

import java.math.BigInteger;
import java.net.URI;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.inspectorate.filing.Asset;
import org.inspectorate.filing.AssetKind;
import org.inspectorate.filing.CidrRange;
import org.inspectorate.filing.IpAddress;
import org.inspectorate.filing.UnitAssets;

/**
 * Ties a report's host to the network unit whose assets contain it, from an index built once per import
 * (no query per finding): hosts the user assigned earlier first, then exact IP addresses (a hash map), then
 * CIDR ranges by longest prefix (one hash map per prefix length and address family), then URL hosts and
 * domains exactly, then domains by suffix ({@code example.cn} holds {@code www.example.cn}). When two units
 * list the same asset the older unit wins. Results are remembered per host, so a report of 100,000
 * findings on 5,000 hosts matches 5,000 times. Plain Java, no name resolution ever.
 */
final class HostMatcher {

    private final Map<String, Long> assigned = new HashMap<>();
    private final Map<IpAddress, Long> addresses = new HashMap<>();
    /** prefix length (descending) → masked network → unit, for IPv4 and IPv6 apart. */
    private final Map<Integer, TreeMap<Integer, Map<BigInteger, Long>>> ranges = new HashMap<>();
    private final Map<String, Long> exactHosts = new HashMap<>();
    private final Map<String, Long> domains = new HashMap<>();
    private final Map<String, Optional<Long>> memo = new HashMap<>();

    HostMatcher(List<UnitAssets> units, Map<String, Long> assignments) {
        assignments.forEach((host, unit) -> assigned.put(host.toLowerCase(Locale.ROOT), unit));
        for (UnitAssets unit : units) {
            for (Asset asset : unit.assets()) {
                index(unit.unitId(), asset);
            }
        }
    }

    private void index(long unit, Asset asset) {
        try {
            if (asset.kind() == AssetKind.IP_ADDRESS) {
                addresses.putIfAbsent(IpAddress.parse(asset.value()), unit);
            } else if (asset.kind() == AssetKind.CIDR) {
                CidrRange range = CidrRange.parse(asset.value());
                ranges.computeIfAbsent(range.network().bits(), b -> new TreeMap<>(Comparator.reverseOrder()))
                        .computeIfAbsent(range.prefixLength(), p -> new HashMap<>())
                        .putIfAbsent(masked(range.network(), range.prefixLength()), unit);
            } else if (asset.kind() == AssetKind.DOMAIN) {
                domains.putIfAbsent(name(asset.value()), unit);
            } else if (asset.kind() == AssetKind.URL) {
                String host = URI.create(asset.value()).getHost();
                if (host != null) {
                    String h = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
                    if (h.indexOf(':') >= 0 || Character.isDigit(h.charAt(h.length() - 1))) {
                        addresses.putIfAbsent(IpAddress.parse(h), unit);
                    } else {
                        exactHosts.putIfAbsent(name(h), unit);
                    }
                }
            }
        } catch (RuntimeException e) {
            // assets were validated when filed; one that no longer parses simply matches nothing
        }
    }

    /** The unit that holds the host, if any. */
    Optional<Long> unitOf(String host) {
        return memo.computeIfAbsent(host, this::find);
    }

    private Optional<Long> find(String host) {
        String h = name(host);
        Long unit = assigned.get(h);
        if (unit != null) {
            return Optional.of(unit);
        }
        if (h.indexOf(':') >= 0 || h.chars().allMatch(c -> c == '.' || Character.isDigit(c))) {
            IpAddress ip;
            try {
                ip = IpAddress.parse(h);
            } catch (RuntimeException e) {
                return Optional.empty();
            }
            unit = addresses.get(ip);
            if (unit != null) {
                return Optional.of(unit);
            }
            TreeMap<Integer, Map<BigInteger, Long>> byPrefix = ranges.get(ip.bits());
            if (byPrefix != null) {
                for (Map.Entry<Integer, Map<BigInteger, Long>> e : byPrefix.entrySet()) {
                    unit = e.getValue().get(masked(ip, e.getKey()));
                    if (unit != null) {
                        return Optional.of(unit);
                    }
                }
            }
            return Optional.empty();
        }
        unit = exactHosts.get(h);
        if (unit != null) {
            return Optional.of(unit);
        }
        for (String suffix = h; suffix != null; suffix = parent(suffix)) {
            unit = domains.get(suffix);
            if (unit != null) {
                return Optional.of(unit);
            }
        }
        return Optional.empty();
    }

    private static String parent(String name) {
        int dot = name.indexOf('.');
        return dot < 0 ? null : name.substring(dot + 1);
    }

    private static String name(String host) {
        String h = host.strip().toLowerCase(Locale.ROOT);
        return h.endsWith(".") ? h.substring(0, h.length() - 1) : h;
    }

    private static BigInteger masked(IpAddress ip, int prefix) {
        int bits = ip.bits();
        BigInteger number = new BigInteger(1, ip.bytes());
        return prefix == 0 ? BigInteger.ZERO : number.shiftRight(bits - prefix);
    }
}
