package org.inspectorate.finding;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a finding's asset (资产) reads: {@code 10.0.0.1:443/tcp}, {@code [2001:db8::1]:443/tcp} (brackets keep an
 * IPv6 address apart from its port), and the host alone for a finding about the host as a whole (no port, or
 * port 0 — Nessus' {@code general}).
 */
public final class Assets {

    /** An IPv4 address or host name, an optional port, a protocol: what imports wrote before brackets. */
    private static final Pattern OLD = Pattern.compile("([^:/\\[\\]\\s]+)(?::(\\d{1,5}))?/([a-z0-9-]+)");

    private Assets() {
    }

    /** The asset of a host, port and protocol as the register stores it; {@code null} without a host. */
    public static String of(String host, Integer port, String protocol) {
        if (host == null) {
            return null;
        }
        if (port == null || port == 0) {
            return host;
        }
        String h = host.indexOf(':') >= 0 ? "[" + host + "]" : host;
        return h + ":" + port + (protocol == null ? "" : "/" + protocol);
    }

    /**
     * The stored asset as the pages show it. Rows imported before the brackets read the same way where that is
     * certain ({@code 10.0.101.2/tcp}, port 0, shows as the host); an IPv6 address with a port appended is
     * ambiguous ({@code 2001:db8::1:443} is an address too) and is shown as stored.
     */
    public static String display(String asset) {
        if (asset == null) {
            return null;
        }
        Matcher m = OLD.matcher(asset);
        if (m.matches() && m.group(2) == null) {
            return m.group(1);
        }
        return asset;
    }
}
