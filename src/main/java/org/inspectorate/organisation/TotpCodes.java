package org.inspectorate.organisation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.OptionalLong;

import dev.samstevens.totp.code.CodeGenerator;
import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.code.HashingAlgorithm;
import dev.samstevens.totp.exceptions.CodeGenerationException;
import dev.samstevens.totp.exceptions.QrGenerationException;
import dev.samstevens.totp.qr.QrData;
import dev.samstevens.totp.qr.ZxingPngQrGenerator;
import dev.samstevens.totp.secret.DefaultSecretGenerator;
import dev.samstevens.totp.util.Utils;

/**
 * Time-based one-time passwords (RFC 6238: SHA-1, 6 digits, 30-second steps, as every authenticator app
 * reads them), in plain Java. A code is accepted for the current step and one step either side, to allow
 * for clock drift; the caller records the step so that no code is used twice.
 */
final class TotpCodes {

    static final int PERIOD_SECONDS = 30;
    static final int DIGITS = 6;
    private static final int ALLOWED_DRIFT_STEPS = 1;

    private final CodeGenerator generator = new DefaultCodeGenerator(HashingAlgorithm.SHA1, DIGITS);

    /** A new random secret, 32 base32 characters (160 bits). */
    static String newSecret() {
        return new DefaultSecretGenerator(32).generate();
    }

    /** The time step of {@code code} for {@code secret} at {@code epochSeconds}, if the code is right. */
    OptionalLong matchingStep(String secret, String code, long epochSeconds) {
        String candidate = code == null ? "" : code.replace(" ", "").strip();
        if (secret == null || candidate.length() != DIGITS || !candidate.chars().allMatch(Character::isDigit)) {
            return OptionalLong.empty();
        }
        long now = Math.floorDiv(epochSeconds, PERIOD_SECONDS);
        for (long step = now - ALLOWED_DRIFT_STEPS; step <= now + ALLOWED_DRIFT_STEPS; step++) {
            if (MessageDigest.isEqual(codeAt(secret, step).getBytes(StandardCharsets.US_ASCII),
                    candidate.getBytes(StandardCharsets.US_ASCII))) {
                return OptionalLong.of(step);
            }
        }
        return OptionalLong.empty();
    }

    String codeAt(String secret, long step) {
        try {
            return generator.generate(secret, step);
        } catch (CodeGenerationException e) {
            throw new IllegalStateException("cannot compute a TOTP code", e);
        }
    }

    /** The {@code otpauth://} URI as a QR code PNG, in a {@code data:} URI the page can show under its CSP. */
    static String qrCodeDataUri(String secret, String account, String issuer) {
        QrData data = new QrData.Builder().label(account).secret(secret).issuer(issuer)
                .algorithm(HashingAlgorithm.SHA1).digits(DIGITS).period(PERIOD_SECONDS).build();
        ZxingPngQrGenerator png = new ZxingPngQrGenerator();
        png.setImageSize(240);
        try {
            return Utils.getDataUriForImage(png.generate(data), png.getImageMimeType());
        } catch (QrGenerationException e) {
            throw new IllegalStateException("cannot draw the enrolment QR code", e);
        }
    }
}
