package org.inspectorate.organisation;

import java.util.Locale;
import java.util.Optional;

/**
 * A unified social credit code (统一社会信用代码, GB 32100-2015): 18 characters from a 31-character
 * alphabet, the last a check character computed from the first 17 with modulus 31.
 */
public record CreditCode(String value) {

    /** The code's alphabet: digits and upper-case letters without I, O, Z, S and V. */
    static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    public CreditCode {
        if (problemWith(value).isPresent()) {
            throw new IllegalArgumentException("not a valid unified social credit code: " + value);
        }
    }

    /** Parses user input: surrounding space trimmed, letters upper-cased. */
    public static CreditCode parse(String input) {
        return new CreditCode(normalise(input));
    }

    static String normalise(String input) {
        return input == null ? null : input.strip().toUpperCase(Locale.ROOT);
    }

    /**
     * Why {@code value} is not a valid code, as a message key, or empty when it is valid.
     */
    public static Optional<String> problemWith(String value) {
        if (value == null || value.length() != 18) {
            return Optional.of("creditCode.length");
        }
        for (int i = 0; i < 18; i++) {
            if (ALPHABET.indexOf(value.charAt(i)) < 0) {
                return Optional.of("creditCode.character");
            }
        }
        for (int i = 2; i < 8; i++) {
            if (!Character.isDigit(value.charAt(i))) {
                return Optional.of("creditCode.division");
            }
        }
        if (value.charAt(17) != checkCharacter(value.substring(0, 17))) {
            return Optional.of("creditCode.checksum");
        }
        return Optional.empty();
    }

    /** The check character for the first 17 characters of a code. */
    public static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += ALPHABET.indexOf(first17.charAt(i)) * WEIGHTS[i];
        }
        int check = (31 - sum % 31) % 31;
        return ALPHABET.charAt(check);
    }

    @Override
    public String toString() {
        return value;
    }
}
