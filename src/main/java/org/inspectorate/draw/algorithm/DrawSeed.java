package org.inspectorate.draw.algorithm;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The secret seed of a draw: 32 bytes from {@link SecureRandom}, kept secret from scheduling until the
 * draw, when it is revealed. Only its SHA-256 is published beforehand (commit-reveal).
 */
public final class DrawSeed {

    public static final int LENGTH = 32;

    private final byte[] bytes;

    private DrawSeed(byte[] bytes) {
        if (bytes.length != LENGTH) {
            throw new IllegalArgumentException("a seed is " + LENGTH + " bytes, got " + bytes.length);
        }
        this.bytes = bytes.clone();
    }

    public static DrawSeed generate(SecureRandom random) {
        byte[] b = new byte[LENGTH];
        random.nextBytes(b);
        return new DrawSeed(b);
    }

    public static DrawSeed of(byte[] bytes) {
        return new DrawSeed(Checks.required(bytes, "seed"));
    }

    /** Parses 64 lower- or upper-case hexadecimal digits. */
    public static DrawSeed fromHex(String hex) {
        Checks.required(hex, "seed");
        if (hex.length() != 2 * LENGTH) {
            throw new IllegalArgumentException("a seed is " + 2 * LENGTH + " hexadecimal digits, got " + hex.length());
        }
        try {
            return new DrawSeed(HexFormat.of().parseHex(hex));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the seed is not hexadecimal: " + e.getMessage(), e);
        }
    }

    public byte[] bytes() {
        return bytes.clone();
    }

    /** Lower-case hexadecimal, as revealed and published. */
    public String hex() {
        return HexFormat.of().formatHex(bytes);
    }

    /** Lower-case hexadecimal SHA-256 of the 32 raw bytes: what the commitment publishes. */
    public String sha256Hex() {
        return CanonicalJson.hex(CanonicalJson.sha256(bytes));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DrawSeed other && MessageDigest.isEqual(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    /** Never prints the secret. */
    @Override
    public String toString() {
        return "DrawSeed[sha256=" + sha256Hex() + "]";
    }
}
