package org.inspectorate.draw;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Seals a draw's secret seed (AES-256-GCM, the draw id as associated data) between scheduling and the draw,
 * so that a copy of the database alone does not reveal it before the draw, and a seed moved to another draw
 * does not open.
 */
@Component
class SeedSeal {

    private static final int NONCE = 12;
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(SeedSeal.class);

    private final SecretKeySpec key;
    private final SecureRandom random;

    SeedSeal(@Value("${inspectorate.draw.seal-key:}") String base64Key) {
        this.random = new SecureRandom();
        if (base64Key == null || base64Key.isBlank()) {
            // No shared default key: an installation without its own key cannot schedule a draw.
            this.key = null;
            LOG.warn("INSPECTORATE_DRAW_SEAL_KEY is not set: draws cannot be scheduled until it is "
                    + "(32 random bytes in Base64, the same on every node)");
            return;
        }
        byte[] k = Base64.getDecoder().decode(base64Key.strip());
        if (k.length != 32) {
            throw new IllegalStateException("inspectorate.draw.seal-key must be 32 bytes in Base64");
        }
        this.key = new SecretKeySpec(k, "AES");
    }

    private SecretKeySpec key() {
        if (key == null) {
            throw new IllegalStateException("INSPECTORATE_DRAW_SEAL_KEY is not set (32 random bytes in Base64)");
        }
        return key;
    }

    String seal(long drawId, DrawSeed seed) {
        SecretKeySpec key = key();
        try {
            byte[] nonce = new byte[NONCE];
            random.nextBytes(nonce);
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
            c.updateAAD(("draw:" + drawId).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            byte[] sealed = c.doFinal(seed.bytes());
            byte[] out = new byte[NONCE + sealed.length];
            System.arraycopy(nonce, 0, out, 0, NONCE);
            System.arraycopy(sealed, 0, out, NONCE, sealed.length);
            return Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot seal the seed", e);
        }
    }

    /** The seed, or an exception when the sealed text was altered or belongs to another draw. */
    DrawSeed open(long drawId, String sealed) {
        SecretKeySpec key = key();
        try {
            byte[] in = Base64.getDecoder().decode(sealed);
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, in, 0, NONCE));
            c.updateAAD(("draw:" + drawId).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            return DrawSeed.of(c.doFinal(in, NONCE, in.length - NONCE));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("the sealed seed of draw " + drawId + " does not open", e);
        }
    }
}
