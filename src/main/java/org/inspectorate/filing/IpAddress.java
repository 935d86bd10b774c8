package org.inspectorate.filing;

import java.math.BigInteger;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * An IPv4 or IPv6 address (IP 地址), in canonical text: IPv4 dotted decimal without leading zeros
 * (which some tools read as octal), IPv6 compressed and lower-case (RFC 5952). Only literals are
 * parsed: nothing here ever asks a DNS resolver. Zone identifiers and IPv4-mapped IPv6 forms are refused.
 */
public record IpAddress(String text, byte[] bytes) {

    private static final Pattern IPV4 = Pattern.compile(
            "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    private static final Pattern IPV6_CHARS = Pattern.compile("[0-9A-Fa-f:.]+");

    public IpAddress {
        bytes = bytes.clone();
    }

    public static IpAddress parse(String input) {
        String s = input == null ? "" : input.strip();
        if (IPV4.matcher(s).matches()) {
            return of(literal(s, input));
        }
        if (s.contains(":") && IPV6_CHARS.matcher(s).matches()) {
            InetAddress address = literal(s, input);
            if (!(address instanceof Inet6Address)) {
                throw new InvalidValueException("filing.asset.ip.invalid", input);
            }
            return of(address);
        }
        throw new InvalidValueException("filing.asset.ip.invalid", input);
    }

    static IpAddress of(byte[] bytes) {
        try {
            return of(InetAddress.getByAddress(bytes));
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static IpAddress of(InetAddress address) {
        byte[] b = address.getAddress();
        return new IpAddress(address instanceof Inet4Address ? address.getHostAddress() : compress(b), b);
    }

    /** Only called with text already restricted to address characters, so no lookup happens. */
    private static InetAddress literal(String s, String input) {
        try {
            return InetAddress.getByName(s);
        } catch (UnknownHostException e) {
            throw new InvalidValueException("filing.asset.ip.invalid", input);
        }
    }

    /** The number of bits in this family's addresses: 32 or 128. */
    public int bits() {
        return bytes.length * 8;
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    BigInteger asNumber() {
        return new BigInteger(1, bytes);
    }

    private static String compress(byte[] b) {
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = ((b[2 * i] & 0xff) << 8) | (b[2 * i + 1] & 0xff);
        }
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; i++) {
            int j = i;
            while (j < 8 && groups[j] == 0) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = Math.max(i, j);
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                out.append("::");
                i += bestLength - 1;
                continue;
            }
            if (out.length() > 0 && out.charAt(out.length() - 1) != ':') {
                out.append(':');
            }
            out.append(Integer.toHexString(groups[i]));
        }
        return out.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IpAddress other && text.equals(other.text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    @Override
    public String toString() {
        return text;
    }
}
