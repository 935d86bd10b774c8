package org.inspectorate.finding;

import java.time.Instant;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One change in a finding's history: who, when, what, from which status to which, and the note. */
public record FindingHistoryEntry(Instant at, String by, String action, FindingStatus from, FindingStatus to,
        String note) {

    /** The notes imports write ({@code IMPORT NESSUS 6}, {@code import 6}), read as a message with arguments. */
    private static final Pattern IMPORT_NOTE = Pattern.compile("IMPORT ([A-Z]+) (\\d+)");
    private static final Pattern IMPORT_REASON = Pattern.compile("import (\\d+)");
    /** Report formats by their own names (product names, the same in every language). */
    private static final Map<String, String> FORMATS = Map.of("NESSUS", "Nessus", "OPENVAS", "OpenVAS", "NMAP",
            "Nmap", "SARIF", "SARIF", "CSV", "CSV");

    public String messageKey() {
        return "finding.action." + action;
    }

    /** The message key of an import's note ({@code finding.note.import…}), or {@code null} for a person's note. */
    public String noteKey() {
        if (note == null) {
            return null;
        }
        return IMPORT_NOTE.matcher(note).matches() ? "finding.note.import"
                : IMPORT_REASON.matcher(note).matches() ? "finding.note.importNumber" : null;
    }

    /** The arguments of {@link #noteKey()}: the import's number, then the report format's name. */
    public Object[] noteArgs() {
        Matcher m = IMPORT_NOTE.matcher(note == null ? "" : note);
        if (m.matches()) {
            return new Object[] {m.group(2), FORMATS.getOrDefault(m.group(1), m.group(1))};
        }
        Matcher r = IMPORT_REASON.matcher(note == null ? "" : note);
        return r.matches() ? new Object[] {r.group(1)} : new Object[0];
    }
}
