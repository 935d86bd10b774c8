package org.inspectorate.ingest;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * Writes a realistic Nessus v2 report as a stream (constant memory, any size): many hosts of one subnet,
 * severities 0–4 in the shares real scans show (mostly informational), descriptions, solutions, synopses,
 * plugin output and {@code see_also} links of realistic sizes, several CVEs per rated item, and CVSS vectors
 * drawn metric by metric (so a report holds thousands of distinct vectors, each to be scored): CVSS:3.0 on
 * most rated items, CVSS:3.1 on some, and only a v2 {@code CVSS2#…} vector with its base score on the rest
 * (every rated item also carries its v2 vector, as Nessus writes it). 100,000 items come to about 125 MB.
 * For benchmarks (issue 12); the small reports of the tests stay in {@link SyntheticReports}.
 */
final class NessusReportGenerator {

    private static final String[] WORDS = ("remote host service server version vulnerable attacker request "
            + "response authentication session certificate protocol configuration update patch module library "
            + "buffer overflow injection header cookie password account access control privilege escalation "
            + "denial memory disclosure sensitive information encryption cipher network interface kernel daemon "
            + "listener handler parameter input validation sanitisation upstream vendor advisory affected "
            + "installed reported according self-reported banner therefore unauthenticated arbitrary code "
            + "execution crafted packet exploit successful allows potentially application component")
            .split(" ");
    private static final String[] FAMILIES = {"General", "Web Servers", "CGI abuses", "Service detection",
        "Windows", "Misc.", "Databases", "SNMP", "Firewalls", "Gain a shell remotely", "Ubuntu Local Security Checks",
        "Red Hat Local Security Checks", "Windows : Microsoft Bulletins"};
    private static final String[] SERVICES = {"www", "ssh", "ftp", "smtp", "mysql", "postgresql", "snmp",
        "msrdp", "https", "telnet", "general", "cifs"};
    private static final int[] PORTS = {80, 22, 21, 25, 3306, 5432, 161, 3389, 443, 23, 0, 445};
    private static final String[] RISK = {"None", "Low", "Medium", "High", "Critical"};
    /** Shares of severities 0..4 in per mille: informational items dominate a real Nessus scan. */
    private static final int[] SEVERITY_SHARE = {600, 60, 200, 100, 40};

    private NessusReportGenerator() {
    }

    /** For scripts (.ci/nodes): {@code <file> <subnet> <hosts> <items>} writes one report with seed 1. */
    public static void main(String[] args) throws IOException {
        Summary s = write(Path.of(args[0]), args[1], Integer.parseInt(args[2]), Integer.parseInt(args[3]), 1);
        System.out.println(args[0] + ": " + s.items() + " items on " + s.hosts() + " hosts, " + s.bytes() + " bytes");
    }

    /** What a generated report holds. */
    record Summary(long hosts, long items, long bytes, long v30, long v31, long v2only) {
    }

    /**
     * Writes {@code items} report items over {@code hosts} hosts of {@code subnet} (an IPv4 network such as
     * {@code 10.7.0.0}: host {@code i} is the network address plus {@code i + 1}).
     */
    static Summary write(Path file, String subnet, int hosts, int items, long seed) throws IOException {
        Random random = new Random(seed);
        long base = ipv4(subnet);
        long v30 = 0;
        long v31 = 0;
        long v2 = 0;
        try (Writer out = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(file),
                StandardCharsets.UTF_8), 1 << 16)) {
            out.write("<?xml version=\"1.0\" ?>\n<NessusClientData_v2>\n<Policy><policyName>Advanced Scan</policyName>"
                    + "</Policy>\n<Report name=\"generated " + subnet + "\" xmlns:cm=\"http://www.nessus.org/cm\">\n");
            int written = 0;
            for (int h = 0; h < hosts; h++) {
                int count = h == hosts - 1 ? items - written
                        : Math.min(items - written, (int) Math.round((items - written) / (double) (hosts - h)
                                * (0.5 + random.nextDouble())));
                String ip = ip(base + h + 1);
                out.write("<ReportHost name=\"" + ip + "\"><HostProperties>\n");
                out.write("<tag name=\"HOST_END\">Tue Dec  1 10:" + (10 + random.nextInt(49)) + ":00 2026</tag>\n");
                out.write("<tag name=\"operating-system\">Linux Kernel 5." + random.nextInt(19) + " on CentOS 7</tag>\n");
                out.write("<tag name=\"host-ip\">" + ip + "</tag>\n");
                out.write("<tag name=\"host-fqdn\">srv" + h + ".corp.example.cn</tag>\n");
                out.write("<tag name=\"HOST_START\">Tue Dec  1 09:58:00 2026</tag>\n</HostProperties>\n");
                Set<Long> used = new HashSet<>();
                for (int f = 0; f < count; f++) {
                    int kind = item(out, random, used);
                    v30 += kind == 30 ? 1 : 0;
                    v31 += kind == 31 ? 1 : 0;
                    v2 += kind == 2 ? 1 : 0;
                }
                written += count;
                out.write("</ReportHost>\n");
            }
            out.write("</Report>\n</NessusClientData_v2>\n");
        }
        return new Summary(hosts, items, Files.size(file), v30, v31, v2);
    }

    /** One item; returns 30, 31 or 2 for the vector it carries as its own, 0 for none. */
    private static int item(Writer out, Random random, Set<Long> used) throws IOException {
        int severity = severity(random);
        int service;
        int pluginId;
        do {
            service = random.nextInt(SERVICES.length);
            pluginId = 10_000 + random.nextInt(190_000);
        } while (!used.add((long) pluginId << 16 | PORTS[service]));
        String name = capitalised(sentence(random, 3 + random.nextInt(5)));
        out.write("<ReportItem port=\"" + PORTS[service] + "\" svc_name=\"" + SERVICES[service]
                + "\" protocol=\"" + (PORTS[service] == 161 ? "udp" : "tcp") + "\" severity=\"" + severity
                + "\" pluginID=\"" + pluginId + "\" pluginName=\"" + escape(name) + "\" pluginFamily=\""
                + FAMILIES[random.nextInt(FAMILIES.length)] + "\">\n");
        element(out, "description", paragraph(random, 50 + random.nextInt(severity == 0 ? 120 : 300)));
        element(out, "fname", "generated_" + pluginId + ".nasl");
        element(out, "plugin_modification_date", "2026/0" + (1 + random.nextInt(9)) + "/1" + random.nextInt(10));
        element(out, "plugin_name", name);
        element(out, "plugin_publication_date", "20" + (10 + random.nextInt(16)) + "/0" + (1 + random.nextInt(9))
                + "/2" + random.nextInt(8));
        element(out, "plugin_type", random.nextInt(3) == 0 ? "local" : "remote");
        element(out, "risk_factor", RISK[severity]);
        int links = severity == 0 ? random.nextInt(2) : 1 + random.nextInt(3);
        if (links > 0) {
            StringBuilder see = new StringBuilder();
            for (int l = 0; l < links; l++) {
                see.append(l == 0 ? "" : "\n").append("https://www.").append(WORDS[random.nextInt(WORDS.length)])
                        .append("-vendor.com/security/advisories/").append(WORDS[random.nextInt(WORDS.length)])
                        .append('-').append(1000 + random.nextInt(90_000)).append(".html");
            }
            element(out, "see_also", see.toString());
        }
        element(out, "solution", severity == 0 ? "n/a" : paragraph(random, 30 + random.nextInt(120)));
        element(out, "synopsis", capitalised(sentence(random, 5 + random.nextInt(6))) + ".");
        int kind = 0;
        if (severity > 0) {
            int draw = random.nextInt(100);
            kind = draw < 75 ? 30 : draw < 90 ? 31 : 2;
            String v2 = cvss2(random);
            element(out, "cvss_base_score", score(random, severity));
            element(out, "cvss_vector", v2);
            if (kind != 2) {
                element(out, "cvss3_base_score", score(random, severity));
                element(out, "cvss3_vector", cvss3(random, kind == 30 ? "CVSS:3.0" : "CVSS:3.1"));
            }
            int cves = 1 + random.nextInt(random.nextInt(8) == 0 ? 12 : 4);
            for (int c = 0; c < cves; c++) {
                element(out, "cve", "CVE-20" + (10 + random.nextInt(16)) + "-" + (1000 + random.nextInt(40_000)));
            }
            element(out, "xref", "CWE:" + (20 + random.nextInt(900)));
            if (random.nextInt(8) == 0) {
                element(out, "xref", "CNVD:20" + (18 + random.nextInt(8)) + "-" + (10_000 + random.nextInt(9_000)));
            }
            element(out, "xref", "IAVA:20" + (18 + random.nextInt(8)) + "-A-0" + (100 + random.nextInt(400)));
        }
        int output = random.nextInt(3) == 0 ? 0 : 20 + random.nextInt(random.nextInt(10) == 0 ? 1000 : 100);
        if (output > 0) {
            element(out, "plugin_output", "\n  Installed version : " + random.nextInt(9) + "." + random.nextInt(30)
                    + "\n  Fixed version     : " + (1 + random.nextInt(9)) + "." + random.nextInt(30) + "\n\n"
                    + paragraph(random, output));
        }
        out.write("</ReportItem>\n");
        return kind;
    }

    private static int severity(Random random) {
        int draw = random.nextInt(1000);
        for (int s = 0; s < SEVERITY_SHARE.length; s++) {
            draw -= SEVERITY_SHARE[s];
            if (draw < 0) {
                return s;
            }
        }
        return 0;
    }

    private static String score(Random random, int severity) {
        int low = new int[] {0, 1, 4, 7, 9}[severity];
        int high = new int[] {0, 3, 6, 8, 10}[severity];
        int tenths = low * 10 + random.nextInt((high - low) * 10 + 1);
        return String.format(Locale.ROOT, "%d.%d", Math.min(tenths, 100) / 10, Math.min(tenths, 100) % 10);
    }

    private static String cvss3(Random random, String prefix) {
        return prefix + "/AV:" + pick(random, "N", "N", "N", "A", "L", "P") + "/AC:" + pick(random, "L", "L", "H")
                + "/PR:" + pick(random, "N", "N", "L", "H") + "/UI:" + pick(random, "N", "N", "R") + "/S:"
                + pick(random, "U", "U", "U", "C") + "/C:" + pick(random, "H", "L", "N") + "/I:"
                + pick(random, "H", "L", "N") + "/A:" + pick(random, "H", "L", "N")
                + (random.nextInt(4) == 0 ? "/E:" + pick(random, "U", "P", "F", "H") + "/RL:"
                        + pick(random, "O", "T", "W", "U") + "/RC:" + pick(random, "C", "R", "U") : "");
    }

    private static String cvss2(Random random) {
        return "CVSS2#AV:" + pick(random, "N", "N", "A", "L") + "/AC:" + pick(random, "L", "M", "H") + "/Au:"
                + pick(random, "N", "N", "S", "M") + "/C:" + pick(random, "N", "P", "C") + "/I:"
                + pick(random, "N", "P", "C") + "/A:" + pick(random, "N", "P", "C");
    }

    private static String pick(Random random, String... values) {
        return values[random.nextInt(values.length)];
    }

    static long ipv4(String address) {
        String[] parts = address.split("\\.");
        long ip = 0;
        for (String p : parts) {
            ip = ip << 8 | Integer.parseInt(p);
        }
        return ip;
    }

    static String ip(long ip) {
        return (ip >> 24 & 255) + "." + (ip >> 16 & 255) + "." + (ip >> 8 & 255) + "." + (ip & 255);
    }

    private static void element(Writer out, String name, String text) throws IOException {
        SyntheticReports.element(out, name, text);
    }

    private static String paragraph(Random random, int length) {
        return SyntheticReports.paragraph(random, length, WORDS);
    }

    private static String sentence(Random random, int count) {
        return SyntheticReports.sentence(random, count, WORDS);
    }

    private static String capitalised(String text) {
        return SyntheticReports.capitalised(text);
    }

    private static String escape(String text) {
        return SyntheticReports.escape(text);
    }
}
