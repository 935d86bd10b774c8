package org.inspectorate.ingest;

/** Something the importer noticed about a finding's data that a reviewer should know. */
public enum FindingFlag {
    /** A text was longer than the importer keeps and was cut (the scanner's report holds the rest). */
    TEXT_TRUNCATED,
    /**
     * A CSV cell started with {@code = + - @} (or a tab / carriage return): it was kept as plain text and
     * never evaluated, but exports must not hand it to a spreadsheet as a formula.
     */
    FORMULA_LIKE_TEXT,
    /**
     * The tool itself asks a person to look before the item counts either way (SARIF {@code kind} {@code review}
     * or {@code open}): recorded as a finding, but not as a confirmed failure (待人工复核).
     */
    NEEDS_REVIEW
}
