package org.inspectorate.filing;

import java.util.Arrays;

/**
 * A network unit's security-protection level (安全防护级别): Decree 11 names five levels; the YD/T
 * standards split level 3 into 3.1 and 3.2. Declared from lowest to highest.
 */
public enum GradeLevel {
    LEVEL_1("1"), LEVEL_2("2"), LEVEL_3_1("3.1"), LEVEL_3_2("3.2"), LEVEL_4("4"), LEVEL_5("5");

    private final String code;

    GradeLevel(String code) {
        this.code = code;
    }

    /** As written in filings: {@code 1}, {@code 2}, {@code 3.1}, {@code 3.2}, {@code 4}, {@code 5}. */
    public String code() {
        return code;
    }

    /** Whether this level is 3.1 or above (yearly evaluation and assessment). */
    public boolean isThreeOrAbove() {
        return compareTo(LEVEL_3_1) >= 0;
    }

    public String messageKey() {
        return "filing.level." + code;
    }

    /**
     * The level written as {@code code} (or as the enum name); anything else, such as {@code 3.3} or
     * {@code 6}, fails with the message key {@code filing.level.invalid}.
     */
    public static GradeLevel parse(String input) {
        String s = input == null ? "" : input.strip();
        return Arrays.stream(values()).filter(l -> l.code.equals(s) || l.name().equals(s)).findFirst()
                .orElseThrow(() -> new InvalidValueException("filing.level.invalid", s));
    }
}
