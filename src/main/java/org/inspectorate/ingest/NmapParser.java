package org.inspectorate.ingest;


import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;

import org.inspectorate.finding.Severity;

/**
 * Nmap XML ({@code <nmaprun>}). Each open port of a host that is up becomes an INFORMATIONAL finding
 * (rule id {@code open-port}, title as Nmap prints it: {@code 5432/tcp open postgresql}, with product and
 * version as evidence). Each NSE script result ({@code port/script}, {@code hostscript/script}) becomes a
 * finding with the script id as rule id: a WEAK_PASSWORD finding of severity HIGH when the
 * {@link WeakCredentialPolicy} sees default or weak credentials in its output, otherwise INFORMATIONAL
 * and informational, with CVE ids taken from the output (as {@code vulners} lists them).
 * The host is its IPv4 or IPv6 address, else its first host name.
 */
final class NmapParser extends StaxReportParser {

    static final String OPEN_PORT_RULE = "open-port";

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
        String address = null;
        String hostname = null;
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
                    up = !"down".equals(cursor.attribute("state"));
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
                        emitScript(cursor, Hosts.host(scriptHost, cursor.line(), cursor.column()), null, null, sink);
                    }
                    cursor.skip();
                    break;
                default:
                    break;
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
        String service = null;
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
                    open = "open".equals(cursor.attribute("state"));
                    break;
                case "service":
                    service = cursor.attribute("name");
                    product = join(cursor.attribute("product"), cursor.attribute("version"),
                            cursor.attribute("extrainfo"));
                    break;
                case "script":
                    if (open && up) {
                        emitScript(cursor, host, number, protocol, sink);
                    }
                    cursor.skip();
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
            finding.title(number + "/" + (protocol == null ? "" : protocol) + " open"
                    + (service == null ? "" : " " + service));
            finding.evidence(product);
            finding.severity = FindingBuilder.INFORMATIONAL;
            finding.category = FindingCategory.INFORMATIONAL;
            sink.accept(build(cursor, finding));
        }
    }

    private void emitScript(Cursor cursor, String host, Integer port, String protocol, ReportSink sink) {
        String id = cursor.attribute("id");
        String output = cursor.attribute("output");
        FindingBuilder finding = new FindingBuilder(ReportFormat.NMAP);
        finding.host = host;
        finding.port = port;
        finding.protocol(protocol);
        finding.ruleId = FindingBuilder.clean(id);
        finding.title(id);
        finding.evidence(output);
        if (weakCredentials.showsWeakCredentials(ReportFormat.NMAP, id, id, null, output)) {
            finding.severity = Severity.HIGH;
            finding.category = FindingCategory.WEAK_PASSWORD;
        } else {
            finding.severity = FindingBuilder.INFORMATIONAL;
            finding.category = FindingCategory.INFORMATIONAL;
            finding.references(output);
        }
        sink.accept(build(cursor, finding));
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
