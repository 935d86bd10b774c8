package org.inspectorate.ingest;

import java.util.Locale;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;

import org.inspectorate.finding.Severity;

/**
 * Tenable Nessus v2 ({@code .nessus}): {@code ReportHost} elements, each with {@code HostProperties} (the
 * {@code host-ip} tag gives the address; the host's {@code name} attribute is used when it is missing)
 * and {@code ReportItem}s.
 *
 * <p>Severity: the item's {@code severity} attribute 4 (critical) and 3 → HIGH, 2 → MEDIUM, 1 → LOW,
 * 0 → informational; any other value (7, -1, {@code high}) is refused ({@code ingest.parse.nessus-severity-invalid});
 * without the attribute, {@code risk_factor} Critical/High → HIGH, Medium → MEDIUM, Low → LOW, None → informational.
 * Port 0 (Nessus' "general") becomes no port; an informational item on a port with a {@code svc_name} carries
 * that service. Description is the {@code synopsis} followed by the {@code description}; evidence is the
 * {@code plugin_output}; CVEs from {@code cve}, CWE ids from {@code cwe} ({@code 79}), CNVD/CNNVD/CWE ids from
 * {@code xref} ({@code CNVD:2020-12345}, {@code CWE:79}) and {@code see_also}. CVSS: the newest of {@code cvss4_vector}, {@code cvss3_vector} and {@code cvss_vector} (v2,
 * {@code CVSS2#AV:N/…}) as written, with the base score of that version ({@code cvss4_base_score},
 * {@code cvss3_base_score}, {@code cvss_base_score}) as the scanner's score; without a vector, the newest score.
 * Every {@code ReportHost} is reported as scanned, with or without items.
 */
final class NessusParser extends StaxReportParser {

    private final WeakCredentialPolicy weakCredentials;

    NessusParser(WeakCredentialPolicy weakCredentials) {
        this.weakCredentials = weakCredentials;
    }

    @Override
    public ReportFormat format() {
        return ReportFormat.NESSUS;
    }

    @Override
    boolean acceptsRoot(String localName) {
        return localName.equals("NessusClientData_v2");
    }

    @Override
    void walk(Cursor cursor, ReportSink sink) throws XMLStreamException {
        String host = null;
        String validated = null;
        long hostLine = 0;
        long hostColumn = 0;
        int event;
        while ((event = cursor.next()) != -1) {
            if (event == XMLStreamConstants.END_ELEMENT) {
                if (host != null && cursor.name().equals("ReportHost")) {
                    // a host without items was scanned too; it is named as its items would name it
                    String scanned = validated != null ? validated : scannedHost(host, hostLine, hostColumn);
                    if (scanned != null) {
                        sink.hostScanned(scanned);
                    }
                    host = null;
                }
                continue;
            }
            switch (cursor.name()) {
                case "ReportHost":
                    validated = null;
                    host = cursor.attribute("name");
                    hostLine = cursor.line();
                    hostColumn = cursor.column();
                    break;
                case "tag":
                    if ("host-ip".equals(cursor.attribute("name"))) {
                        long line = cursor.line();
                        long column = cursor.column();
                        host = Hosts.host(cursor.text(300), line, column);
                        validated = host;
                    }
                    break;
                case "ReportItem":
                    if (host == null) {
                        throw ReportParseException.of("ingest.parse.host-invalid", cursor.line(), cursor.column(), "");
                    }
                    if (validated == null) {
                        validated = Hosts.host(host, hostLine, hostColumn);
                    }
                    sink.accept(item(cursor, validated));
                    break;
                case "Policy":
                    cursor.skip();
                    break;
                default:
                    break;
            }
        }
    }

    private ScannedFinding item(Cursor cursor, String host) throws XMLStreamException {
        FindingBuilder finding = new FindingBuilder(ReportFormat.NESSUS);
        long line = cursor.line();
        long column = cursor.column();
        finding.host = host;
        int port = Hosts.port(cursor.attribute("port"), line, column);
        finding.port = port == 0 ? null : port;
        finding.protocol(cursor.attribute("protocol"));
        finding.ruleId = FindingBuilder.clean(cursor.attribute("pluginID"));
        String name = cursor.attribute("pluginName");
        String family = cursor.attribute("pluginFamily");
        String severity = cursor.attribute("severity");
        String serviceName = FindingBuilder.clean(cursor.attribute("svc_name"));
        long cutsBefore = cursor.cuts();
        Cvss cvss = new Cvss();
        String riskFactor = null;
        String synopsis = null;
        String description = null;
        String output = null;
        String seeAlso = null;
        int event;
        while ((event = cursor.next()) != XMLStreamConstants.END_ELEMENT) {
            if (event == -1) {
                throw ReportParseException.of("ingest.parse.malformed-xml", cursor.line(), cursor.column());
            }
            switch (cursor.name()) {
                case "plugin_name":
                    String pluginName = cursor.text(ScannedFinding.MAX_TITLE + 1);
                    name = name == null || name.isBlank() ? pluginName : name;
                    break;
                case "synopsis":
                    synopsis = cursor.text();
                    break;
                case "description":
                    description = cursor.text();
                    break;
                case "solution":
                    finding.solution(cursor.text());
                    break;
                case "plugin_output":
                    output = cursor.text(ScannedFinding.MAX_EVIDENCE + 1);
                    break;
                case "risk_factor":
                    riskFactor = cursor.text(50);
                    break;
                case "cve":
                case "xref":
                    finding.references(cursor.text(200));
                    break;
                case "cwe":
                    finding.weakness(cursor.text(50));
                    break;
                case "see_also":
                    seeAlso = cursor.text(4_000);
                    break;
                case "cvss_vector":
                    cvss.vectors[2] = FindingBuilder.clean(cursor.text(300));
                    break;
                case "cvss3_vector":
                    cvss.vectors[3] = FindingBuilder.clean(cursor.text(300));
                    break;
                case "cvss4_vector":
                    cvss.vectors[4] = FindingBuilder.clean(cursor.text(300));
                    break;
                case "cvss_base_score":
                    cvss.scores[2] = FindingBuilder.score(cursor.text(50));
                    break;
                case "cvss3_base_score":
                    cvss.scores[3] = FindingBuilder.score(cursor.text(50));
                    break;
                case "cvss4_base_score":
                    cvss.scores[4] = FindingBuilder.score(cursor.text(50));
                    break;
                default:
                    cursor.skip();
                    break;
            }
        }
        finding.references(seeAlso);
        finding.title(name);
        finding.description(join(synopsis, description));
        finding.evidence(output);
        finding.severity = severity(severity, riskFactor, line, column);
        cvss.into(finding);
        if (finding.severity == FindingBuilder.INFORMATIONAL && port != 0 && serviceName != null) {
            // service detection's "a web server is running on this port": what runs where, no problem by itself
            finding.service = new ScannedFinding.ObservedService(serviceName, null, null);
        }
        if (cursor.cuts() != cutsBefore) {
            finding.flag(FindingFlag.TEXT_TRUNCATED);
        }
        if (weakCredentials.showsWeakCredentials(ReportFormat.NESSUS, finding.ruleId, name, family, output)) {
            finding.category = FindingCategory.WEAK_PASSWORD;
        } else if (family != null && family.toLowerCase(Locale.ROOT).contains("compliance")
                && finding.severity != FindingBuilder.INFORMATIONAL) {
            finding.category = FindingCategory.MISCONFIGURATION;
        }
        try {
            return finding.build();
        } catch (IllegalArgumentException e) {
            throw cursor.invalidItem(e);
        }
    }

    /**
     * The register's severity of an item: its {@code severity} attribute, which Nessus writes 0–4, else its
     * {@code risk_factor}. Any other severity value is refused rather than guessed at.
     */
    static Severity severity(String severity, String riskFactor, long line, long column) {
        String value = severity == null ? "" : severity.strip();
        switch (value) {
            case "4":
            case "3":
                return Severity.HIGH;
            case "2":
                return Severity.MEDIUM;
            case "1":
                return Severity.LOW;
            case "0":
                return FindingBuilder.INFORMATIONAL;
            case "":
                break;
            default:
                throw ReportParseException.of("ingest.parse.nessus-severity-invalid", line, column,
                        Hosts.abbreviate(value));
        }
        String risk = riskFactor == null ? "" : riskFactor.strip().toLowerCase(Locale.ROOT);
        switch (risk) {
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

    /**
     * An item's CVSS data by version (index 2, 3, 4): the newest version's vector is kept as written, with
     * that version's base score; without any vector, the newest score alone.
     */
    private static final class Cvss {
        final String[] vectors = new String[5];
        final Double[] scores = new Double[5];

        void into(FindingBuilder finding) {
            for (int version = 4; version >= 2; version--) {
                if (vectors[version] != null) {
                    finding.cvssVector(vectors[version]);
                    finding.scannerScore = scores[version];
                    return;
                }
            }
            for (int version = 4; version >= 2; version--) {
                if (scores[version] != null) {
                    finding.scannerScore = scores[version];
                    return;
                }
            }
        }
    }

    private static String join(String first, String second) {
        String a = FindingBuilder.clean(first);
        String b = FindingBuilder.clean(second);
        if (a == null) {
            return b;
        }
        return b == null || b.equals(a) ? a : a + "\n\n" + b;
    }
}
