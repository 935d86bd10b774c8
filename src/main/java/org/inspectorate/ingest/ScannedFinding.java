package org.inspectorate.ingest;

import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.inspectorate.finding.Severity;

/**
 * One item of a scanner or tool report (扫描发现), as read from the file and before it is matched to a
 * network unit. Texts are kept as the scanner wrote them, cut at the sizes below.
 *
 * @param format       the report format it came from
 * @param host         IPv4/IPv6 address or host name; {@code null} only for code findings (SARIF) that
 *                     carry a {@code location} instead
 * @param port         0–65535, or {@code null} when the finding concerns the host as a whole
 * @param protocol     {@code tcp}, {@code udp}, {@code icmp}…, lower case; {@code null} when unknown
 * @param ruleId       the scanner's rule: Nessus plugin id, OpenVAS NVT OID, Nmap script id, SARIF ruleId
 * @param title        short name of the problem (at most {@value #MAX_TITLE} characters)
 * @param description  what is wrong (at most {@value #MAX_TEXT} characters)
 * @param solution     how to fix it (at most {@value #MAX_TEXT} characters)
 * @param severity     on the register's scale; each parser documents its mapping; {@code null} exactly when
 *                     the item is informational
 * @param informational whether the scanner rates the item as no risk by itself (an open port, a service, the
 *                     scan's settings); see {@link ScanMapping#severity} for how the register records it
 * @param category     weak password, vulnerability…
 * @param cves         CVE ids, upper case ({@code CVE-2023-4573})
 * @param cnvdIds      China National Vulnerability Database ids ({@code CNVD-2020-12345})
 * @param cnnvdIds     CNNVD ids ({@code CNNVD-202001-123})
 * @param cvss3Vector  the CVSS v3 vector as the scanner gave it, not parsed here
 * @param location     for code findings: {@code path:line}
 * @param evidence     raw evidence (plugin output, script output, code snippet), at most
 *                     {@value #MAX_EVIDENCE} characters
 * @param flags        what the importer noticed about the data
 */
public record ScannedFinding(ReportFormat format, String host, Integer port, String protocol, String ruleId,
        String title, String description, String solution, Severity severity, boolean informational, FindingCategory category,
        List<String> cves, List<String> cnvdIds, List<String> cnnvdIds, String cvss3Vector, String location,
        String evidence, Set<FindingFlag> flags) {

    public static final int MAX_TITLE = 500;
    public static final int MAX_TEXT = 32_000;
    public static final int MAX_EVIDENCE = 4_000;

    public ScannedFinding {
        Objects.requireNonNull(format, "format");
        if (informational != (severity == null)) {
            throw new IllegalArgumentException("an informational item has no severity, any other item has one");
        }
        Objects.requireNonNull(category, "category");
        if (host == null && location == null) {
            throw new IllegalArgumentException("a finding names a host or a code location");
        }
        if (host != null && !Hosts.isValid(host)) {
            throw new IllegalArgumentException("not an IP address or host name: " + host);
        }
        if (port != null && (port < 0 || port > Hosts.MAX_PORT)) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        if (title == null || title.isBlank()) {
            throw new IllegalArgumentException("a finding has a title");
        }
        if (title.length() > MAX_TITLE || length(description) > MAX_TEXT || length(solution) > MAX_TEXT
                || length(evidence) > MAX_EVIDENCE) {
            throw new IllegalArgumentException("text longer than the importer keeps");
        }
        cves = List.copyOf(cves);
        cnvdIds = List.copyOf(cnvdIds);
        cnnvdIds = List.copyOf(cnnvdIds);
        flags = Set.copyOf(flags);
    }

    /** Whether the finding shows default or weak credentials (弱口令). */
    public boolean isWeakPassword() {
        return category == FindingCategory.WEAK_PASSWORD;
    }

    private static int length(String text) {
        return text == null ? 0 : text.length();
    }
}
