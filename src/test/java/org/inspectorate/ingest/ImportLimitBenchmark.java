package org.inspectorate.ingest;

import java.io.BufferedInputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.Writer;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.inspectorate.InspectorateApplication;
import org.inspectorate.filing.NetworkUnitFixtures;
import org.inspectorate.filing.NetworkUnits;
import org.inspectorate.organisation.Actor;
import org.inspectorate.organisation.ApiTokenFixtures;
import org.inspectorate.organisation.Organisation;
import org.inspectorate.organisation.OrganisationFixtures;
import org.inspectorate.organisation.OrganisationType;
import org.inspectorate.organisation.Organisations;
import org.inspectorate.organisation.Province;
import org.inspectorate.organisation.Role;
import org.inspectorate.organisation.UserAccounts;
import org.inspectorate.organisation.UserFixtures;
import org.postgresql.PGConnection;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import java.io.UncheckedIOException;

/**
 * Issue 12's import benchmark: the product path (the application started, reports uploaded through
 * {@code POST /api/v1/imports} with an API token, polled until SUCCEEDED) against the physical limit measured
 * in the same run (a plain StAX pass over the file reading the fields the register stores, plus COPY — or, on
 * MariaDB, {@code LOAD DATA LOCAL INFILE} — of the same rows into a bare table). Not a unit test; run by hand
 * as {@code docs/BENCHMARKS.md} records:
 *
 * <pre>
 * java -Xmx512m -cp "$CP" org.inspectorate.ingest.ImportLimitBenchmark [items] [hosts] [series]
 * java -cp "$CP" org.inspectorate.ingest.ImportLimitBenchmark generate 100000 2000 10.9.0.0   # the file only
 * </pre>
 *
 * The database is {@code INSPECTORATE_DB_URL} (PostgreSQL or MariaDB, an empty database). In order:
 * <ol>
 * <li>the limit <b>cold</b>: in a fresh JVM (a child process, same heap cap), parse once, then COPY;</li>
 * <li>the application starts; one operator with units covering two subnets; the <b>first import after
 * start</b> (subnet A), a <b>warm</b> import (subnet B, another file), the <b>re-import</b> of A (all
 * duplicates);</li>
 * <li>the limit <b>warm</b>, in this JVM;</li>
 * <li>{@code series} files of different subnets imported one after another into a second operator, each
 * printed as it ends (the register grows by {@code items} each time).</li>
 * </ol>
 * Each import prints its time, its ratio to both limits, the heap peak and collector time during it, and the
 * job's counts; the import's own phase timings are the DEBUG lines of {@code ImportRun}, the import sessions
 * and {@code ScanImports} printed alongside.
 */
public final class ImportLimitBenchmark {

    private static final Pattern STATE = Pattern.compile("\"state\"\\s*:\\s*\"([A-Z]+)\"");
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");

    private ImportLimitBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("limit")) {
            Limit limit = limit(Path.of(args[1]), args[2]);
            System.out.printf(Locale.ROOT, "LIMIT %.4f %.4f%n", limit.parse, limit.copy);
            return;
        }
        if (args.length > 0 && args[0].equals("generate")) {
            // only the file: "generate <items> <hosts> <subnet>", to check its size and shares
            generate(Path.of("target", "bench"), args[3], Integer.parseInt(args[2]), Integer.parseInt(args[1]), 1);
            return;
        }
        int items = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int hosts = args.length > 1 ? Integer.parseInt(args[1]) : Math.max(1, items / 50);
        int series = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        String url = System.getenv().getOrDefault("INSPECTORATE_DB_URL", "jdbc:postgresql://127.0.0.1:5432/insp_bench");
        boolean maria = url.startsWith("jdbc:mariadb:");
        Path dir = Path.of("target", "bench");
        Files.createDirectories(dir);
        Path a = generate(dir, "10.1.0.0", hosts, items, 1);
        Path b = generate(dir, "10.2.0.0", hosts, items, 2);

        Limit cold = coldLimit(a, url);
        System.out.printf(Locale.ROOT, "limit cold (fresh JVM): parse %.3f s + %s %.3f s = %.3f s%n", cold.parse,
                maria ? "LOAD DATA" : "COPY", cold.copy, cold.total());

        // the start-up as in production: the test profile turns the warm-up off, and a system property outranks it
        System.setProperty("inspectorate.import.warm-up", "true");
        long startAt = System.nanoTime();
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(InspectorateApplication.class)
                .profiles("test", maria ? "mariadb" : "postgres")
                .properties("spring.datasource.url=" + url, "server.port=0", "logging.level.root=WARN",
                        "logging.level.org.inspectorate.ingest.ImportWarmUp=INFO",
                        "logging.level.org.inspectorate.ingest.ImportRun=DEBUG",
                        "logging.level.org.inspectorate.ingest.ImportApi=DEBUG",
                        "logging.level.org.inspectorate.finding.StagedImportSession=DEBUG",
                        "logging.level.org.inspectorate.finding.StagedMerge=DEBUG",
                        "logging.level.org.inspectorate.finding.BatchImportSession=DEBUG",
                        "logging.level.org.inspectorate.finding.ScanImports=DEBUG")
                .run()) {
            System.out.printf(Locale.ROOT, "application started in %.1f s%n", seconds(startAt));
            String base = "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port");
            HttpClient http = HttpClient.newHttpClient();
            String token = operator(context, hosts, List.of("10.1.0.0", "10.2.0.0"));

            List<String> rows = new ArrayList<>();
            rows.add(upload(http, base, token, a, "first import after start (A)", cold, null));
            rows.add(upload(http, base, token, b, "warm import (B, another subnet)", cold, null));
            rows.add(upload(http, base, token, a, "re-import of A (all duplicates)", cold, null));
            Limit warm = limit(a, url);
            System.out.printf(Locale.ROOT, "limit warm (this JVM): parse %.3f s + %s %.3f s = %.3f s%n", warm.parse,
                    maria ? "LOAD DATA" : "COPY", warm.copy, warm.total());
            rows.forEach(System.out::println);

            List<String> subnets = new ArrayList<>();
            for (int k = 0; k < series; k++) {
                subnets.add("10." + (11 + k) + ".0.0");
            }
            if (series > 0) {
                String seriesToken = operator(context, hosts, subnets);
                for (int k = 0; k < series; k++) {
                    Path file = generate(dir, subnets.get(k), hosts, items, 11 + k);
                    System.out.println(upload(http, base, seriesToken, file, "series " + (k + 1) + "/" + series
                            + " (" + subnets.get(k) + ", " + (long) k * items + " findings before)", cold, warm));
                    Files.delete(file);
                }
            }
            System.out.printf(Locale.ROOT, "RESULT vendor=%s items=%,d file=%.1f MB limitCold=%.2f limitWarm=%.2f "
                    + "maxHeap=%.0f MB load=%.1f cores=%d%n", maria ? "mariadb" : "postgresql", items,
                    Files.size(a) / 1e6, cold.total(), warm.total(), Runtime.getRuntime().maxMemory() / 1_048_576.0,
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                    Runtime.getRuntime().availableProcessors());
        }
    }

    private static Path generate(Path dir, String subnet, int hosts, int items, long seed) throws IOException {
        Path file = dir.resolve("nessus-" + subnet + "-" + items + ".nessus");
        if (!Files.exists(file)) {
            long t = System.nanoTime();
            NessusReportGenerator.Summary s = NessusReportGenerator.write(file, subnet, hosts, items, seed);
            System.out.printf(Locale.ROOT, "generated %s: %.1f MB, %,d items on %,d hosts, vectors 3.0/3.1/2-only "
                    + "%,d/%,d/%,d (%.1f s)%n", file, s.bytes() / 1e6, s.items(), s.hosts(), s.v30(), s.v31(),
                    s.v2only(), seconds(t));
        }
        return file;
    }

    /** An operator with a unit per /24 of each subnet (covering the generated hosts) and an API token. */
    private static String operator(ConfigurableApplicationContext context, int hosts, List<String> subnets) {
        Organisation org = OrganisationFixtures.organisation(context.getBean(Organisations.class),
                OrganisationType.INTERNET_ENTERPRISE, Province.ZHEJIANG, null);
        Actor actor = UserFixtures.actor(UserFixtures.account(context.getBean(UserAccounts.class), org,
                Role.OPERATOR_ADMIN), org);
        NetworkUnits units = context.getBean(NetworkUnits.class);
        int n = 0;
        for (String subnet : subnets) {
            long base = NessusReportGenerator.ipv4(subnet);
            for (long net = 0; net <= hosts >> 8; net++) {
                String cidr = NessusReportGenerator.ip(base + (net << 8)) + "/24";
                units.create(actor, NetworkUnitFixtures.unitInput("单元 " + n++, "PORTAL", "3.1",
                        List.of(NetworkUnitFixtures.cidr(cidr))));
            }
        }
        return ApiTokenFixtures.token(context, actor);
    }

    /** Uploads through the API and polls until the job ends; the line to print. */
    private static String upload(HttpClient http, String base, String token, Path file, String label, Limit cold,
            Limit warm) throws Exception {
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
        long gcBefore = gcMillis();
        String boundary = "----bench" + System.nanoTime();
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + ImportApi.PATH))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.concat(
                        HttpRequest.BodyPublishers.ofString("--" + boundary + "\r\nContent-Disposition: form-data; "
                                + "name=\"file\"; filename=\"" + file.getFileName() + "\"\r\nContent-Type: "
                                + "application/octet-stream\r\n\r\n"),
                        HttpRequest.BodyPublishers.ofFile(file),
                        HttpRequest.BodyPublishers.ofString("\r\n--" + boundary + "--\r\n")))
                .build();
        long start = System.nanoTime();
        HttpResponse<String> posted = http.send(request, HttpResponse.BodyHandlers.ofString());
        double accepted = seconds(start);
        if (posted.statusCode() != 202) {
            throw new IllegalStateException("upload answered " + posted.statusCode() + ": " + posted.body());
        }
        Matcher id = ID.matcher(posted.body());
        id.find();
        HttpRequest poll = HttpRequest.newBuilder(URI.create(base + ImportApi.PATH + "/" + id.group(1)))
                .header("Authorization", "Bearer " + token).GET().build();
        String body;
        String state;
        do {
            Thread.sleep(10);
            body = http.send(poll, HttpResponse.BodyHandlers.ofString()).body();
            Matcher m = STATE.matcher(body);
            state = m.find() ? m.group(1) : "?";
        } while (state.equals("QUEUED") || state.equals("RUNNING"));
        double s = seconds(start);
        if (!state.equals("SUCCEEDED")) {
            throw new IllegalStateException(label + " ended " + state + ": " + body);
        }
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return String.format(Locale.ROOT, "IMPORT %-60s %6.2f s (upload accepted after %.2f s)  %.2f× cold limit%s"
                + "  peakHeap=%.0f MB gc=%d ms  %s", label, s, accepted, s / cold.total(),
                warm == null ? "" : String.format(Locale.ROOT, "  %.2f× warm limit", s / warm.total()),
                peak / 1_048_576.0, gcMillis() - gcBefore, counts(body));
    }

    private static String counts(String json) {
        StringBuilder out = new StringBuilder();
        for (String field : List.of("findingsParsed", "created", "updated", "unchanged", "reopened", "notSeen",
                "unmatchedFindings")) {
            Matcher m = Pattern.compile("\"" + field + "\"\\s*:\\s*(\\d+)").matcher(json);
            if (m.find()) {
                out.append(field).append('=').append(m.group(1)).append(' ');
            }
        }
        return out.toString().strip();
    }

    private static long gcMillis() {
        long total = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            total += Math.max(0, gc.getCollectionTime());
        }
        return total;
    }

    // --- the physical limit ------------------------------------------------------------------------

    record Limit(double parse, double copy) {

        double total() {
            return parse + copy;
        }
    }

    /** The limit in a fresh JVM with this one's heap cap: nothing of the parser or driver is warm yet. */
    private static Limit coldLimit(Path file, String url) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + Runtime.getRuntime().maxMemory() / 1_048_576 + "m", "-cp", System.getProperty("java.class.path"),
                ImportLimitBenchmark.class.getName(), "limit", file.toString(), url));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException("cold limit failed: " + out);
        }
        Matcher m = Pattern.compile("LIMIT ([0-9.]+) ([0-9.]+)").matcher(out);
        if (!m.find()) {
            throw new IllegalStateException("cold limit printed: " + out);
        }
        return new Limit(Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2)));
    }

    /** Times a plain StAX pass, renders the rows (not timed), times COPY / LOAD DATA of them. */
    static Limit limit(Path file, String url) throws Exception {
        long start = System.nanoTime();
        long[] count = {0};
        read(file, row -> count[0]++);
        double parse = seconds(start);
        Path rows = Files.createTempFile(file.getParent().toAbsolutePath(), "limit-rows", ".tsv");
        try {
            try (Writer out = new BufferedWriter(Files.newBufferedWriter(rows, StandardCharsets.UTF_8), 1 << 16)) {
                read(file, row -> {
                    try {
                        for (int i = 0; i < row.length; i++) {
                            out.write(i == 0 ? "" : "\t");
                            out.write(row[i] == null ? "\\N" : escape(row[i]));
                        }
                        out.write('\n');
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            }
            return new Limit(parse, copy(rows, url));
        } finally {
            Files.deleteIfExists(rows);
        }
    }

    /** The columns the register stores for an imported finding, in this order. */
    private static final String COLUMNS = """
            network_unit_id BIGINT NOT NULL, asset VARCHAR(300), title VARCHAR(300) NOT NULL, description %1$s,
            solution %1$s, evidence %1$s, category VARCHAR(40) NOT NULL, severity VARCHAR(10) NOT NULL,
            vuln_refs VARCHAR(1000), cvss_vector VARCHAR(200), cvss_score DECIMAL(3,1), source_ref VARCHAR(200),
            dedup_key VARCHAR(200) NOT NULL, content_hash VARCHAR(64) NOT NULL, due_on DATE NOT NULL""";

    private static double copy(Path rows, String url) throws Exception {
        boolean maria = url.startsWith("jdbc:mariadb:");
        String user = System.getenv().getOrDefault("INSPECTORATE_DB_USER", maria ? "root" : "postgres");
        String password = System.getenv().getOrDefault("INSPECTORATE_DB_PASSWORD", "");
        String jdbc = maria ? url + (url.contains("?") ? "&" : "?") + "allowLocalInfile=true" : url;
        try (Connection c = DriverManager.getConnection(jdbc, user, password); Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS bench_limit");
            if (maria) {
                s.execute("CREATE TABLE bench_limit (" + COLUMNS.formatted("LONGTEXT") + ") ENGINE=InnoDB "
                        + "DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci");
            } else {
                s.execute("CREATE TEMPORARY TABLE bench_limit (" + COLUMNS.formatted("TEXT") + ")");
            }
            long start = System.nanoTime();
            if (maria) {
                s.execute("LOAD DATA LOCAL INFILE '" + rows.toAbsolutePath() + "' INTO TABLE bench_limit "
                        + "CHARACTER SET utf8mb4 FIELDS TERMINATED BY '\\t' ESCAPED BY '\\\\' LINES TERMINATED BY '\\n'");
            } else {
                try (Reader reader = Files.newBufferedReader(rows, StandardCharsets.UTF_8)) {
                    c.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY bench_limit FROM STDIN", reader, 1 << 16);
                }
            }
            double copy = seconds(start);
            s.execute("DROP TABLE bench_limit");
            return copy;
        }
    }

    private interface Rows {
        void row(String[] values) throws IOException;
    }

    /** A plain StAX pass reading what the register stores of each ReportItem; one row per item. */
    private static void read(Path file, Rows rows) throws IOException, XMLStreamException {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            XMLStreamReader x = factory.createXMLStreamReader(in);
            String host = null;
            String[] row = null;
            StringBuilder refs = new StringBuilder();
            while (x.hasNext()) {
                int event = x.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    String name = x.getLocalName();
                    switch (name) {
                        case "ReportHost" -> host = x.getAttributeValue(null, "name");
                        case "ReportItem" -> {
                            row = new String[15];
                            refs.setLength(0);
                            int severity = Integer.parseInt(x.getAttributeValue(null, "severity"));
                            String plugin = x.getAttributeValue(null, "pluginID");
                            row[0] = Long.toString(NessusReportGenerator.ipv4(host) >> 8 & 0xFFFF);
                            row[1] = host;
                            row[2] = x.getAttributeValue(null, "pluginName");
                            row[6] = "VULNERABILITY";
                            row[7] = new String[] {"INFO", "LOW", "MEDIUM", "HIGH", "CRITICAL"}[severity];
                            row[11] = "nessus:" + plugin;
                            row[12] = host + "|" + x.getAttributeValue(null, "protocol") + "/"
                                    + x.getAttributeValue(null, "port") + "|" + plugin;
                            row[13] = "0".repeat(64);
                            row[14] = "2027-01-31";
                        }
                        case "description" -> row[3] = x.getElementText();
                        case "solution" -> row[4] = x.getElementText();
                        case "plugin_output" -> row[5] = x.getElementText();
                        case "cve" -> refs.append(refs.length() == 0 ? "" : " ").append(x.getElementText());
                        case "cvss3_vector" -> row[9] = x.getElementText();
                        case "cvss3_base_score" -> row[10] = x.getElementText();
                        case "cvss_vector" -> row[9] = row[9] == null ? x.getElementText() : row[9];
                        case "cvss_base_score" -> row[10] = row[10] == null ? x.getElementText() : row[10];
                        default -> {
                        }
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT && x.getLocalName().equals("ReportItem")) {
                    row[8] = refs.length() == 0 ? null : refs.substring(0, Math.min(refs.length(), 1000));
                    rows.row(row);
                }
            }
            x.close();
        }
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
