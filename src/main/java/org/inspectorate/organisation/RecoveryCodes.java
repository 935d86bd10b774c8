package org.inspectorate.organisation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Recovery codes (恢复码) for the second factor, in plain Java: {@value #COUNT} codes issued together, each
 * 16 characters from a 32-letter alphabet without look-alikes (80 random bits), shown as four groups of four
 * ({@code K7QM-2WXD-9HTC-RF4B}). Each stands in for one TOTP code, once. Only a SHA-256 of each code, salted
 * with the account id, is stored: with 80 random bits a fast hash is enough, as for API tokens.
 */
final class RecoveryCodes {

    static final int COUNT = 10;
    static final int LENGTH = 16;
    private static final int GROUP = 4;
    /** Crockford's base32: no I, L, O or U, so a code read aloud or typed by hand is not misread. */
    private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    private RecoveryCodes() {
    }

    /** {@value #COUNT} new codes, formatted for reading. */
    static List<String> newCodes(SecureRandom random) {
        List<String> codes = new ArrayList<>(COUNT);
        while (codes.size() < COUNT) {
            StringBuilder code = new StringBuilder();
            for (int i = 0; i < LENGTH; i++) {
                if (i > 0 && i % GROUP == 0) {
                    code.append('-');
                }
                code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            if (!codes.contains(code.toString())) {
                codes.add(code.toString());
            }
        }
        return codes;
    }

    /**
     * The code as typed, reduced to its 16 characters (case, spaces and dashes ignored; O read as 0, I and L
     * as 1, as Crockford's base32 does); empty when it cannot be a recovery code.
     */
    static Optional<String> normalised(String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        StringBuilder out = new StringBuilder();
        for (char c : typed.toUpperCase(Locale.ROOT).toCharArray()) {
            if (c == '-' || Character.isWhitespace(c)) {
                continue;
            }
            char d = c == 'O' ? '0' : (c == 'I' || c == 'L') ? '1' : c;
            if (ALPHABET.indexOf(d) < 0) {
                return Optional.empty();
            }
            out.append(d);
        }
        return out.length() == LENGTH ? Optional.of(out.toString()) : Optional.empty();
    }

    /** What is stored for {@code code} of account {@code accountId}: the hex SHA-256 of both. */
    static String hash(long accountId, String code) {
        String normalised = normalised(code).orElseThrow(() -> new IllegalArgumentException("not a recovery code"));
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(("recovery:" + accountId + ":" + normalised).getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
