package org.inspectorate.exposure;

import java.time.Instant;

/**
 * A service a scanner saw on one of a unit's hosts (已观测服务): the open port and what answered there, with when
 * and by which import it was first and last seen. Names as the scanner wrote them; any may be {@code null}.
 */
public record ObservedService(long id, long organisationId, long unitId, String host, int port, String protocol,
        String serviceName, String product, String version, Instant firstSeenAt, Instant lastSeenAt,
        long firstImportId, long lastImportId) {

    /** {@code host:port/protocol}, an IPv6 address in brackets: {@code [2001:db8::1]:443/tcp}. */
    public String address() {
        return address(host, port, protocol);
    }

    static String address(String host, int port, String protocol) {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port + "/" + protocol;
    }
}
