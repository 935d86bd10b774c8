package org.inspectorate.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;

import org.junit.jupiter.api.Test;

class SecretSealTest {

    private static final String KEY = Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());
    private static final String OTHER_KEY = Base64.getEncoder().encodeToString("fedcba9876543210fedcba9876543210".getBytes());
    private static final String SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

    private final SecretSeal seal = SecretSeal.fromBase64("test.key", KEY);

    @Test
    void aSealedValueCarriesTheMarkerAndNeverContainsTheSecret() {
        String sealed = seal.seal(SECRET, "user_account:1:totp");

        assertThat(sealed).startsWith(SecretSeal.MARKER).isNotEqualTo(SECRET).doesNotContain(SECRET);
        assertThat(SecretSeal.isSealed(sealed)).isTrue();
        assertThat(SecretSeal.isSealed(SECRET)).isFalse();
        assertThat(seal.open(sealed, "user_account:1:totp")).isEqualTo(SECRET);
    }

    @Test
    void sealingTheSameSecretTwiceGivesDifferentValues() {
        assertThat(seal.seal(SECRET, "c")).isNotEqualTo(seal.seal(SECRET, "c"));
    }

    @Test
    void aSealedValueDoesNotOpenInAnotherContext() {
        String sealed = seal.seal(SECRET, "user_account:1:totp");

        assertThatThrownBy(() -> seal.open(sealed, "user_account:2:totp")).isInstanceOf(SecretSeal.SealBroken.class);
    }

    @Test
    void aSealedValueDoesNotOpenUnderAnotherKey() {
        String sealed = seal.seal(SECRET, "c");

        assertThatThrownBy(() -> SecretSeal.fromBase64("other", OTHER_KEY).open(sealed, "c"))
                .isInstanceOf(SecretSeal.SealBroken.class);
    }

    @Test
    void anAlteredOrTruncatedOrClearValueDoesNotOpen() {
        String sealed = seal.seal(SECRET, "c");
        char last = sealed.charAt(sealed.length() - 3);
        String altered = sealed.substring(0, sealed.length() - 3) + (last == 'A' ? 'B' : 'A') + sealed.substring(sealed.length() - 2);

        assertThatThrownBy(() -> seal.open(altered, "c")).isInstanceOf(SecretSeal.SealBroken.class);
        assertThatThrownBy(() -> seal.open(SecretSeal.MARKER + "AAAA", "c")).isInstanceOf(SecretSeal.SealBroken.class);
        assertThatThrownBy(() -> seal.open(SECRET, "c")).isInstanceOf(SecretSeal.SealBroken.class);
        assertThatThrownBy(() -> seal.open(SecretSeal.MARKER + "not base64!", "c")).isInstanceOf(SecretSeal.SealBroken.class);
    }

    @Test
    void aKeyThatIsNotThirtyTwoBytesOfBase64IsRefusedNamingTheProperty() {
        assertThatThrownBy(() -> SecretSeal.fromBase64("inspectorate.x.key", Base64.getEncoder().encodeToString(new byte[16])))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("inspectorate.x.key");
        assertThatThrownBy(() -> SecretSeal.fromBase64("inspectorate.x.key", "%%%"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("inspectorate.x.key");
    }
}
