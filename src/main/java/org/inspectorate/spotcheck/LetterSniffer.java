package org.inspectorate.spotcheck;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Tells a signed authorisation letter's type by its first bytes, never by its name or the browser's claim (the
 * agencies' commitment files are checked the same way): PDF, PNG or JPEG; anything else is refused.
 */
final class LetterSniffer {

    /** The largest letter kept: a scanned page or two. */
    static final int MAX_BYTES = 5 * 1024 * 1024;

    private LetterSniffer() {
    }

    /** {@code application/pdf}, {@code image/png} or {@code image/jpeg}; null for anything else. */
    static String contentType(byte[] b) {
        if (starts(b, "%PDF-".getBytes(StandardCharsets.US_ASCII))) {
            return "application/pdf";
        }
        if (starts(b, new byte[] { (byte) 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A })) {
            return "image/png";
        }
        if (starts(b, new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF })) {
            return "image/jpeg";
        }
        return null;
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean starts(byte[] b, byte[] magic) {
        if (b == null || b.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if (b[i] != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
