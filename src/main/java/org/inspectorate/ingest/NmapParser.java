package org.inspectorate.ingest;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;

import org.inspectorate.finding.Severity;

/**
 * Nmap XML ({@code <nmaprun>}, as its DTD describes it). Each open port of a host that is up (state
 * {@code open}; for UDP also {@code open|filtered}, which is how Nmap reports a UDP port that did not answer
 * a probe) becomes an informational item (rule id {@code open-port}, title as Nmap prints it:
 * {@code 5432/tcp open postgresql}) carrying the service seen there (the {@code service} element's name,
 * product and version; product, version and extra information also as evidence).
 *
 * <p>Each NSE script result ({@code port/script}, {@code hostscript/script}) becomes an item with the script
 * id as rule id and its output, without the blank lines and indentation Nmap wraps around it, as description:
 * <ul>
 * <li>a WEAK_PASSWORD finding of severity HIGH when the {@link WeakCredentialPolicy} sees default or weak
 * credentials in its output;</li>
 * <li>one VULNERABILITY finding for a vulners-style script (id {@code vulners}, or any script listing CVE
 * ids with CVSS scores, in {@code table}/{@code elem} elements or as text lines): every CVE a reference, the
 * highest listed score the scanner's score and, by {@link FindingBuilder#ofScore(double)}, the severity (LOW
 * when the scores are all zero);</li>
 * <li>otherwise an informational item, with the CVE ids its output names.</li>
 * </ul>
 * The host is its IPv4 or IPv6 address, else its first host name; every host that is up is reported as
 * scanned, with or without open ports.
 */
final class NmapParser extends StaxReportParser {

    static final String OPEN_PORT_RULE = "open-port";

    /** A vulners-style line: an id, a CVSS score, usually a link ({@code \tCVE-2018-15919\t5.0\thttps://…}). */
    private static final Pattern SCORED_LINE = Pattern.compile(
            "(?m)^[ \\t]*(\\S+)[ \\t]+(10(?:\\.0+)?|\\d(?:\\.\\d+)?)(?:[ \\t]+\\S+)*[ \\t]*$");
    private static final Pattern CVE_ID = Pattern.compile("(?i)CVE-\\d{4}-\\d{4,7}");

    private final WeakCredentialPolicy weakCredentials;

    NmapParser(WeakCredentialPolicy weakCredentials) {
        this.weakCredentials = weakCredentials;
    }

    @Override
    public ReportFormat format() {
        return ReportFormat.NMAP;
    }

    @Override
    boolean acceptsRoot(String localName) {
        return localName.equals("nmaprun");
    }

    @Override
    void walk(Cursor cursor, ReportSink sink) throws XMLStreamException {
        int event;
        while ((event = cursor.next()) != -1) {
            if (event == XMLStreamConstants.START_ELEMENT && cursor.name().equals("host")) {
                host(cursor, sink);
            }
        }
    }

    private void host(Cursor cursor, ReportSink sink) throws XMLStreamException {
        long line = cursor.line();
        long column = cursor.column();
        String address = null;
        String hostname = null;
        // a host without a status element is taken as up, as Nmap only writes hosts it found up then
        boolean up = true;
        int event;
        while ((event = cursor.next()) != XMLStreamConstants.END_ELEMENT || !cursor.name().equals("host")) {
            if (event == -1) {
                throw ReportParseException.of("ingest.parse.malformed-xml", cursor.line(), cursor.column());
            }
            if (event != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            switch (cursor.name()) {
                case "status":
                    up = "up".equals(cursor.attribute("state"));
                    break;
                case "address":
                    String type = cursor.attribute("addrtype");
                    if (address == null && ("ipv4".equals(type) || "ipv6".equals(type))) {
                        address = Hosts.host(cursor.attribute("addr"), cursor.line(), cursor.column());
                    }
                    break;
                case "hostname":
                    if (hostname == null) {
                        hostname = cursor.attribute("name");
                    }
                    break;
                case "port":
                    String host = address != null ? address : hostname;
                    if (host == null) {
                        throw ReportParseException.of("ingest.parse.host-invalid", cursor.line(), cursor.column(), "");
                    }
                    port(cursor, Hosts.host(host, cursor.line(), cursor.column()), up, sink);
                    break;
                case "script":
                    // a hostscript result: about the host, no port
                    String scriptHost = address != null ? address : hostname;
                    if (scriptHost != null && up) {
                        script(cursor, Hosts.host(scriptHost, cursor.line(), cursor.column()), null, null, null, sink);
                    } else {
                        cursor.skip();
                    }
                    break;
                default:
                    break;
            }
        }
        if (up) {
            String scanned = address != null ? address : scannedHost(hostname, line, column);
            if (scanned != null) {
                sink.hostScanned(scanned);
            }
        }
    }

    private void port(Cursor cursor, String host, boolean up, ReportSink sink)
            throws XMLStreamException {
        long line = cursor.line();
        long column = cursor.column();
        int number = Hosts.port(cursor.attribute("portid"), line, column);
        String protocol = cursor.attribute("protocol");
        boolean open = false;
        ScannedFinding.ObservedService service = null;
        String product = null;
        int event;
        while ((event = cursor.next()) != XMLStreamConstants.END_ELEMENT || !cursor.name().equals("port")) {
            if (event == -1) {
                throw ReportParseException.of("ingest.parse.malformed-xml", cursor.line(), cursor.column());
            }
            if (event != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            switch (cursor.name()) {
                case "state":
                    open = isOpen(cursor.attribute("state"), protocol);
                    break;
                case "service":
                    service = new ScannedFinding.ObservedService(FindingBuilder.clean(cursor.attribute("name")),
                            FindingBuilder.clean(cursor.attribute("product")),
                            FindingBuilder.clean(cursor.attribute("version")));
                    product = join(cursor.attribute("product"), cursor.attribute("version"),
                            cursor.attribute("extrainfo"));
                    break;
                case "script":
                    if (open && up) {
                        script(cursor, host, number, protocol, product, sink);
                    } else {
                        cursor.skip();
                    }
                    break;
                default:
                    break;
            }
        }
        if (open && up) {
            FindingBuilder finding = new FindingBuilder(ReportFormat.NMAP);
            finding.host = host;
            finding.port = number;
            finding.protocol(protocol);
            finding.ruleId = OPEN_PORT_RULE;
            String name = service == null ? null : service.name();
            finding.title(number + "/" + (protocol == null ? "" : protocol) + " open" + (name == null ? "" : " " + name));
            finding.evidence(product);
            finding.service = service == null ? new ScannedFinding.ObservedService(null, null, null) : service;
            finding.severity = FindingBuilder.INFORMATIONAL;
            finding.category = FindingCategory.INFORMATIONAL;
            sink.accept(build(cursor, finding));
        }
    }

    /** Open as the DTD's states say: {@code open}, and for UDP {@code open|filtered} (no answer to a probe). */
    private static boolean isOpen(String state, String protocol) {
        return "open".equals(state) || "open|filtered".equals(state) && "udp".equals(protocol);
    }

    /** Reads one {@code script} element with everything inside it and hands on the item it makes. */
    private void script(Cursor cursor, String host, Integer port, String protocol, String product, ReportSink sink)
            throws XMLStreamException {
        String id = cursor.attribute("id");
        String output = cursor.attribute("output");
        long cutsBefore = cursor.cuts();
        FindingBuilder finding = new FindingBuilder(ReportFormat.NMAP);
        Listed listed = new Listed();
        listed.elements(cursor, finding);
        listed.lines(output);
        finding.host = host;
        finding.port = port;
        finding.protocol(protocol);
        finding.ruleId = FindingBuilder.clean(id);
        finding.description(output);
        if (weakCredentials.showsWeakCredentials(ReportFormat.NMAP, id, id, null, output)) {
            finding.title(id);
            finding.severity = Severity.HIGH;
            finding.category = FindingCategory.WEAK_PASSWORD;
        } else if (listed.hasScoredCve || "vulners".equals(id) && listed.maxScore != null) {
            finding.title(product == null ? id : id + ": " + product);
            finding.references(output);
            Severity severity = FindingBuilder.ofScore(listed.maxScore);
            finding.severity = severity == FindingBuilder.INFORMATIONAL ? Severity.LOW : severity;
            finding.scannerScore = listed.maxScore;
            finding.category = FindingCategory.VULNERABILITY;
        } else {
            finding.title(id);
            finding.severity = FindingBuilder.INFORMATIONAL;
            finding.category = FindingCategory.INFORMATIONAL;
            finding.references(output);
        }
        if (cursor.cuts() != cutsBefore) {
            finding.flag(FindingFlag.TEXT_TRUNCATED);
        }
        sink.accept(build(cursor, finding));
    }

    /** What a script lists with CVSS scores, as vulners does: the highest score and whether a CVE is among them. */
    private static final class Listed {
        Double maxScore;
        boolean hasScoredCve;

        /**
         * Walks the script's {@code table}/{@code elem} structure (leaving the reader on its end tag): a table
         * entry is one listed vulnerability, with {@code id} and {@code cvss} elements.
         */
        void elements(Cursor cursor, FindingBuilder finding) throws XMLStreamException {
            int depth = 0;
            String entryId = null;
            Double entryScore = null;
            while (true) {
                int event = cursor.next();
                if (event == -1) {
                    throw ReportParseException.of("ingest.parse.malformed-xml", cursor.line(), cursor.column());
                }
                String name = cursor.name();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    if (name.equals("elem")) {
                        String key = cursor.attribute("key");
                        String value = cursor.text(300);
                        if ("id".equals(key)) {
                            entryId = value;
                            finding.references(value);
                        } else if ("cvss".equals(key)) {
                            entryScore = FindingBuilder.score(value);
                        }
                    } else {
                        depth++;
                        entryId = null;
                        entryScore = null;
                    }
                } else if (depth == 0) {
                    return;
                } else {
                    depth--;
                    score(entryId, entryScore);
                    entryId = null;
                    entryScore = null;
                }
            }
        }

        /** Reads the script's text output for lines of an id and a score. */
        void lines(String output) {
            if (output == null || output.isEmpty()) {
                return;
            }
            Matcher line = SCORED_LINE.matcher(output);
            while (line.find()) {
                score(line.group(1), FindingBuilder.score(line.group(2)));
            }
        }

        private void score(String id, Double score) {
            if (score == null) {
                return;
            }
            maxScore = maxScore == null ? score : Math.max(maxScore, score);
            if (id != null && CVE_ID.matcher(id).matches()) {
                hasScoredCve = true;
            }
        }
    }

    private static ScannedFinding build(Cursor cursor, FindingBuilder finding) {
        try {
            return finding.build();
        } catch (IllegalArgumentException e) {
            throw cursor.invalidItem(e);
        }
    }

    private static String join(String... parts) {
        StringBuilder text = new StringBuilder();
        for (String part : parts) {
            if (part != null && !part.isBlank()) {
                text.append(text.length() == 0 ? "" : " ").append(part.strip());
            }
        }
        return text.length() == 0 ? null : text.toString();
    }
}
