package org.inspectorate.organisation;

import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * At start-up, seals every TOTP secret still stored in clear text (written by a version before sealing) and
 * re-seals those sealed with the previous key during a key rotation. Idempotent: a value already sealed with
 * the current key is left alone, and each row is replaced only if it still holds what was read, so several
 * nodes starting together do no harm. Skipped by the read-only audit verification run.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class TotpSecretSealing implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(TotpSecretSealing.class);

    private final SignInRepository signIns;
    private final TotpSecretSeal seal;
    private final boolean readOnlyRun;

    TotpSecretSealing(SignInRepository signIns, TotpSecretSeal seal,
            @Value("${inspectorate.audit.verify:false}") boolean readOnlyRun) {
        this.signIns = signIns;
        this.seal = seal;
        this.readOnlyRun = readOnlyRun;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!readOnlyRun) {
            sealAll();
        }
    }

    /** What one pass did. */
    record Result(int sealed, int unreadable, int unchanged) {
    }

    Result sealAll() {
        if (!seal.hasKey()) {
            long waiting = signIns.storedTotpSecrets().size();
            if (waiting > 0) {
                LOG.warn("{} TOTP secrets stay as they are until INSPECTORATE_MFA_SEAL_KEY is set", waiting);
            }
            return new Result(0, 0, (int) waiting);
        }
        int sealed = 0;
        int unreadable = 0;
        int unchanged = 0;
        for (SignInRepository.StoredSecret row : signIns.storedTotpSecrets()) {
            Optional<String> resealed;
            try {
                resealed = seal.resealed(row.accountId(), row.value());
            } catch (RuntimeException e) {
                resealed = Optional.empty();
            }
            if (resealed.isPresent()) {
                if (signIns.replaceTotpSecret(row.accountId(), row.value(), resealed.get())) {
                    sealed++;
                }
            } else if (opens(row)) {
                unchanged++;
            } else {
                unreadable++;
            }
        }
        if (sealed > 0) {
            LOG.info("Sealed {} TOTP secrets with the current key", sealed);
        }
        if (unreadable > 0) {
            LOG.error("{} TOTP secrets open under neither the current nor the previous key "
                    + "(inspectorate.security.mfa-previous-seal-key); those accounts cannot pass the second factor "
                    + "until the right key is configured or the security administrator resets their MFA", unreadable);
        }
        return new Result(sealed, unreadable, unchanged);
    }

    private boolean opens(SignInRepository.StoredSecret row) {
        try {
            seal.open(row.accountId(), row.value());
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
