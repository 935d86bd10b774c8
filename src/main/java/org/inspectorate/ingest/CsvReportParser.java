package org.inspectorate.ingest;

import java.io.FilterReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.inspectorate.finding.Severity;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;

/**
 * Inspectorate's CSV template (UTF-8, comma separated, a header row; documented in
 * {@code docs/import-csv.md}). Columns: {@code host}, {@code port}, {@code protocol}, {@code rule_id},
 * {@code title}, {@code severity}, {@code category}, {@code description}, {@code solution}, {@code cve},
 * {@code cnvd}, {@code cnnvd}, {@code cvss3_vector}, {@code location}, {@code evidence}; {@code title} and
 * {@code severity} are required, and {@code host} or {@code location}. Severity is HIGH/MEDIUM/LOW/INFO
 * (CRITICAL → HIGH) or 高/中/低/信息 (严重 → HIGH); INFO and 信息 mark an informational item. A cell
 * starting with {@code = + - @}, tab or carriage return is kept as text, never evaluated, and the finding is
 * flagged {@link FindingFlag#FORMULA_LIKE_TEXT}.
 */
final class CsvReportParser implements StreamingReportParser {

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

    CsvReportParser(WeakCredentialPolicy weakCredentials) {
        this.weakCredentials = weakCredentials;
    }

    @Override
    public ReportFormat format() {
        return ReportFormat.CSV;
    }

    @Override
    public void parse(InputStream in, ReportSink sink) {
        Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
        CsvReader<CsvRecord> csv = CsvReader.builder().skipEmptyLines(true).allowMissingFields(false)
                .allowExtraFields(false).maxBufferSize(ScannedFinding.MAX_TEXT * 4)
                .ofCsvRecord(new BomSkippingReader(reader));
        long line = 1;
        try {
            List<String> header = null;
            for (CsvRecord record : csv) {
                line = record.getStartingLineNumber();
                if (header == null) {
                    header = record.getFields();
                    header(header);
                } else {
                    sink.accept(row(header, record, line));
                }
            }
            if (header == null) {
                throw ReportParseException.of("ingest.parse.empty", 1, 0);
            }
        } catch (CsvParseException e) {
            throw new ReportParseException(new ParseProblem("ingest.parse.malformed-csv", line + 1, 0), e);
        } catch (UncheckedIOException e) {
            throw new ReportParseException(new ParseProblem("ingest.parse.malformed-csv", line + 1, 0), e);
        }
    }

    private static void header(List<String> header) {
        Set<String> seen = new HashSet<>();
        for (String name : header) {
            String column = name.strip().toLowerCase(Locale.ROOT);
            if (!COLUMNS.contains(column)) {
                throw ReportParseException.of("ingest.parse.csv-unknown-column", 1, 0, Hosts.abbreviate(name));
            }
            if (!seen.add(column)) {
                throw ReportParseException.of("ingest.parse.csv-duplicate-column", 1, 0, column);
            }
        }
        for (String required : List.of("title", "severity")) {
            if (!seen.contains(required)) {
                throw ReportParseException.of("ingest.parse.csv-missing-column", 1, 0, required);
            }
        }
        if (!seen.contains("host") && !seen.contains("location")) {
            throw ReportParseException.of("ingest.parse.csv-missing-column", 1, 0, "host");
        }
    }

    private ScannedFinding row(List<String> header, CsvRecord record, long line) {
        Map<String, String> cells = new HashMap<>();
        FindingBuilder finding = new FindingBuilder(ReportFormat.CSV);
        for (int i = 0; i < header.size(); i++) {
            String value = record.getField(i);
            if (isFormulaLike(value)) {
                finding.flag(FindingFlag.FORMULA_LIKE_TEXT);
            }
            cells.put(header.get(i).strip().toLowerCase(Locale.ROOT), value);
        }
        String host = FindingBuilder.clean(cells.get("host"));
        finding.host = host == null ? null : Hosts.host(host, line, column(header, "host"));
        String port = FindingBuilder.clean(cells.get("port"));
        finding.port = port == null ? null : Hosts.port(port, line, column(header, "port"));
        finding.protocol(cells.get("protocol"));
        finding.ruleId = FindingBuilder.clean(cells.get("rule_id"));
        String title = FindingBuilder.clean(cells.get("title"));
        if (title == null) {
            throw ReportParseException.of("ingest.parse.csv-required-value", line, column(header, "title"), "title");
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
            throw ReportParseException.of("ingest.parse.csv-severity-invalid", line, column(header, "severity"),
                    severity == null ? "" : Hosts.abbreviate(severity));
        }
        finding.severity = informational ? FindingBuilder.INFORMATIONAL : mapped;
        String category = FindingBuilder.clean(cells.get("category"));
        if (category != null) {
            try {
                finding.category = FindingCategory.valueOf(category.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw ReportParseException.of("ingest.parse.csv-category-invalid", line, column(header, "category"),
                        Hosts.abbreviate(category));
            }
        } else if (weakCredentials.showsWeakCredentials(ReportFormat.CSV, finding.ruleId, title, null,
                finding.evidence)) {
            finding.category = FindingCategory.WEAK_PASSWORD;
        }
        if (finding.host == null && finding.location == null) {
            throw ReportParseException.of("ingest.parse.csv-required-value", line, column(header, "host"), "host");
        }
        try {
            return finding.build();
        } catch (IllegalArgumentException e) {
            throw new ReportParseException(new ParseProblem("ingest.parse.item-invalid", line, 0,
                    Hosts.abbreviate(String.valueOf(e.getMessage()))), e);
        }
    }

    /** The 1-based column of a named cell, so that the user can find it in a spreadsheet. */
    private static long column(List<String> header, String name) {
        for (int i = 0; i < header.size(); i++) {
            if (header.get(i).strip().equalsIgnoreCase(name)) {
                return i + 1;
            }
        }
        return 0;
    }

    /** Spreadsheet formula triggers (OWASP CSV injection): such text must never reach a formula engine. */
    static boolean isFormulaLike(String cell) {
        if (cell == null || cell.isEmpty()) {
            return false;
        }
        char first = cell.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
    }

    /** Drops a UTF-8 byte order mark, which spreadsheet programs put before the header. */
    private static final class BomSkippingReader extends FilterReader {
        private boolean first = true;

        BomSkippingReader(Reader in) {
            super(in);
        }

        @Override
        public int read(char[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (first && n > 0) {
                first = false;
                if (buffer[offset] == '\uFEFF') {
                    System.arraycopy(buffer, offset + 1, buffer, offset, n - 1);
                    return n == 1 ? read(buffer, offset, length) : n - 1;
                }
            }
            return n;
        }

        @Override
        public int read() throws IOException {
            int c = super.read();
            if (first) {
                first = false;
                if (c == '\uFEFF') {
                    return super.read();
                }
            }
            return c;
        }
    }
}
