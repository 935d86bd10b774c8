package org.inspectorate.spotcheck;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What an authorisation lets the team test (授权范围), plain Java: one entry a line — a host name (a leading
 * {@code *.} for its sub-domains), an IP address, a CIDR range, a URL (its prefix), or a repository ({@code repo:}
 * name, a {@code git@} address or a {@code .git} URL). {@link #covers} says whether a target the inspector names is
 * inside. IP literals are parsed without any name look-up.
 */
final class AuthorisationScope {

    static final int MAX_ENTRIES = 200;

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:]*:[0-9a-fA-F:.]*");
    private static final Pattern HOST = Pattern.compile("(\\*\\.)?[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*");

    private record Range(byte[] network, int prefix) {
    }

    private final List<String> hosts = new ArrayList<>();
    private final List<Range> ranges = new ArrayList<>();
    private final List<String> urls = new ArrayList<>();
    private final List<String> repositories = new ArrayList<>();
    private final List<String> invalid = new ArrayList<>();

    private AuthorisationScope() {
    }

    /** The scope of the text; {@link #invalid()} lists the lines it could not read. */
    static AuthorisationScope parse(String text) {
        AuthorisationScope scope = new AuthorisationScope();
        if (text != null) {
            for (String line : text.split("[\\r\\n,;]+")) {
                String entry = line.strip();
                if (!entry.isEmpty()) {
                    scope.add(entry);
                }
            }
        }
        return scope;
    }

    List<String> invalid() {
        return invalid;
    }

    int size() {
        return hosts.size() + ranges.size() + urls.size() + repositories.size();
    }

    private void add(String entry) {
        String lower = entry.toLowerCase(Locale.ROOT);
        if (lower.startsWith("repo:") || lower.startsWith("git@") || lower.endsWith(".git")) {
            repositories.add(lower.startsWith("repo:") ? lower.substring(5).strip() : lower);
        } else if (lower.startsWith("http://") || lower.startsWith("https://")) {
            if (hostOf(lower) == null) {
                invalid.add(entry);
            } else {
                urls.add(lower);
            }
        } else if (lower.contains("/")) {
            Range r = range(lower);
            if (r == null) {
                invalid.add(entry);
            } else {
                ranges.add(r);
            }
        } else if (ip(lower) != null) {
            byte[] address = ip(lower);
            ranges.add(new Range(address, address.length * 8));
        } else if (HOST.matcher(lower).matches()) {
            hosts.add(lower);
        } else {
            invalid.add(entry);
        }
    }

    /** Whether the target — a host, an IP address, a URL or a repository — lies inside the scope. */
    boolean covers(String target) {
        if (target == null || target.isBlank()) {
            return false;
        }
        String t = target.strip().toLowerCase(Locale.ROOT);
        if (repositories.contains(t) || repositories.contains(t.startsWith("repo:") ? t.substring(5).strip() : t)) {
            return true;
        }
        if (urls.stream().anyMatch(t::startsWith)) {
            return true;
        }
        String host = t.startsWith("http://") || t.startsWith("https://") ? hostOf(t) : t;
        if (host == null) {
            return false;
        }
        byte[] address = ip(host);
        if (address != null) {
            return ranges.stream().anyMatch(r -> inside(address, r));
        }
        return hosts.stream().anyMatch(h -> h.startsWith("*.") ? host.endsWith(h.substring(1)) : h.equals(host));
    }

    private static String hostOf(String url) {
        try {
            String host = URI.create(url).getHost();
            if (host != null && host.startsWith("[") && host.endsWith("]")) {
                host = host.substring(1, host.length() - 1);
            }
            return host;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Range range(String cidr) {
        int slash = cidr.indexOf('/');
        byte[] network = ip(cidr.substring(0, slash));
        try {
            int prefix = Integer.parseInt(cidr.substring(slash + 1));
            return network == null || prefix < 0 || prefix > network.length * 8 ? null : new Range(network, prefix);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The address of an IP literal; {@code null} for anything else (never a DNS look-up). */
    private static byte[] ip(String text) {
        boolean v4 = IPV4.matcher(text).matches();
        if (!v4 && !IPV6.matcher(text).matches()) {
            return null;
        }
        if (v4) {
            for (String part : text.split("\\.")) {
                if (Integer.parseInt(part) > 255) {
                    return null;
                }
            }
        }
        try {
            return InetAddress.getByName(text).getAddress();
        } catch (UnknownHostException | SecurityException e) {
            return null;
        }
    }

    private static boolean inside(byte[] address, Range r) {
        if (address.length != r.network().length) {
            return false;
        }
        int bits = address.length * 8;
        BigInteger mask = BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE)
                .xor(BigInteger.ONE.shiftLeft(bits - r.prefix()).subtract(BigInteger.ONE));
        return new BigInteger(1, address).and(mask).equals(new BigInteger(1, r.network()).and(mask));
    }
}
