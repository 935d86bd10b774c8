package org.inspectorate.ingest;

import java.util.regex.Pattern;

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

    /** A host from a report, or the error naming the value. */
    static String host(String raw, long line, long column) {
        String host = raw == null ? "" : raw.strip();
        if (!isValid(host)) {
            throw ReportParseException.of("ingest.parse.host-invalid", line, column, abbreviate(host));
        }
        return host;
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
