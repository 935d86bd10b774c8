package org.inspectorate.ingest;

import java.net.IDN;
import java.util.Locale;
import java.util.regex.Pattern;

import org.inspectorate.filing.IpAddress;

/** What counts as a host and a port in a report. Plain rules, no name resolution ever. */
final class Hosts {

    static final int MAX_PORT = 65_535;
    private static final Pattern DIGITS_AND_DOTS = Pattern.compile("[0-9.]+");
    private static final Pattern IPV4 = Pattern.compile(
            "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    private static final Pattern HEX_COLON = Pattern.compile("[0-9A-Fa-f:.]+(%[0-9A-Za-z._-]+)?");
    private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9_]([A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?");

    private Hosts() {
    }

    /**
     * An IPv4 address, an IPv6 address or a DNS host name. A dotted string of digits must be a valid
     * IPv4 address ({@code 192.168.1.1001} is not a host name: top-level labels are never all digits).
     */
    static boolean isValid(String host) {
        if (host == null || host.isEmpty() || host.length() > 253) {
            return false;
        }
        if (DIGITS_AND_DOTS.matcher(host).matches()) {
            return IPV4.matcher(host).matches();
        }
        if (host.indexOf(':') >= 0) {
            return isIpv6(host);
        }
        String name = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
        for (String label : name.split("\\.", -1)) {
            if (!LABEL.matcher(label).matches()) {
                return false;
            }
        }
        return true;
    }

    private static boolean isIpv6(String host) {
        if (!HEX_COLON.matcher(host).matches()) {
            return false;
        }
        String address = host.contains("%") ? host.substring(0, host.indexOf('%')) : host;
        int doubleColon = address.indexOf("::");
        if (doubleColon >= 0 && address.indexOf("::", doubleColon + 1) >= 0) {
            return false;
        }
        String[] groups = address.split(":", -1);
        int count = 0;
        for (int i = 0; i < groups.length; i++) {
            String group = groups[i];
            if (group.isEmpty()) {
                continue;
            }
            if (group.contains(".")) {
                if (i != groups.length - 1 || !IPV4.matcher(group).matches()) {
                    return false;
                }
                count += 2;
            } else if (group.length() > 4 || group.contains(".")) {
                return false;
            } else {
                count++;
            }
        }
        return doubleColon >= 0 ? count < 8 : count == 8;
    }

    /**
     * A host from a report in its one canonical spelling (so that equivalent spellings give the same
     * deduplication key), or the error naming the value.
     */
    static String host(String raw, long line, long column) {
        String host = raw == null ? "" : raw.strip();
        String ascii = toAscii(host);
        if (ascii == null || !isValid(ascii)) {
            throw ReportParseException.of("ingest.parse.host-invalid", line, column, abbreviate(host));
        }
        return canonical(ascii);
    }

    /**
     * The canonical spelling of a valid host: IPv6 compressed and lowercase as RFC 5952 recommends (a zone
     * kept as written), IPv4 as is, a domain name lowercase in punycode without a trailing dot.
     */
    static String canonical(String host) {
        if (host.indexOf(':') >= 0) {
            return ipv6(host);
        }
        if (DIGITS_AND_DOTS.matcher(host).matches()) {
            return host;
        }
        String name = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
        return name.toLowerCase(Locale.ROOT);
    }

    /** A host typed by a user (an assignment): canonical when valid, else only trimmed and lowercased. */
    static String lenient(String raw) {
        String host = raw == null ? "" : raw.strip();
        String ascii = toAscii(host);
        return ascii != null && isValid(ascii) ? canonical(ascii) : host.toLowerCase(Locale.ROOT);
    }

    /** An internationalised domain name in punycode; ASCII text unchanged; {@code null} when not convertible. */
    private static String toAscii(String host) {
        for (int i = 0; i < host.length(); i++) {
            if (host.charAt(i) > 0x7f) {
                try {
                    return host.indexOf(':') >= 0 ? null : IDN.toASCII(host, IDN.ALLOW_UNASSIGNED);
                } catch (IllegalArgumentException e) {
                    return null;
                }
            }
        }
        return host;
    }

    private static String ipv6(String host) {
        int percent = host.indexOf('%');
        String address = percent >= 0 ? host.substring(0, percent) : host;
        String zone = percent >= 0 ? host.substring(percent) : "";
        int[] groups = new int[8];
        int doubleColon = address.indexOf("::");
        if (doubleColon >= 0) {
            int[] head = groups(address.substring(0, doubleColon));
            int[] tail = groups(address.substring(doubleColon + 2));
            System.arraycopy(head, 0, groups, 0, head.length);
            System.arraycopy(tail, 0, groups, 8 - tail.length, tail.length);
        } else {
            groups = groups(address);
        }
        StringBuilder out = new StringBuilder(39);
        if (groups[0] == 0 && groups[1] == 0 && groups[2] == 0 && groups[3] == 0 && groups[4] == 0
                && groups[5] == 0xffff) {
            // IPv4-mapped: the dotted quad stays readable (RFC 5952, section 5)
            return out.append("::ffff:").append(groups[6] >> 8).append('.').append(groups[6] & 0xff).append('.')
                    .append(groups[7] >> 8).append('.').append(groups[7] & 0xff).append(zone).toString();
        }
        // the filing module's address type compresses as RFC 5952 says (and never asks a resolver)
        return IpAddress.parse(address).text() + zone;
    }

    /** The 16-bit groups of one side of a valid IPv6 address, a trailing dotted quad counting as two. */
    private static int[] groups(String part) {
        if (part.isEmpty()) {
            return new int[0];
        }
        String[] texts = part.split(":", -1);
        boolean quad = texts[texts.length - 1].contains(".");
        int[] groups = new int[texts.length + (quad ? 1 : 0)];
        for (int i = 0; i < texts.length; i++) {
            if (quad && i == texts.length - 1) {
                String[] octets = texts[i].split("\\.");
                groups[i] = Integer.parseInt(octets[0]) << 8 | Integer.parseInt(octets[1]);
                groups[i + 1] = Integer.parseInt(octets[2]) << 8 | Integer.parseInt(octets[3]);
            } else {
                groups[i] = Integer.parseInt(texts[i], 16);
            }
        }
        return groups;
    }

    /** A port number from a report, or the error naming the value. */
    static int port(String raw, long line, long column) {
        String text = raw == null ? "" : raw.strip();
        try {
            int port = Integer.parseInt(text);
            if (port >= 0 && port <= MAX_PORT) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below with the value
        }
        throw ReportParseException.of("ingest.parse.port-invalid", line, column, abbreviate(text));
    }

    static String abbreviate(String value) {
        return value.length() > 80 ? value.substring(0, 80) + "…" : value;
    }
}
