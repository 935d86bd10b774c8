package org.inspectorate.ingest;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;

import org.inspectorate.finding.Severity;

/**
 * OpenVAS / Greenbone GVM XML report ({@code <report>}, also wrapped in {@code <get_reports_response>}):
 * each {@code results/result} is a finding.
 *
 * <p>Severity: the result's {@code severity} score (CVSS 0–10) by {@link FindingBuilder#ofScore(double)}:
 * ≥ 7.0 HIGH, ≥ 4.0 MEDIUM, &gt; 0 LOW, 0 or negative (log, false positive) informational; without a score, the
 * {@code threat} High/Medium/Low, anything else informational. Title is the NVT name (the result name when the
 * NVT has none); description is the NVT {@code summary}, {@code insight} and {@code impact} tags; solution the
 * NVT {@code solution} element or tag; evidence the result {@code description} (the scanner's output).
 * Port {@code 80/tcp} becomes port 80 over tcp; {@code general/tcp} no port. References: NVT {@code refs}
 * of any type carrying CVE / CNVD / CNNVD / CWE ids (a bare number under {@code type="cwe"} too). CVSS: the newest version's vector (4.0 over 3.x over 2) of
 * the NVT's {@code severities/severity} ({@code cvss_base_v4}, {@code cvss_base_v3}, {@code cvss_base_v2}) and
 * its {@code cvss_base_vector} tag, as written, with that version's score ({@code severity/score}, for the
 * tag's v2 vector the NVT's {@code cvss_base}), else the result's {@code severity}.
 *
 * <p>Hosts scanned: each result's host and each host of the report's host list ({@code report/host}),
 * whether or not a result names it.
 */
final class OpenVasParser extends StaxReportParser {

    /** Nesting kept track of outside results; GVM's reports are a few levels deep. */
    private static final int MAX_DEPTH = 1_000;

    private final WeakCredentialPolicy weakCredentials;

    OpenVasParser(WeakCredentialPolicy weakCredentials) {
        this.weakCredentials = weakCredentials;
    }

    @Override
    public ReportFormat format() {
        return ReportFormat.OPENVAS;
    }

    @Override
    boolean acceptsRoot(String localName) {
        return localName.equals("report") || localName.equals("get_reports_response");
    }

    @Override
    void walk(Cursor cursor, ReportSink sink) throws XMLStreamException {
        boolean inResults = false;
        // whether the element the reader is in is a report: the report's host list is its direct children
        Deque<Boolean> inReport = new ArrayDeque<>();
        inReport.addFirst(cursor.name().equals("report"));
        int event;
        while ((event = cursor.next()) != -1) {
            String name = cursor.name();
            if (event == XMLStreamConstants.END_ELEMENT) {
                inReport.pollFirst();
                if (name.equals("results")) {
                    inResults = false;
                }
            } else if (name.equals("result") && inResults) {
                ScannedFinding finding = result(cursor);
                sink.hostScanned(finding.host());
                sink.accept(finding);
            } else if (name.equals("host") && Boolean.TRUE.equals(inReport.peekFirst())) {
                listedHost(cursor, sink);
            } else {
                if (name.equals("results")) {
                    inResults = true;
                }
                if (inReport.size() > MAX_DEPTH) {
                    throw ReportParseException.of("ingest.parse.limit-exceeded", cursor.line(), cursor.column());
                }
                inReport.addFirst(name.equals("report"));
            }
        }
    }

    /**
     * A host of the report's host list ({@code <host><ip>10.0.0.1</ip><start>…</host>}, its address as
     * direct text in some versions): scanned, whether or not a result names it.
     */
    private static void listedHost(Cursor cursor, ReportSink sink) throws XMLStreamException {
        long line = cursor.line();
        long column = cursor.column();
        String address = null;
        StringBuilder direct = new StringBuilder();
        int event;
        while (true) {
            event = cursor.reader.next();
            if ((event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) && direct.length() < 300) {
                direct.append(cursor.reader.getText(), 0, Math.min(cursor.reader.getTextLength(), 300));
            } else if (event == XMLStreamConstants.START_ELEMENT) {
                if (cursor.name().equals("ip") && address == null) {
                    address = cursor.text(300);
                } else {
                    cursor.skip();
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                break;
            } else if (event == XMLStreamConstants.ENTITY_REFERENCE || event == XMLStreamConstants.DTD) {
                throw ReportParseException.of("ingest.parse.doctype-forbidden", cursor.line(), cursor.column());
            } else if (event == XMLStreamConstants.END_DOCUMENT) {
                throw ReportParseException.of("ingest.parse.malformed-xml", cursor.line(), cursor.column());
            }
        }
        String host = scannedHost(address != null ? address : direct.toString(), line, column);
        if (host != null) {
            sink.hostScanned(host);
        }
    }

    private ScannedFinding result(Cursor cursor) throws XMLStreamException {
        FindingBuilder finding = new FindingBuilder(ReportFormat.OPENVAS);
        String resultName = null;
        String threat = null;
        String score = null;
        long cutsBefore = cursor.cuts();
        Nvt nvt = new Nvt();
        int event;
        while ((event = cursor.next()) != XMLStreamConstants.END_ELEMENT) {
            if (event == -1) {
                throw ReportParseException.of("ingest.parse.malformed-xml", cursor.line(), cursor.column());
            }
            long line = cursor.line();
            long column = cursor.column();
            switch (cursor.name()) {
                case "name":
                    resultName = cursor.text(ScannedFinding.MAX_TITLE + 1);
                    break;
                case "host":
                    finding.host = Hosts.host(cursor.text(300), line, column);
                    break;
                case "port":
                    port(finding, cursor.text(100), line, column);
                    break;
                case "nvt":
                    nvt.read(cursor, finding);
                    break;
                case "threat":
                    threat = cursor.text(50);
                    break;
                case "severity":
                    score = cursor.text(50);
                    break;
                case "description":
                    finding.evidence(cursor.text(ScannedFinding.MAX_EVIDENCE + 1));
                    break;
                default:
                    cursor.skip();
                    break;
            }
        }
        if (finding.host == null) {
            throw ReportParseException.of("ingest.parse.host-invalid", cursor.line(), cursor.column(), "");
        }
        finding.title(nvt.name != null && !nvt.name.isBlank() ? nvt.name : resultName);
        finding.description(nvt.description());
        finding.solution(nvt.solution != null ? nvt.solution : nvt.tag("solution"));
        nvt.cvss(finding, FindingBuilder.score(score));
        finding.severity = severity(score, threat);
        if (cursor.cuts() != cutsBefore) {
            finding.flag(FindingFlag.TEXT_TRUNCATED);
        }
        if (weakCredentials.showsWeakCredentials(ReportFormat.OPENVAS, finding.ruleId, finding.title, nvt.family,
                finding.evidence)) {
            finding.category = FindingCategory.WEAK_PASSWORD;
        } else if (nvt.family != null && nvt.family.toLowerCase(Locale.ROOT).contains("compliance")
                && finding.severity != FindingBuilder.INFORMATIONAL) {
            finding.category = FindingCategory.MISCONFIGURATION;
        }
        try {
            return finding.build();
        } catch (IllegalArgumentException e) {
            throw cursor.invalidItem(e);
        }
    }

    private static void port(FindingBuilder finding, String text, long line, long column) {
        String value = text.strip();
        int slash = value.indexOf('/');
        String number = slash < 0 ? value : value.substring(0, slash);
        if (slash >= 0) {
            finding.protocol(value.substring(slash + 1));
        }
        if (!number.isEmpty() && Character.isDigit(number.charAt(0)) || number.startsWith("-")) {
            finding.port = Hosts.port(number, line, column);
        }
    }

    static Severity severity(String score, String threat) {
        if (score != null && !score.isBlank()) {
            try {
                return FindingBuilder.ofScore(Double.parseDouble(score.strip()));
            } catch (NumberFormatException e) {
                // fall back to the threat word
            }
        }
        String word = threat == null ? "" : threat.strip().toLowerCase(Locale.ROOT);
        switch (word) {
            case "critical":
            case "high":
                return Severity.HIGH;
            case "medium":
                return Severity.MEDIUM;
            case "low":
                return Severity.LOW;
            default:
                return FindingBuilder.INFORMATIONAL;
        }
    }

    /** The parts of a result's {@code nvt} element that a finding uses. */
    private static final class Nvt {
        String name;
        String family;
        String tags;
        String solution;
        /** CVSS vectors and base scores by version (index 2, 3, 4) from {@code severities}. */
        final String[] vectors = new String[5];
        final Double[] scores = new Double[5];
        /** The older NVT's {@code cvss_base} score (v2, with the tags' {@code cvss_base_vector}). */
        Double cvssBase;

        void read(Cursor cursor, FindingBuilder finding) throws XMLStreamException {
            finding.ruleId = FindingBuilder.clean(cursor.attribute("oid"));
            int event;
            while ((event = cursor.next()) != XMLStreamConstants.END_ELEMENT) {
                if (event == -1) {
                    throw ReportParseException.of("ingest.parse.malformed-xml", cursor.line(), cursor.column());
                }
                switch (cursor.name()) {
                    case "name":
                        name = cursor.text(ScannedFinding.MAX_TITLE + 1);
                        break;
                    case "family":
                        family = cursor.text(200);
                        break;
                    case "tags":
                        tags = cursor.text();
                        break;
                    case "solution":
                        solution = FindingBuilder.clean(cursor.text());
                        break;
                    case "refs":
                        refs(cursor, finding);
                        break;
                    case "severities":
                        severities(cursor);
                        break;
                    case "cvss_base":
                        cvssBase = FindingBuilder.score(cursor.text(50));
                        break;
                    default:
                        cursor.skip();
                        break;
                }
            }
        }

        private static void refs(Cursor cursor, FindingBuilder finding) throws XMLStreamException {
            int event;
            while ((event = cursor.next()) != XMLStreamConstants.END_ELEMENT || !cursor.name().equals("refs")) {
                if (event == -1) {
                    throw ReportParseException.of("ingest.parse.malformed-xml", cursor.line(), cursor.column());
                }
                if (event == XMLStreamConstants.START_ELEMENT && cursor.name().equals("ref")) {
                    String type = cursor.attribute("type");
                    String id = cursor.attribute("id");
                    if (id != null && type != null && !type.equalsIgnoreCase("url")) {
                        String lowerType = type.toLowerCase(Locale.ROOT);
                        boolean bare = !id.toUpperCase(Locale.ROOT).startsWith(lowerType.toUpperCase(Locale.ROOT));
                        if (bare && lowerType.equals("cwe")) {
                            finding.weakness(id);
                        } else {
                            finding.references(bare && (lowerType.equals("cnvd") || lowerType.equals("cnnvd"))
                                    ? type.toUpperCase(Locale.ROOT) + "-" + id : id);
                        }
                    }
                }
            }
        }

        /**
         * Reads {@code <severities><severity type="cvss_base_v3"><score>9.8</score><value>CVSS:3.1/…</value>}:
         * the vector and score of each CVSS version given.
         */
        private void severities(Cursor cursor) throws XMLStreamException {
            int version = 0;
            int event;
            while ((event = cursor.next()) != XMLStreamConstants.END_ELEMENT || !cursor.name().equals("severities")) {
                if (event == -1) {
                    throw ReportParseException.of("ingest.parse.malformed-xml", cursor.line(), cursor.column());
                }
                if (event != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                switch (cursor.name()) {
                    case "severity":
                        version = version(cursor.attribute("type"));
                        break;
                    case "value":
                        String value = FindingBuilder.clean(cursor.text(300));
                        if (version > 0 && vectors[version] == null) {
                            vectors[version] = value;
                        }
                        break;
                    case "score":
                        Double score = FindingBuilder.score(cursor.text(50));
                        if (version > 0 && scores[version] == null) {
                            scores[version] = score;
                        }
                        break;
                    default:
                        cursor.skip();
                        break;
                }
            }
        }

        /** The CVSS version of a severity type ({@code cvss_base_v2}, {@code cvss_base_v3}, {@code cvss_base_v4}). */
        private static int version(String type) {
            if (type == null) {
                return 0;
            }
            return type.startsWith("cvss_base_v4") ? 4 : type.startsWith("cvss_base_v3") ? 3
                    : type.startsWith("cvss_base_v2") ? 2 : 0;
        }

        /**
         * The newest CVSS vector given (4.0 over 3.x over 2: {@code severities} or the tags'
         * {@code cvss_base_vector}, v2 unless it says {@code CVSS:3}/{@code CVSS:4}) as written, with that
         * version's score; the result's own score where the version's is not given, or where no vector is.
         */
        void cvss(FindingBuilder finding, Double resultScore) {
            String tagged = tag("cvss_base_vector");
            if (tagged != null) {
                int version = tagged.startsWith("CVSS:4") ? 4 : tagged.startsWith("CVSS:3") ? 3 : 2;
                if (vectors[version] == null) {
                    vectors[version] = tagged;
                    if (version == 2 && scores[2] == null) {
                        scores[2] = cvssBase;
                    }
                }
            }
            for (int version = 4; version >= 2; version--) {
                if (vectors[version] != null) {
                    finding.cvssVector(vectors[version]);
                    finding.scannerScore = scores[version] != null ? scores[version] : resultScore;
                    return;
                }
            }
            finding.scannerScore = resultScore != null ? resultScore : cvssBase;
        }

        /** The value of one {@code key=value} part of GVM's {@code |}-separated tags. */
        String tag(String key) {
            if (tags == null) {
                return null;
            }
            for (String part : tags.split("\\|")) {
                int eq = part.indexOf('=');
                if (eq > 0 && part.substring(0, eq).strip().equals(key)) {
                    return FindingBuilder.clean(part.substring(eq + 1));
                }
            }
            return null;
        }

        String description() {
            StringBuilder text = new StringBuilder();
            for (String key : new String[] {"summary", "insight", "impact"}) {
                String value = tag(key);
                if (value != null) {
                    if (text.length() > 0) {
                        text.append("\n\n");
                    }
                    text.append(value);
                }
            }
            return text.length() == 0 ? null : text.toString();
        }
    }
}
