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
 * @param description  what is wrong, or for an Nmap script what it printed (at most {@value #MAX_TEXT} characters)
 * @param solution     how to fix it (at most {@value #MAX_TEXT} characters)
 * @param severity     on the register's scale; each parser documents its mapping; {@code null} exactly when
 *                     the item is informational
 * @param informational whether the scanner rates the item as no risk by itself (an open port, a service, the
 *                     scan's settings); see {@link ScanMapping#severity} for how the register records it
 * @param category     weak password, vulnerability…
 * @param cves         CVE ids, upper case ({@code CVE-2023-4573})
 * @param cnvdIds      China National Vulnerability Database ids ({@code CNVD-2020-12345})
 * @param cnnvdIds     CNNVD ids ({@code CNNVD-202001-123})
 * @param cweIds       weakness types ({@code CWE-79})
 * @param cvssVector   the CVSS vector as the scanner gave it (any version: {@code CVSS:3.1/…}, {@code CVSS:3.0/…},
 *                     {@code CVSS:4.0/…}, v2 as {@code AV:N/AC:L/…} or {@code CVSS2#AV:N/…}), not parsed here
 * @param location     for code findings: {@code path:line}
 * @param evidence     raw evidence (plugin output, a scanner's output, code snippet), at most
 *                     {@value #MAX_EVIDENCE} characters
 * @param flags        what the importer noticed about the data
 * @param tool         the tool that produced the item where a report may hold several (SARIF: the run's
 *                     {@code tool.driver.name}); {@code null} otherwise
 * @param scannerScore the scanner's own base score (0.0–10.0) where it gives one, used when no vector is given
 * @param suppression  set when the tool reports the item as suppressed (SARIF {@code suppressions} with status
 *                     accepted or absent); {@code null} otherwise
 * @param service      for an informational item about an open port: the service seen there; {@code null}
 *                     otherwise
 */
public record ScannedFinding(ReportFormat format, String host, Integer port, String protocol, String ruleId,
        String title, String description, String solution, Severity severity, boolean informational, FindingCategory category,
        List<String> cves, List<String> cnvdIds, List<String> cnnvdIds, List<String> cweIds, String cvssVector, String location,
        String evidence, Set<FindingFlag> flags, String tool, Double scannerScore, Suppression suppression,
        ObservedService service) {

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
        cweIds = cweIds == null ? List.of() : List.copyOf(cweIds); // absent from items staged before CWE ids were read
        flags = Set.copyOf(flags);
    }

    /**
     * A tool's statement that an item is suppressed (SARIF 2.1.0 §3.35): {@code kind} {@code inSource} or
     * {@code external}, with the justification the tool recorded (may be {@code null}).
     */
    public record Suppression(String kind, String justification) {
    }

    /**
     * A service seen on an open port (Nmap {@code service}, Nessus service detection): names as the scanner
     * wrote them, any may be {@code null}.
     */
    public record ObservedService(String name, String product, String version) {
    }

    /** Whether the finding shows default or weak credentials (弱口令). */
    public boolean isWeakPassword() {
        return category == FindingCategory.WEAK_PASSWORD;
    }

    private static int length(String text) {
        return text == null ? 0 : text.length();
    }
}
