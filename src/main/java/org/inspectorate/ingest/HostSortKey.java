package org.inspectorate.ingest;

import java.math.BigInteger;
import java.util.HexFormat;

import org.inspectorate.filing.CidrRange;
import org.inspectorate.filing.IpAddress;

/**
 * The key that sorts unmatched hosts naturally in SQL (自然排序): IPv4 addresses numerically, then IPv6
 * addresses numerically (a zone after the address), then host names alphabetically, {@code (code)} last. A key
 * is a family digit and, for an address, its bits in fixed-width lowercase hex, so that text order is number
 * order and a CIDR range is a range of keys. Plain Java, no name resolution.
 */
final class HostSortKey {

    private static final String IPV4 = "1";
    private static final String IPV6 = "2";
    private static final String NAME = "3";
    private static final String CODE = "4";
    private static final String MAPPED = "::ffff:";

    private HostSortKey() {
    }

    /** The key of a host as staged (canonical when it is valid). */
    static String of(String host) {
        if (UnmatchedHost.CODE.equals(host)) {
            return CODE;
        }
        String address = host;
        String zone = "";
        int percent = host.indexOf('%');
        if (percent >= 0 && host.indexOf(':') >= 0) {
            address = host.substring(0, percent);
            zone = host.substring(percent);
        }
        if (address.startsWith(MAPPED) && address.indexOf('.') > 0) {
            IpAddress v4 = ip(address.substring(MAPPED.length()));
            if (v4 != null && v4.bits() == 32) {
                return IPV6 + "0".repeat(20) + "ffff" + HexFormat.of().formatHex(v4.bytes()) + zone;
            }
        }
        if (address.indexOf(':') >= 0 || !address.isEmpty() && address.chars().allMatch(c -> c == '.' || Character.isDigit(c))) {
            IpAddress ip = ip(address);
            if (ip != null) {
                return (ip.bits() == 32 ? IPV4 : IPV6) + HexFormat.of().formatHex(ip.bytes()) + zone;
            }
        }
        return NAME + host;
    }

    /**
     * The keys of the range's addresses: from the first (inclusive) to the key after the last (exclusive), so
     * that an address with a zone ({@code fe80::1%eth0} in {@code fe80::/64}) falls inside. Only hex digits and
     * family digits decide, whatever the database's collation does with punctuation.
     */
    static String[] range(CidrRange range) {
        IpAddress network = range.network();
        int bits = network.bits();
        BigInteger low = new BigInteger(1, network.bytes());
        BigInteger next = low.add(BigInteger.ONE.shiftLeft(bits - range.prefixLength()));
        String family = bits == 32 ? IPV4 : IPV6;
        int digits = bits / 4;
        String end = next.bitLength() > bits ? (bits == 32 ? IPV6 : NAME) : family + hex(next, digits);
        return new String[] {family + hex(low, digits), end};
    }

    private static String hex(BigInteger number, int digits) {
        String hex = number.toString(16);
        return "0".repeat(digits - hex.length()) + hex;
    }

    private static IpAddress ip(String text) {
        try {
            return IpAddress.parse(text);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
