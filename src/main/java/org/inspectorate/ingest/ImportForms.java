package org.inspectorate.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.inspectorate.system.InvalidInputException;

/** Turns the upload form's fields into a {@link ImportJobs.Submission}, naming each bad field. */
final class ImportForms {

    private ImportForms() {
    }

    static ImportJobs.Submission submission(ReportUpload.Received received) {
        Map<String, String> f = received.fields();
        List<InvalidInputException.FieldProblem> problems = new ArrayList<>();
        ReportFormat format = null;
        String formatText = blankToNull(f.get("format"));
        if (formatText != null) {
            try {
                format = ReportFormat.valueOf(formatText.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problems.add(new InvalidInputException.FieldProblem("format", "ingest.import.formatUnknown",
                        abbreviate(formatText)));
            }
        }
        Long organisation = null;
        String orgText = blankToNull(f.get("organisation"));
        if (orgText != null) {
            try {
                organisation = Long.valueOf(orgText);
            } catch (NumberFormatException e) {
                problems.add(new InvalidInputException.FieldProblem("organisation", "ingest.import.number",
                        abbreviate(orgText)));
            }
        }
        List<Long> units = new ArrayList<>();
        String unitText = blankToNull(f.get("units"));
        if (unitText != null) {
            for (String part : unitText.split("[,\\s]+")) {
                if (part.isBlank()) {
                    continue;
                }
                try {
                    units.add(Long.valueOf(part));
                } catch (NumberFormatException e) {
                    problems.add(new InvalidInputException.FieldProblem("units", "ingest.import.number",
                            abbreviate(part)));
                }
            }
        }
        if (!problems.isEmpty()) {
            TempFiles.delete(received.file());
            throw new InvalidInputException(problems);
        }
        return new ImportJobs.Submission(organisation, units, format, received.fileName(), received.file());
    }

    static long megabytes(long bytes) {
        return bytes / (1024 * 1024);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
