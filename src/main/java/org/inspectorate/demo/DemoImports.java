package org.inspectorate.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.inspectorate.demo.DemoDirectory.DemoOrganisation;
import org.inspectorate.ingest.ImportJob;
import org.inspectorate.ingest.ImportJobs;
import org.inspectorate.organisation.Actor;
import org.inspectorate.organisation.Organisation;
import org.inspectorate.organisation.Organisations;
import org.inspectorate.organisation.Role;
import org.inspectorate.system.PageRequest;

/**
 * One scanner report import for the demo operator ({@code operator}, 中国电信北京分公司), so that a newcomer
 * finds /imports at work: a small generated Nessus report whose hosts are assets of its demo units, and one
 * host (10.20.30.40) that no unit lists, waiting to be assigned. It goes through {@link ImportJobs} like any
 * upload and finishes in the background seconds after start-up. Idempotent: an operator that already has
 * an import is left alone.
 */
final class DemoImports {

    /** A host of the report that none of the operator's units lists. */
    static final String UNMATCHED_HOST = "10.20.30.40";

    private final Organisations organisations;
    private final ImportJobs jobs;

    DemoImports(Organisations organisations, ImportJobs jobs) {
        this.organisations = organisations;
        this.jobs = jobs;
    }

    /** The import queued, or {@code null} when the operator already has one. */
    ImportJob load() {
        DemoOrganisation d = DemoDirectory.organisations().stream().filter(o -> o.key().equals("telecom-bj"))
                .findFirst().orElseThrow();
        Organisation org = organisations.findByCreditCodeUnscoped(d.creditCode()).orElseThrow();
        Actor operator = new Actor(0, "operator", org.id(), org.type(), org.province(), Set.of(Role.OPERATOR_ADMIN));
        if (jobs.list(operator, PageRequest.first(1)).total() > 0) {
            return null;
        }
        try {
            Path file = Files.createTempFile(jobs.tempDir(), "demo-", ".nessus");
            Files.writeString(file, report(), StandardCharsets.UTF_8);
            return jobs.submit(operator, new ImportJobs.Submission(null, List.of(), null, "季度远程安全扫描.nessus", file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Hosts of the first demo operator's units (see {@link DemoFilings}: index 1) and one unmatched host. */
    static String report() {
        StringBuilder out = new StringBuilder("<?xml version=\"1.0\" ?>\n<NessusClientData_v2>\n<Report name=\"2026Q4\">\n");
        host(out, "203.0.113.17",
                item(443, "tcp", "www", 3, "42873", "SSL Medium Strength Cipher Suites Supported (SWEET32)", "General",
                        "The remote host supports the use of SSL ciphers that offer medium strength encryption.",
                        "Reconfigure the affected application to avoid use of medium strength ciphers.",
                        "CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:N/A:N", "CVE-2016-2183"),
                item(80, "tcp", "www", 2, "85582", "Web Application Potentially Vulnerable to Clickjacking", "Web Servers",
                        "The remote web server does not set an X-Frame-Options or Content-Security-Policy header.",
                        "Return the X-Frame-Options or Content-Security-Policy (frame-ancestors) header.", null, null));
        host(out, "198.51.100.11",
                item(443, "tcp", "www", 4, "156032", "Apache Log4Shell RCE detection (CVE-2021-44228)", "Misc.",
                        "The remote host runs a Java application that uses a vulnerable Apache Log4j library.",
                        "Upgrade Apache Log4j to 2.17.1 or later.", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H",
                        "CVE-2021-44228"));
        host(out, "2001:db8:1::10",
                item(22, "tcp", "ssh", 4, "34219", "Default Password (admin) for 'admin' Account", "Default Unix Accounts",
                        "It is possible to log in to the remote host with the default credentials admin / admin.",
                        "Set a strong password for this account or disable it.",
                        "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", null));
        host(out, "192.0.2.63",
                item(53, "udp", "dns", 2, "35450", "DNS Server Spoofed Request Amplification DDoS", "DNS",
                        "The remote DNS server answers to any request, which can be used to amplify attacks.",
                        "Restrict access to the DNS server from public networks.", null, null));
        host(out, UNMATCHED_HOST,
                item(3389, "tcp", "msrdp", 3, "18405", "Microsoft Windows Remote Desktop Protocol Server MitM Weakness",
                        "Windows", "The remote version of Remote Desktop Protocol is vulnerable to a man-in-the-middle attack.",
                        "Force the use of SSL as a transport layer and enable Network Level Authentication.",
                        "CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:L/A:N", "CVE-2005-1794"));
        return out.append("</Report>\n</NessusClientData_v2>\n").toString();
    }

    private static void host(StringBuilder out, String host, String... items) {
        out.append("<ReportHost name=\"").append(host).append("\"><HostProperties><tag name=\"host-ip\">").append(host)
                .append("</tag></HostProperties>\n");
        for (String item : items) {
            out.append(item);
        }
        out.append("</ReportHost>\n");
    }

    private static String item(int port, String protocol, String service, int severity, String plugin, String name,
            String family, String description, String solution, String vector, String cve) {
        String[] risk = {"None", "Low", "Medium", "High", "Critical"};
        return "<ReportItem port=\"" + port + "\" svc_name=\"" + service + "\" protocol=\"" + protocol + "\" severity=\""
                + severity + "\" pluginID=\"" + plugin + "\" pluginName=\"" + name.replace("'", "&apos;")
                + "\" pluginFamily=\"" + family + "\">\n<description>" + description + "</description>\n"
                + "<risk_factor>" + risk[severity] + "</risk_factor>\n<solution>" + solution + "</solution>\n"
                + "<synopsis>" + name.replace("'", "&apos;") + "</synopsis>\n"
                + (vector == null ? "" : "<cvss3_vector>" + vector + "</cvss3_vector>\n")
                + (cve == null ? "" : "<cve>" + cve + "</cve>\n") + "</ReportItem>\n";
    }
}
