package org.inspectorate.filing;

import java.math.BigInteger;

/**
 * An IPv4 or IPv6 address range in CIDR notation (IP 地址段), e.g. {@code 203.0.113.0/24}.
 * The prefix length must suit the family (0–32, 0–128) and the address must be the range's network
 * address: {@code 203.0.113.5/24} is refused, naming {@code 203.0.113.0/24}, rather than silently
 * corrected, because an operator who typed a host address may have meant a single host (/32) and
 * the filing must say what the operator means.
 */
public record CidrRange(IpAddress network, int prefixLength) {

    public CidrRange {
        if (prefixLength < 0 || prefixLength > network.bits()) {
            throw new InvalidValueException("filing.asset.cidr.prefix", network + "/" + prefixLength, network.bits());
        }
        IpAddress masked = mask(network, prefixLength);
        if (!masked.equals(network)) {
            throw new InvalidValueException("filing.asset.cidr.hostBits", network + "/" + prefixLength,
                    masked + "/" + prefixLength);
        }
    }

    public static CidrRange parse(String input) {
        String s = input == null ? "" : input.strip();
        int slash = s.indexOf('/');
        if (slash < 0 || slash != s.lastIndexOf('/')) {
            throw new InvalidValueException("filing.asset.cidr.invalid", input);
        }
        String prefix = s.substring(slash + 1);
        if (!prefix.matches("\\d{1,3}")) {
            throw new InvalidValueException("filing.asset.cidr.invalid", input);
        }
        IpAddress address;
        try {
            address = IpAddress.parse(s.substring(0, slash));
        } catch (InvalidValueException e) {
            throw new InvalidValueException("filing.asset.cidr.invalid", input);
        }
        return new CidrRange(address, Integer.parseInt(prefix));
    }

    private static IpAddress mask(IpAddress address, int prefixLength) {
        int bits = address.bits();
        BigInteger all = BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE);
        BigInteger hostMask = BigInteger.ONE.shiftLeft(bits - prefixLength).subtract(BigInteger.ONE);
        BigInteger masked = address.asNumber().and(all.xor(hostMask));
        byte[] raw = masked.toByteArray();
        byte[] out = new byte[bits / 8];
        int copy = Math.min(raw.length, out.length);
        System.arraycopy(raw, raw.length - copy, out, out.length - copy, copy);
        return IpAddress.of(out);
    }

    @Override
    public String toString() {
        return network + "/" + prefixLength;
    }
}
