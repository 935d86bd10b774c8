package org.inspectorate.ingest;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * Writes synthetic but realistic scanner reports: N hosts × M findings, reproducible from a seed, with
 * description, solution and plugin output of realistic sizes, a few CVEs and CVSS v3 vectors, and some
 * weak-password items (about one in forty). Everything is streamed to the file; no report is built in
 * memory, so a 120 MB file costs no more heap than a small one.
 */
final class SyntheticReports {

    private static final String[] WORDS = ("remote host service server version vulnerable attacker request "
            + "response authentication session certificate protocol configuration update patch module library "
            + "buffer overflow injection header cookie password account access control privilege escalation "
            + "denial memory disclosure sensitive information encryption cipher network interface "
            + "kernel daemon listener handler parameter input validation sanitisation upstream vendor advisory")
            .split(" ");
    private static final String[] FAMILIES = {"General", "Web Servers", "CGI abuses", "Service detection",
            "Windows", "Misc.", "Databases", "SNMP", "Firewalls", "Gain a shell remotely"};
    private static final String[] SERVICES = {"www", "ssh", "ftp", "smtp", "mysql", "postgresql", "snmp", "rdp",
            "https", "telnet"};
    private static final int[] PORTS = {80, 22, 21, 25, 3306, 5432, 161, 3389, 443, 23};
    private static final String[] WEAK_NAMES = {"SSH Default Credentials", "MySQL Unpassworded Account Check",
            "Telnet Server Default Password", "SNMP Agent Default Community Name (public)",
            "FTP Weak Password Brute Force Login"};
    private static final String[] RISK = {"None", "Low", "Medium", "High", "Critical"};
    private static final String[] CVSS = {"CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",
            "CVSS:3.1/AV:N/AC:H/PR:N/UI:R/S:U/C:L/I:L/A:N", "CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:N/A:N"};

    private SyntheticReports() {
    }

    /** What a generated report holds, for checking a parse against it. */
    record Summary(long hosts, long findings, long weakPasswords, long bytes) {
    }

    static Summary writeNessus(Path file, int hosts, int findingsPerHost, long seed) throws IOException {
        Random random = new Random(seed);
        long weak = 0;
        try (Writer out = writer(Files.newOutputStream(file))) {
            out.write("<?xml version=\"1.0\" ?>\n<NessusClientData_v2>\n<Report name=\"synthetic\" "
                    + "xmlns:cm=\"http://www.nessus.org/cm\">\n");
            for (int h = 0; h < hosts; h++) {
                String ip = "10." + (h >> 16 & 255) + "." + (h >> 8 & 255) + "." + (h & 255);
                out.write("<ReportHost name=\"" + ip + "\"><HostProperties>\n");
                out.write("<tag name=\"HOST_END\">Tue Jun  1 10:" + (10 + random.nextInt(49)) + ":00 2026</tag>\n");
                out.write("<tag name=\"operating-system\">Linux Kernel 5." + random.nextInt(19) + "</tag>\n");
                out.write("<tag name=\"host-ip\">" + ip + "</tag>\n");
                out.write("<tag name=\"host-fqdn\">host" + h + ".example.cn</tag>\n");
                out.write("</HostProperties>\n");
                for (int f = 0; f < findingsPerHost; f++) {
                    boolean isWeak = random.nextInt(40) == 0;
                    weak += isWeak ? 1 : 0;
                    writeNessusItem(out, random, isWeak);
                }
                out.write("</ReportHost>\n");
            }
            out.write("</Report>\n</NessusClientData_v2>\n");
        }
        return new Summary(hosts, (long) hosts * findingsPerHost, weak, Files.size(file));
    }

    private static void writeNessusItem(Writer out, Random random, boolean weak) throws IOException {
        int service = random.nextInt(SERVICES.length);
        int severity = weak ? 3 : random.nextInt(5);
        String name = weak ? WEAK_NAMES[random.nextInt(WEAK_NAMES.length)]
                : capitalised(sentence(random, 4 + random.nextInt(5)));
        int pluginId = 10_000 + random.nextInt(190_000);
        out.write("<ReportItem port=\"" + PORTS[service] + "\" svc_name=\"" + SERVICES[service]
                + "\" protocol=\"tcp\" severity=\"" + severity + "\" pluginID=\"" + pluginId + "\" pluginName=\""
                + escape(name) + "\" pluginFamily=\"" + FAMILIES[random.nextInt(FAMILIES.length)] + "\">\n");
        element(out, "description", paragraph(random, 120 + random.nextInt(250)));
        element(out, "fname", "synthetic_" + pluginId + ".nasl");
        element(out, "plugin_modification_date", "2025/0" + (1 + random.nextInt(9)) + "/1" + random.nextInt(10));
        element(out, "plugin_name", name);
        element(out, "plugin_type", "remote");
        element(out, "risk_factor", RISK[severity]);
        element(out, "solution", paragraph(random, 40 + random.nextInt(80)));
        element(out, "synopsis", capitalised(sentence(random, 6 + random.nextInt(6))) + ".");
        if (severity >= 2) {
            element(out, "cvss3_vector", CVSS[random.nextInt(CVSS.length)]);
            element(out, "cvss3_base_score", (4 + random.nextInt(6)) + "." + random.nextInt(10));
            int cves = 1 + random.nextInt(3);
            for (int c = 0; c < cves; c++) {
                element(out, "cve", "CVE-20" + (10 + random.nextInt(16)) + "-" + (1000 + random.nextInt(40_000)));
            }
            if (random.nextInt(10) == 0) {
                element(out, "xref", "CNVD:20" + (18 + random.nextInt(8)) + "-" + (10_000 + random.nextInt(9_000)));
            }
            element(out, "xref", "CWE:" + (20 + random.nextInt(900)));
        }
        element(out, "plugin_output", weak ? "It was possible to log into the remote host using the following "
                + "credentials :\n\n  User     : admin\n  Password : admin\n" : paragraph(random, 30 + random.nextInt(100)));
        out.write("</ReportItem>\n");
    }

    static Summary writeSarif(Path file, int files, int resultsPerFile, long seed) throws IOException {
        Random random = new Random(seed);
        int rules = 40;
        try (Writer out = writer(Files.newOutputStream(file))) {
            out.write("{\n\"$schema\": \"https://json.schemastore.org/sarif-2.1.0.json\",\n\"version\": \"2.1.0\",\n"
                    + "\"runs\": [{\n\"tool\": {\"driver\": {\"name\": \"SyntheticScanner\", \"rules\": [\n");
            for (int r = 0; r < rules; r++) {
                out.write((r == 0 ? "" : ",\n") + "{\"id\": \"SYN" + r + "\", \"name\": \"Rule" + r
                        + "\", \"shortDescription\": {\"text\": \"" + capitalised(sentence(random, 5)) + "\"},"
                        + " \"fullDescription\": {\"text\": \"" + json(paragraph(random, 300)) + "\"},"
                        + " \"help\": {\"text\": \"" + json(paragraph(random, 150)) + "\"},"
                        + " \"defaultConfiguration\": {\"level\": \"" + (r % 3 == 0 ? "error" : r % 3 == 1 ? "warning" : "note")
                        + "\"}}");
            }
            out.write("]}},\n\"results\": [\n");
            long count = 0;
            for (int f = 0; f < files; f++) {
                for (int i = 0; i < resultsPerFile; i++) {
                    int rule = random.nextInt(rules);
                    out.write((count++ == 0 ? "" : ",\n") + "{\"ruleId\": \"SYN" + rule + "\", \"ruleIndex\": " + rule
                            + ", \"message\": {\"text\": \"" + capitalised(sentence(random, 12 + random.nextInt(20)))
                            + ".\"}, \"locations\": [{\"physicalLocation\": {\"artifactLocation\": {\"uri\": \"src/module"
                            + f + "/File" + f + ".java\"}, \"region\": {\"startLine\": " + (1 + random.nextInt(2000))
                            + ", \"snippet\": {\"text\": \"" + sentence(random, 10) + "\"}}}}]}");
                }
            }
            out.write("\n]}]\n}\n");
        }
        return new Summary(files, (long) files * resultsPerFile, 0, Files.size(file));
    }

    private static Writer writer(OutputStream out) {
        return new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
    }

    /** {@code <name>text</name>} and a line break, the text escaped. */
    static void element(Writer out, String name, String text) throws IOException {
        out.write('<');
        out.write(name);
        out.write('>');
        out.write(escape(text));
        out.write("</");
        out.write(name);
        out.write(">\n");
    }

    private static String paragraph(Random random, int length) {
        return paragraph(random, length, WORDS);
    }

    /** Sentences of {@code words} (some with characters XML must escape) up to about {@code length} characters. */
    static String paragraph(Random random, int length, String[] words) {
        StringBuilder text = new StringBuilder(length + 20);
        while (text.length() < length) {
            text.append(capitalised(sentence(random, 6 + random.nextInt(10), words))).append(random.nextInt(8) == 0
                    ? " (see the vendor's advisory & notes <v2>).\n\n" : ". ");
        }
        return text.toString().strip();
    }

    private static String sentence(Random random, int count) {
        return sentence(random, count, WORDS);
    }

    /** {@code count} words of {@code words}, space-separated. */
    static String sentence(Random random, int count, String[] words) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            text.append(i == 0 ? "" : " ").append(words[random.nextInt(words.length)]);
        }
        return text.toString();
    }

    static String capitalised(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static String json(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
