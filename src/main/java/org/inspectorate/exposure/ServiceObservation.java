package org.inspectorate.exposure;

import java.util.Locale;

/**
 * One open port an import saw on a unit's host (端口观测), as the import hands it to
 * {@link ObservedServices.Session#observe}: the host in its canonical spelling, the port 1–65535, the protocol
 * ({@code null} is kept as {@code unknown}), and the service names as the scanner wrote them (any may be null).
 * Texts longer than the columns are cut.
 */
public record ServiceObservation(long unitId, String host, int port, String protocol, String serviceName,
        String product, String version) {

    static final String UNKNOWN_PROTOCOL = "unknown";

    public ServiceObservation {
        if (host == null || host.isBlank() || host.length() > 255) {
            throw new IllegalArgumentException("an observation names a host of at most 255 characters");
        }
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        host = host.strip().toLowerCase(Locale.ROOT);
        protocol = protocol == null || protocol.isBlank() ? UNKNOWN_PROTOCOL
                : cut(protocol.strip().toLowerCase(Locale.ROOT), 10);
        serviceName = cut(serviceName, 100);
        product = cut(product, 200);
        version = cut(version, 100);
    }

    private static String cut(String s, int max) {
        if (s == null || s.isBlank()) {
            return null;
        }
        String t = s.strip();
        return t.length() <= max ? t : t.substring(0, max);
    }
}
