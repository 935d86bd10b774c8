package org.inspectorate.bench;

import java.util.Locale;

/**
 * How much a generated dataset holds. {@code national}: the country (200,000 operators, 400,000 network units,
 * 5,000,000 findings of which 1,000,000 belong to one operator); {@code million}: 1,000,000 findings for MariaDB and
 * H2; {@code tiny}: a few thousand rows for the test.
 *
 * @param bigFindings the findings of the one operator {@code n-op-big} (within {@code findings})
 * @param bigUnits    the network units of that operator (within {@code units})
 */
record Preset(String name, int operators, int units, int findings, int bigFindings, int bigUnits, int answers,
        int auditEntries) {

    static final Preset NATIONAL = new Preset("national", 200_000, 400_000, 5_000_000, 1_000_000, 2_000, 1_000_000,
            1_000_000);
    static final Preset MILLION = new Preset("million", 40_000, 80_000, 1_000_000, 200_000, 500, 200_000, 200_000);
    static final Preset TINY = new Preset("tiny", 60, 150, 2_000, 500, 10, 280, 500);

    Preset {
        if (operators < 40 || units < operators + bigUnits || bigFindings > findings) {
            throw new IllegalArgumentException("inconsistent preset " + name);
        }
    }

    static Preset named(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "national" -> NATIONAL;
            case "million" -> MILLION;
            case "tiny" -> TINY;
            default -> throw new IllegalArgumentException("unknown preset " + name + " (national, million, tiny)");
        };
    }
}
