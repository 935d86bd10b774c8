package org.inspectorate.ingest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.inspectorate.finding.Severity;

/**
 * The import template's rows (导入模板), whatever file they come in (CSV or the first sheet of an XLSX): the
 * header names the columns, each further row is one finding. Both files give the same findings — format
 * {@link ReportFormat#CSV}, the template's — so that one set of rows is the same findings in either file.
 */
final class TemplateRows {

    static final List<String> COLUMNS = List.of("host", "port", "protocol", "rule_id", "title", "severity",
            "category", "description", "solution", "cve", "cnvd", "cnnvd", "cvss3_vector", "location", "evidence");

    private static final Map<String, Severity> SEVERITIES = Map.ofEntries(Map.entry("critical", Severity.HIGH),
            Map.entry("high", Severity.HIGH), Map.entry("medium", Severity.MEDIUM), Map.entry("low", Severity.LOW),
            Map.entry("严重", Severity.HIGH), Map.entry("高", Severity.HIGH), Map.entry("高危", Severity.HIGH),
            Map.entry("中", Severity.MEDIUM), Map.entry("中危", Severity.MEDIUM), Map.entry("低", Severity.LOW),
            Map.entry("低危", Severity.LOW));
    /** The severity cells of an informational item. */
    private static final Set<String> INFORMATIONAL = Set.of("info", "informational", "信息");

    private final WeakCredentialPolicy weakCredentials;
    private final List<String> header;

    /**
     * Checks the header row: every problem at once, so that one round names all of them — the unknown
     * columns (a typo, a translated name) and the required ones missing.
     */
    TemplateRows(WeakCredentialPolicy weakCredentials, List<String> names, long line) {
        this.weakCredentials = weakCredentials;
        List<String> header = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Set<String> unknown = new LinkedHashSet<>();
        for (String name : names) {
            String column = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
            header.add(column);
            if (column.isEmpty()) {
                continue;
            }
            if (!COLUMNS.contains(column)) {
                unknown.add(Hosts.abbreviate(name.strip()));
            } else if (!seen.add(column)) {
                throw ReportParseException.of("ingest.parse.csv-duplicate-column", line, header.size(), column);
            }
        }
        List<String> missing = new ArrayList<>();
        for (String required : List.of("title", "severity")) {
            if (!seen.contains(required)) {
                missing.add(required);
            }
        }
        if (!seen.contains("host") && !seen.contains("location")) {
            missing.add("host");
        }
        if (!unknown.isEmpty() && !missing.isEmpty()) {
            throw ReportParseException.of("ingest.parse.csv-header-wrong", line, 0, String.join(", ", unknown),
                    String.join(", ", missing));
        }
        if (!unknown.isEmpty()) {
            throw ReportParseException.of("ingest.parse.csv-unknown-column", line, 0, String.join(", ", unknown));
        }
        if (!missing.isEmpty()) {
            throw ReportParseException.of("ingest.parse.csv-missing-column", line, 0, String.join(", ", missing));
        }
        this.header = List.copyOf(header);
    }

    int width() {
        return header.size();
    }

    /** One row as a finding; its host (if any) is handed to the sink as scanned. */
    ScannedFinding row(List<String> fields, long line, ReportSink sink) {
        Map<String, String> cells = new HashMap<>();
        FindingBuilder finding = new FindingBuilder(ReportFormat.CSV);
        for (int i = 0; i < header.size(); i++) {
            String value = i < fields.size() ? fields.get(i) : "";
            if (isFormulaLike(value)) {
                finding.flag(FindingFlag.FORMULA_LIKE_TEXT);
            }
            if (!header.get(i).isEmpty()) {
                cells.put(header.get(i), value);
            } else if (FindingBuilder.clean(value) != null) {
                throw ReportParseException.of("ingest.parse.template-extra-value", line, i + 1,
                        Hosts.abbreviate(value.strip()));
            }
        }
        String host = FindingBuilder.clean(cells.get("host"));
        finding.host = host == null ? null : Hosts.host(host, line, column("host"));
        String port = FindingBuilder.clean(cells.get("port"));
        finding.port = port == null ? null : Hosts.port(port, line, column("port"));
        finding.protocol(cells.get("protocol"));
        finding.ruleId = FindingBuilder.clean(cells.get("rule_id"));
        String title = FindingBuilder.clean(cells.get("title"));
        if (title == null) {
            throw ReportParseException.of("ingest.parse.csv-required-value", line, column("title"), "title");
        }
        finding.title(title);
        finding.description(cells.get("description"));
        finding.solution(cells.get("solution"));
        finding.references(cells.get("cve"));
        finding.references(cells.get("cnvd"));
        finding.references(cells.get("cnnvd"));
        finding.cvssVector(cells.get("cvss3_vector"));
        finding.location = FindingBuilder.clean(cells.get("location"));
        finding.evidence(cells.get("evidence"));
        String severity = FindingBuilder.clean(cells.get("severity"));
        String word = severity == null ? null : severity.toLowerCase(Locale.ROOT);
        boolean informational = word != null && INFORMATIONAL.contains(word);
        Severity mapped = word == null ? null : SEVERITIES.get(word);
        if (mapped == null && !informational) {
            throw ReportParseException.of("ingest.parse.csv-severity-invalid", line, column("severity"),
                    severity == null ? "" : Hosts.abbreviate(severity));
        }
        finding.severity = informational ? FindingBuilder.INFORMATIONAL : mapped;
        String category = FindingBuilder.clean(cells.get("category"));
        if (category != null) {
            try {
                finding.category = FindingCategory.valueOf(category.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw ReportParseException.of("ingest.parse.csv-category-invalid", line, column("category"),
                        Hosts.abbreviate(category));
            }
        } else if (weakCredentials.showsWeakCredentials(ReportFormat.CSV, finding.ruleId, title, null,
                finding.evidence)) {
            finding.category = FindingCategory.WEAK_PASSWORD;
        }
        if (finding.host == null && finding.location == null) {
            throw ReportParseException.of("ingest.parse.csv-required-value", line, column("host"), "host");
        }
        ScannedFinding built;
        try {
            built = finding.build();
        } catch (IllegalArgumentException e) {
            throw new ReportParseException(new ParseProblem("ingest.parse.item-invalid", line, 0,
                    Hosts.abbreviate(String.valueOf(e.getMessage()))), e);
        }
        if (host != null) {
            sink.hostScanned(host);
        }
        return built;
    }

    /** The 1-based column of a named cell, so that the user can find it in a spreadsheet. */
    private long column(String name) {
        return header.indexOf(name) + 1;
    }

    /** Spreadsheet formula triggers (OWASP CSV injection): such text must never reach a formula engine. */
    static boolean isFormulaLike(String cell) {
        if (cell == null || cell.isEmpty()) {
            return false;
        }
        char first = cell.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
    }
}
