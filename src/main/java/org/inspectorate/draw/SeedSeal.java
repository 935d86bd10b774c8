package org.inspectorate.draw;

import org.inspectorate.draw.algorithm.DrawSeed;
import org.inspectorate.system.SecretSeal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Seals a draw's secret seed ({@link SecretSeal}: AES-256-GCM, {@code draw:<id>} as associated data) between
 * scheduling and the draw, so that a copy of the database alone does not reveal it before the draw, and a seed
 * moved to another draw does not open. The seed is sealed as its hexadecimal text in {@link SecretSeal}'s format
 * ({@value SecretSeal#MARKER}…); seeds sealed before that (the Base64 of nonce, the 32 raw bytes encrypted and the
 * tag, under the same key and associated data, without the marker) still open.
 */
@Component
class SeedSeal {

    private static final Logger LOG = LoggerFactory.getLogger(SeedSeal.class);

    private final SecretSeal seal;

    SeedSeal(@Value("${inspectorate.draw.seal-key:}") String base64Key) {
        if (base64Key == null || base64Key.isBlank()) {
            // No shared default key: an installation without its own key cannot schedule a draw.
            this.seal = null;
            LOG.warn("INSPECTORATE_DRAW_SEAL_KEY is not set: draws cannot be scheduled until it is "
                    + "(32 random bytes in Base64, the same on every node)");
            return;
        }
        this.seal = SecretSeal.fromBase64("inspectorate.draw.seal-key", base64Key);
    }

    private SecretSeal seal() {
        if (seal == null) {
            throw new IllegalStateException("INSPECTORATE_DRAW_SEAL_KEY is not set (32 random bytes in Base64)");
        }
        return seal;
    }

    String seal(long drawId, DrawSeed seed) {
        return seal().seal(seed.hex(), context(drawId));
    }

    /** The seed, or an exception when the sealed text was altered or belongs to another draw. */
    DrawSeed open(long drawId, String sealed) {
        SecretSeal s = seal();
        try {
            if (SecretSeal.isSealed(sealed)) {
                return DrawSeed.fromHex(s.open(sealed, context(drawId)));
            }
            // the earlier format: the same cipher and layout over the raw bytes, without the marker
            return DrawSeed.of(s.openBytes(SecretSeal.MARKER + sealed, context(drawId)));
        } catch (SecretSeal.SealBroken | IllegalArgumentException | NullPointerException e) {
            throw new IllegalStateException("the sealed seed of draw " + drawId + " does not open", e);
        }
    }

    private static String context(long drawId) {
        return "draw:" + drawId;
    }
}
