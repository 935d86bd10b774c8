package org.inspectorate.finding;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Something the importer noticed about a finding's data that a reviewer should know (数据提示), shown as a
 * translated badge ({@code finding.flag.<NAME>}); stored as a comma-separated set of the names.
 */
public enum ImportFlag {
    /** A text was longer than the register keeps and was cut (the scanner's report holds the rest). */
    TEXT_TRUNCATED,
    /** A CSV cell that looked like a spreadsheet formula; kept as plain text, never evaluated. */
    FORMULA_LIKE_TEXT,
    /** The report gave a CVSS vector that is not a complete vector of a version the register scores. */
    CVSS_NOT_PARSED,
    /** The tool says a person must look at it to decide (SARIF {@code kind} {@code review} or {@code open}). */
    NEEDS_REVIEW;

    public String messageKey() {
        return "finding.flag." + name();
    }

    /** The stored form: names in declaration order, comma-separated; {@code null} for none. */
    static String join(Set<ImportFlag> flags) {
        return flags == null || flags.isEmpty() ? null
                : EnumSet.copyOf(flags).stream().map(Enum::name).collect(Collectors.joining(","));
    }

    /** The flags of the stored form; names this version does not know are left out. */
    static Set<ImportFlag> parse(String stored) {
        Set<ImportFlag> flags = EnumSet.noneOf(ImportFlag.class);
        if (stored != null) {
            Arrays.stream(stored.split(",")).map(String::strip).forEach(name -> Arrays.stream(values())
                    .filter(f -> f.name().equals(name)).forEach(flags::add));
        }
        return flags;
    }
}
