package org.inspectorate.draw;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;

import org.inspectorate.draw.algorithm.DrawSeed;
import org.inspectorate.system.SecretSeal;
import org.junit.jupiter.api.Test;

class SeedSealTest {

    /** The test profile's key (application-test.properties). */
    private static final String KEY = "ZGVtby1vbmx5LWRyYXctc2VhbC1rZXktMzItYnl0ZXM=";

    private static final DrawSeed SEED =
            DrawSeed.fromHex("00112233445566778899aabbccddeeff102132435465768798a9bacbdcedfe0f");

    /**
     * {@link #SEED} sealed for draw 42 by the earlier SeedSeal (before it used {@link SecretSeal}): Base64 of the
     * nonce, the raw seed bytes encrypted and the tag, no marker — taken from that version's code with this key.
     */
    private static final String SEALED_BY_THE_EARLIER_FORMAT =
            "SGSVjEsB6xDhwgvh4VDEQ7JUzm/ab+8SIKmVWoKdmEoKNkTH6s4MRyM2VmKAeRoKF2aayKUgBtc3rLSF";

    private final SeedSeal seal = new SeedSeal(KEY);

    @Test
    void aSeedSealedInTheEarlierFormatStillOpensForItsOwnDrawOnly() {
        assertThat(seal.open(42, SEALED_BY_THE_EARLIER_FORMAT)).isEqualTo(SEED);
        assertThatThrownBy(() -> seal.open(43, SEALED_BY_THE_EARLIER_FORMAT)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aSeedIsSealedInTheSharedFormatAndOpensForItsOwnDrawOnly() {
        DrawSeed seed = DrawSeed.generate(new SecureRandom());
        String sealed = seal.seal(42, seed);
        assertThat(sealed).startsWith(SecretSeal.MARKER).doesNotContain(seed.hex());
        assertThat(seal.open(42, sealed)).isEqualTo(seed);
        assertThat(SecretSeal.fromBase64("k", KEY).open(sealed, "draw:42")).isEqualTo(seed.hex());
        assertThatThrownBy(() -> seal.open(43, sealed)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void anAlteredOrForeignSealedSeedDoesNotOpen() {
        String sealed = seal.seal(42, SEED);
        int at = SecretSeal.MARKER.length() + 20; // a character of the ciphertext
        String altered = sealed.substring(0, at) + (sealed.charAt(at) == 'A' ? 'B' : 'A') + sealed.substring(at + 1);
        assertThatThrownBy(() -> seal.open(42, altered)).isInstanceOf(IllegalStateException.class);
        String otherKey = new SeedSeal("b3RoZXIta2V5LW90aGVyLWtleS1vdGhlci1rZXktMzI=").seal(42, SEED);
        assertThatThrownBy(() -> seal.open(42, otherKey)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> seal.open(42, "not base64 at all!")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void withoutAKeyNoSeedIsSealed() {
        assertThatThrownBy(() -> new SeedSeal("").seal(42, SEED)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("INSPECTORATE_DRAW_SEAL_KEY");
    }
}
