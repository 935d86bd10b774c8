package org.inspectorate.ingest;

import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.inspectorate.finding.Severity;

/**
 * Collects one finding's fields while a parser walks the report, cutting texts to the kept sizes and
 * normalising references; {@link #build()} makes the immutable {@link ScannedFinding}.
 */
final class FindingBuilder {

    /**
     * No severity: an informational item, which the scanner rates as no risk by itself (an open port, a
     * service banner, the scan's settings). How the register records it is {@link ScanMapping#severity}'s
     * decision, not the parsers'.
     */
    static final Severity INFORMATIONAL = null;

    /** References kept per kind (CVE, CNVD, CNNVD, CWE) of one item. */
    static final int MAX_IDS = 1_000;

    private static final Pattern CVE = Pattern.compile("CVE-\\d{4}-\\d{4,19}", Pattern.CASE_INSENSITIVE);
    private static final Pattern CNVD = Pattern.compile("CNVD[-:](?:C-)?\\d{4}-\\d{1,7}", Pattern.CASE_INSENSITIVE);
    private static final Pattern CNNVD = Pattern.compile("CNNVD[-:]\\d{6}-\\d{1,5}", Pattern.CASE_INSENSITIVE);
    /** A weakness type as scanners write it: {@code CWE-79}, {@code CWE:79}, CodeQL's tag {@code cwe-079}. */
    private static final Pattern CWE = Pattern.compile("(?<![A-Za-z])CWE[-:_]?0*(\\d{1,6})\\b", Pattern.CASE_INSENSITIVE);

    private final ReportFormat format;
    String host;
    Integer port;
    String protocol;
    String ruleId;
    String title;
    String description;
    String solution;
    /** The severity the scanner gave, or {@link #INFORMATIONAL} (until a parser rates the item). */
    Severity severity = INFORMATIONAL;
    FindingCategory category;
    String cvssVector;
    String tool;
    Double scannerScore;
    ScannedFinding.Suppression suppression;
    ScannedFinding.ObservedService service;
    String location;
    String evidence;
    private final Set<String> cves = new LinkedHashSet<>();
    private final Set<String> cnvdIds = new LinkedHashSet<>();
    private final Set<String> cnnvdIds = new LinkedHashSet<>();
    private final Set<String> cweIds = new LinkedHashSet<>();
    private final Set<FindingFlag> flags = EnumSet.noneOf(FindingFlag.class);

    FindingBuilder(ReportFormat format) {
        this.format = format;
    }

    FindingBuilder title(String text) {
        String clean = clean(text);
        // scanners wrap long names over lines; a title is one line
        title = clean == null ? null : cut(clean.replaceAll("\\s+", " "), ScannedFinding.MAX_TITLE);
        return this;
    }

    FindingBuilder description(String text) {
        description = cut(block(text), ScannedFinding.MAX_TEXT);
        return this;
    }

    FindingBuilder solution(String text) {
        solution = cut(block(text), ScannedFinding.MAX_TEXT);
        return this;
    }

    FindingBuilder evidence(String text) {
        evidence = cut(block(text), ScannedFinding.MAX_EVIDENCE);
        return this;
    }

    /** The tool reports the item as suppressed; the justification is cut like evidence (and flagged). */
    FindingBuilder suppression(String kind, String justification) {
        suppression = new ScannedFinding.Suppression(cut(clean(kind), 50),
                cut(block(justification), ScannedFinding.MAX_EVIDENCE));
        return this;
    }

    FindingBuilder protocol(String text) {
        String clean = clean(text);
        protocol = clean == null ? null : cut(clean.toLowerCase(Locale.ROOT), 20);
        return this;
    }

    FindingBuilder cvssVector(String text) {
        cvssVector = cut(clean(text), 200);
        return this;
    }

    FindingBuilder flag(FindingFlag flag) {
        flags.add(flag);
        return this;
    }

    /** Takes every CVE, CNVD, CNNVD and CWE id found in a reference text (an xref, a ref id, a tag, a cell). */
    FindingBuilder references(String text) {
        if (text == null || text.isEmpty()) {
            return this;
        }
        collect(CVE.matcher(text), cves);
        collect(CNVD.matcher(text), cnvdIds);
        collect(CNNVD.matcher(text), cnnvdIds);
        Matcher cwe = CWE.matcher(text);
        while (cwe.find()) {
            keep("CWE-" + (cwe.group(1).replaceFirst("^0+(?=\\d)", "")), cweIds);
        }
        return this;
    }

    /** A weakness type given by its number alone (Nessus {@code <cwe>79</cwe>}, a SARIF CWE taxon's id). */
    FindingBuilder weakness(String number) {
        if (number != null && number.strip().matches("\\d{1,6}")) {
            references("CWE-" + number.strip());
        }
        return this;
    }

    /** Keeps up to {@value #MAX_IDS} ids of a kind; one more is not dropped silently but flags the item. */
    private void collect(Matcher m, Set<String> into) {
        while (m.find()) {
            if (!keep(m.group().toUpperCase(Locale.ROOT).replace(':', '-'), into)) {
                return;
            }
        }
    }

    /** Keeps one id; false (and the item flagged) when the kind already holds {@value #MAX_IDS} others. */
    private boolean keep(String id, Set<String> into) {
        if (into.size() < MAX_IDS) {
            into.add(id);
        } else if (!into.contains(id)) {
            flags.add(FindingFlag.TEXT_TRUNCATED);
            return false;
        }
        return true;
    }

    ScannedFinding build() {
        String effectiveTitle = title != null && !title.isBlank() ? title : ruleId;
        FindingCategory effectiveCategory = category != null ? category
                : severity == INFORMATIONAL ? FindingCategory.INFORMATIONAL : FindingCategory.VULNERABILITY;
        String keptRule = cut(ruleId, 200);
        String keptTitle = cut(effectiveTitle, ScannedFinding.MAX_TITLE);
        String keptLocation = cut(location, 1_000);
        String keptTool = cut(tool, 200);
        return new ScannedFinding(format, host, port, protocol, keptRule, keptTitle, description, solution, severity,
                severity == INFORMATIONAL, effectiveCategory, cves.stream().toList(), cnvdIds.stream().toList(),
                cnnvdIds.stream().toList(), cweIds.stream().toList(), cvssVector, keptLocation, evidence, flags, keptTool, scannerScore,
                suppression, service);
    }

    private String cut(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        flags.add(FindingFlag.TEXT_TRUNCATED);
        int end = max - 1;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end) + "…";
    }

    /**
     * Maps a CVSS-style score (0.0–10.0, as OpenVAS/GVM and SARIF {@code security-severity} give it):
     * 7.0 and above {@link Severity#HIGH}, 4.0 up to 6.9 {@link Severity#MEDIUM}, above 0 up to 3.9
     * {@link Severity#LOW}, zero or below (GVM uses negative values for log and false-positive results)
     * {@link #INFORMATIONAL}.
     */
    static Severity ofScore(double score) {
        if (score >= 7.0) {
            return Severity.HIGH;
        }
        if (score >= 4.0) {
            return Severity.MEDIUM;
        }
        return score > 0.0 ? Severity.LOW : INFORMATIONAL;
    }

    /**
     * A CVSS base score as a scanner writes it ({@code 7.5}), or {@code null} when it is not a number from 0 to
     * 10 (a scanner's placeholder such as {@code N/A} is no score, and an impossible one is not kept).
     */
    static Double score(String text) {
        String value = clean(text);
        if (value == null) {
            return null;
        }
        try {
            double score = Double.parseDouble(value);
            return score >= 0.0 && score <= 10.0 ? score : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * A multi-line text without the blank lines and indentation that XML reports wrap around it
     * ({@code <description>\n    The remote host…\n    More…\n  </description>}): leading and trailing blank
     * lines go, the indentation all lines share goes (the first line's own as well), the inner layout stays.
     * Blank becomes {@code null}.
     */
    static String block(String text) {
        String clean = clean(text);
        if (clean == null || clean.indexOf('\n') < 0) {
            return clean;
        }
        // clean() took the first line's indentation; the common indentation of the others decides the rest
        int common = Integer.MAX_VALUE;
        int length = clean.length();
        int start = clean.indexOf('\n') + 1;
        while (start < length && common > 0) {
            int end = clean.indexOf('\n', start);
            end = end < 0 ? length : end;
            int indent = 0;
            while (start + indent < end && (clean.charAt(start + indent) == ' ' || clean.charAt(start + indent) == '\t'
                    || clean.charAt(start + indent) == '\r')) {
                indent++;
            }
            if (start + indent < end) {
                common = Math.min(common, indent);
            }
            start = end + 1;
        }
        if (common == 0 || common == Integer.MAX_VALUE) {
            return clean;
        }
        StringBuilder out = new StringBuilder(length);
        int lineStart = 0;
        boolean first = true;
        while (lineStart <= length) {
            int end = clean.indexOf('\n', lineStart);
            end = end < 0 ? length : end;
            int from = first ? lineStart : Math.min(lineStart + common, end);
            out.append(clean, from, end);
            if (end < length) {
                out.append('\n');
            }
            first = false;
            lineStart = end + 1;
        }
        return out.toString();
    }

    /** Strips the whitespace scanners wrap around a value; blank becomes {@code null}. */
    static String clean(String text) {
        if (text == null) {
            return null;
        }
        String stripped = text.strip();
        return stripped.isEmpty() ? null : stripped;
    }
}
