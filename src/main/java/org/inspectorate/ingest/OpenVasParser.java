package org.inspectorate.ingest;

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
 * of any type carrying CVE / CNVD / CNNVD ids. CVSS v3 vector from a {@code severities/severity} of a
 * {@code cvss_base_v3} type, or a {@code cvss_base_vector} tag starting with {@code CVSS:3}.
 */
final class OpenVasParser extends StaxReportParser {

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
        int event;
        while ((event = cursor.next()) != -1) {
            String name = cursor.name();
            if (event == XMLStreamConstants.END_ELEMENT) {
                if (name.equals("results")) {
                    inResults = false;
                }
            } else if (name.equals("results")) {
                inResults = true;
            } else if (name.equals("result") && inResults) {
                sink.accept(result(cursor));
            }
        }
    }

    private ScannedFinding result(Cursor cursor) throws XMLStreamException {
        FindingBuilder finding = new FindingBuilder(ReportFormat.OPENVAS);
        String resultName = null;
        String threat = null;
        String score = null;
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
        if (finding.cvssVector == null) {
            String vector = nvt.tag("cvss_base_vector");
            if (vector != null && vector.startsWith("CVSS:3")) {
                finding.cvssVector(vector);
            }
        }
        finding.severity = severity(score, threat);
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
                        severities(cursor, finding);
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
                        finding.references(bare && (lowerType.equals("cnvd") || lowerType.equals("cnnvd"))
                                ? type.toUpperCase(Locale.ROOT) + "-" + id : id);
                    }
                }
            }
        }

        private static void severities(Cursor cursor, FindingBuilder finding) throws XMLStreamException {
            boolean v3 = false;
            int event;
            while ((event = cursor.next()) != XMLStreamConstants.END_ELEMENT || !cursor.name().equals("severities")) {
                if (event == -1) {
                    throw ReportParseException.of("ingest.parse.malformed-xml", cursor.line(), cursor.column());
                }
                if (event != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                if (cursor.name().equals("severity")) {
                    String type = cursor.attribute("type");
                    v3 = type != null && type.startsWith("cvss_base_v3");
                } else if (cursor.name().equals("value")) {
                    String value = cursor.text(300);
                    if (v3 && finding.cvssVector == null) {
                        finding.cvssVector(value);
                    }
                } else {
                    cursor.skip();
                }
            }
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
