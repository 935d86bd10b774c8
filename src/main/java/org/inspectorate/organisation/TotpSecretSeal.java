package org.inspectorate.organisation;

import java.util.Optional;

import org.inspectorate.system.SecretSeal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Seals each account's TOTP secret at rest ({@link SecretSeal}, the account id as associated data), so that a
 * copy of the database alone does not give away anyone's second factor, and a sealed secret moved to another
 * account does not open there.
 *
 * <p>The key is {@code inspectorate.security.mfa-seal-key} (32 bytes, Base64). As with the draw's seed key,
 * only the demo and test profiles have a (public) default: an installation without its own key starts, warns,
 * and refuses every use of the second factor until the key is set. While a key is being rotated,
 * {@code inspectorate.security.mfa-previous-seal-key} names the old one: values still sealed with it open,
 * and {@link TotpSecretSealing} re-seals them with the new key at start-up.
 */
@Component
class TotpSecretSeal {

    static final String KEY_PROPERTY = "inspectorate.security.mfa-seal-key";
    static final String PREVIOUS_KEY_PROPERTY = "inspectorate.security.mfa-previous-seal-key";
    private static final Logger LOG = LoggerFactory.getLogger(TotpSecretSeal.class);

    private final SecretSeal current;
    private final SecretSeal previous;

    TotpSecretSeal(@Value("${" + KEY_PROPERTY + ":}") String key,
            @Value("${" + PREVIOUS_KEY_PROPERTY + ":}") String previousKey) {
        if (key == null || key.isBlank()) {
            // No shared default key: without its own key an installation cannot use the second factor.
            this.current = null;
            LOG.warn("INSPECTORATE_MFA_SEAL_KEY is not set: nobody can enrol or enter a TOTP code until it is "
                    + "(32 random bytes in Base64, the same on every node)");
        } else {
            this.current = SecretSeal.fromBase64(KEY_PROPERTY, key);
        }
        this.previous = previousKey == null || previousKey.isBlank() ? null
                : SecretSeal.fromBase64(PREVIOUS_KEY_PROPERTY, previousKey);
    }

    boolean hasKey() {
        return current != null;
    }

    String seal(long accountId, String secret) {
        return key().seal(secret, context(accountId));
    }

    /**
     * The secret of account {@code accountId}.
     *
     * @throws SecretSeal.SealBroken when the value is clear text, altered, of another account or of an unknown key
     */
    String open(long accountId, String sealed) {
        try {
            return key().open(sealed, context(accountId));
        } catch (SecretSeal.SealBroken e) {
            return withPrevious(accountId, sealed).orElseThrow(() -> e);
        }
    }

    /** The value sealed with the current key, when it is clear text or sealed with the previous key; else empty. */
    Optional<String> resealed(long accountId, String stored) {
        if (!SecretSeal.isSealed(stored)) {
            return Optional.of(seal(accountId, stored));
        }
        try {
            key().open(stored, context(accountId));
            return Optional.empty();
        } catch (SecretSeal.SealBroken e) {
            return withPrevious(accountId, stored).map(secret -> seal(accountId, secret));
        }
    }

    private Optional<String> withPrevious(long accountId, String sealed) {
        if (previous == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(previous.open(sealed, context(accountId)));
        } catch (SecretSeal.SealBroken e) {
            return Optional.empty();
        }
    }

    private SecretSeal key() {
        if (current == null) {
            throw new IllegalStateException("INSPECTORATE_MFA_SEAL_KEY is not set (32 random bytes in Base64): "
                    + "TOTP secrets cannot be sealed or opened");
        }
        return current;
    }

    private static String context(long accountId) {
        return "user_account:" + accountId + ":totp";
    }
}
