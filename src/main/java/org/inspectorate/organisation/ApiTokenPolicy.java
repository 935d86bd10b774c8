package org.inspectorate.organisation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Personal API tokens (个人访问令牌), in plain Java: {@code insp_} followed by 32 random bytes in
 * base64url (43 characters). Only the SHA-256 of a token is stored; the value is shown once. A token
 * is valid from creation until it expires (1 to {@value #MAX_VALIDITY_DAYS} days) or is revoked.
 */
final class ApiTokenPolicy {

    static final String PREFIX = "insp_";
    static final int RANDOM_BYTES = 32;
    static final int LENGTH = PREFIX.length() + 43;
    /** How much of the token is stored in clear, so that its owner can tell tokens apart. */
    static final int SHOWN_PREFIX_LENGTH = 12;
    static final int MAX_VALIDITY_DAYS = 365;
    static final int MAX_NAME_LENGTH = 100;

    private ApiTokenPolicy() {
    }

    static String newToken(SecureRandom random) {
        byte[] bytes = new byte[RANDOM_BYTES];
        random.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Whether {@code value} has the shape of a token at all (checked before any database look-up). */
    static boolean wellFormed(String value) {
        if (value == null || value.length() != LENGTH || !value.startsWith(PREFIX)) {
            return false;
        }
        for (int i = PREFIX.length(); i < value.length(); i++) {
            char c = value.charAt(i);
            boolean ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'
                    || c == '_';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    static String hash(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(value.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String shownPrefix(String value) {
        return value.substring(0, SHOWN_PREFIX_LENGTH);
    }

    static boolean validityAllowed(int days) {
        return days >= 1 && days <= MAX_VALIDITY_DAYS;
    }

    /** Usable now: not revoked, not expired. */
    static boolean usable(Instant expiresAt, Instant revokedAt, Instant now) {
        return revokedAt == null && expiresAt.isAfter(now);
    }
}
