package org.inspectorate.system;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals a short secret for storage (AES-256-GCM, a random 96-bit nonce per value), bound to a context
 * string used as associated data: a sealed value copied to another row (another context) does not open,
 * nor does one altered in any bit. A sealed value is text: {@value #MARKER} then the Base64 of nonce,
 * ciphertext and tag; the marker tells a sealed value from a clear one written by an earlier version, and
 * leaves room for another scheme later.
 *
 * <p>Plain Java: the owning module reads its own key from its configuration and decides what a missing
 * key means.
 */
public final class SecretSeal {

    /** The prefix of every value sealed by this scheme. */
    public static final String MARKER = "v1:";

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final int KEY_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    private SecretSeal(byte[] key) {
        this.key = new SecretKeySpec(key, "AES");
    }

    /**
     * The seal for a key of 32 bytes in Base64.
     *
     * @param property the configuration property the key came from, named in the error message
     * @throws IllegalStateException when the text is not Base64 of exactly 32 bytes
     */
    public static SecretSeal fromBase64(String property, String base64Key) {
        byte[] k;
        try {
            k = Base64.getDecoder().decode(base64Key == null ? "" : base64Key.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(property + " must be 32 bytes in Base64 (e.g. `openssl rand -base64 32`)", e);
        }
        if (k.length != KEY_BYTES) {
            throw new IllegalStateException(property + " must be 32 bytes in Base64 (e.g. `openssl rand -base64 32`); it has "
                    + k.length);
        }
        return new SecretSeal(k);
    }

    /** Whether {@code stored} carries this scheme's marker (and so is not a clear value). */
    public static boolean isSealed(String stored) {
        return stored != null && stored.startsWith(MARKER);
    }

    /** {@code secret} sealed for {@code context}; a new nonce each time, so equal secrets never look alike. */
    public String seal(String secret, String context) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            RANDOM.nextBytes(nonce);
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            c.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = c.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[NONCE_BYTES + sealed.length];
            System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
            System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
            return MARKER + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot seal a secret", e);
        }
    }

    /**
     * The secret sealed in {@code stored} for {@code context}.
     *
     * @throws SealBroken when the value is not sealed, was altered, belongs to another context or was sealed
     *         with another key
     */
    public String open(String stored, String context) {
        return new String(openBytes(stored, context), StandardCharsets.UTF_8);
    }

    /**
     * The raw bytes sealed in {@code stored} for {@code context}: for values sealed as bytes by an earlier scheme
     * with the same cipher, nonce and tag layout (the caller puts {@value #MARKER} in front of their Base64).
     *
     * @throws SealBroken as {@link #open}
     */
    public byte[] openBytes(String stored, String context) {
        if (!isSealed(stored)) {
            throw new SealBroken("the value is not sealed");
        }
        try {
            byte[] in = Base64.getDecoder().decode(stored.substring(MARKER.length()));
            if (in.length <= NONCE_BYTES) {
                throw new SealBroken("the sealed value is too short");
            }
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, NONCE_BYTES));
            c.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            return c.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new SealBroken("the sealed value does not open under this key and context");
        }
    }

    /** A sealed value that does not open: wrong key, wrong context, altered, or not sealed at all. */
    public static final class SealBroken extends RuntimeException {

        SealBroken(String message) {
            super(message);
        }
    }
}
