package org.inspectorate.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;

import org.inspectorate.system.SecretSeal;
import org.junit.jupiter.api.Test;

class TotpSecretSealTest {

    static final String OLD_KEY = Base64.getEncoder().encodeToString("old-key-old-key-old-key-old-key!".getBytes());
    static final String NEW_KEY = Base64.getEncoder().encodeToString("new-key-new-key-new-key-new-key!".getBytes());
    private static final String SECRET = TotpCodes.newSecret();

    @Test
    void aSealedSecretNeverEqualsTheSecretAndOpensOnlyForItsOwnAccount() {
        TotpSecretSeal seal = new TotpSecretSeal(NEW_KEY, "");
        String sealed = seal.seal(7, SECRET);

        assertThat(sealed).isNotEqualTo(SECRET).doesNotContain(SECRET).startsWith(SecretSeal.MARKER);
        assertThat(seal.open(7, sealed)).isEqualTo(SECRET);
        assertThatThrownBy(() -> seal.open(8, sealed)).isInstanceOf(SecretSeal.SealBroken.class);
    }

    @Test
    void aSecretSealedWithAnotherKeyDoesNotOpen() {
        String sealed = new TotpSecretSeal(OLD_KEY, "").seal(7, SECRET);

        assertThatThrownBy(() -> new TotpSecretSeal(NEW_KEY, "").open(7, sealed))
                .isInstanceOf(SecretSeal.SealBroken.class);
    }

    @Test
    void duringARotationTheOldKeyStillOpensAndItsValuesAreResealedWithTheNewOne() {
        String old = new TotpSecretSeal(OLD_KEY, "").seal(7, SECRET);
        TotpSecretSeal rotating = new TotpSecretSeal(NEW_KEY, OLD_KEY);

        assertThat(rotating.open(7, old)).isEqualTo(SECRET);
        String resealed = rotating.resealed(7, old).orElseThrow();
        assertThat(new TotpSecretSeal(NEW_KEY, "").open(7, resealed)).isEqualTo(SECRET);
        assertThat(rotating.resealed(7, resealed)).as("already under the new key").isEmpty();
    }

    @Test
    void aClearSecretIsSealedAndNeverOpenedAsItIs() {
        TotpSecretSeal seal = new TotpSecretSeal(NEW_KEY, "");

        assertThatThrownBy(() -> seal.open(7, SECRET)).isInstanceOf(SecretSeal.SealBroken.class);
        assertThat(seal.open(7, seal.resealed(7, SECRET).orElseThrow())).isEqualTo(SECRET);
    }

    @Test
    void withoutAKeyTheSecondFactorIsRefusedNamingTheSetting() {
        TotpSecretSeal seal = new TotpSecretSeal("", "");

        assertThat(seal.hasKey()).isFalse();
        assertThatThrownBy(() -> seal.seal(7, SECRET)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("INSPECTORATE_MFA_SEAL_KEY");
    }
}
