package org.inspectorate.ingest;

import java.io.BufferedInputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.sql.DataSource;

import org.inspectorate.InspectorateApplication;
import org.inspectorate.filing.NetworkUnitFixtures;
import org.inspectorate.filing.NetworkUnits;
import org.inspectorate.finding.ScanImports;
import org.inspectorate.organisation.Actor;
import org.inspectorate.organisation.Organisation;
import org.inspectorate.organisation.OrganisationFixtures;
import org.inspectorate.organisation.OrganisationType;
import org.inspectorate.organisation.Organisations;
import org.inspectorate.organisation.Province;
import org.inspectorate.organisation.Role;
import org.inspectorate.system.PageRequest;
import org.postgresql.PGConnection;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * End-to-end import of a generated 120 MB Nessus report (5,000 hosts × 20 findings) on PostgreSQL, against
 * the physical limit measured in the same run. Not a unit test: run it by hand with the heap capped, as
 * recorded in {@code docs/BENCHMARKS.md}:
 *
 * <pre>
 * psql -h 127.0.0.1 -U postgres -c 'DROP DATABASE IF EXISTS insp_bench' -c 'CREATE DATABASE insp_bench'
 * mvn -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt
 * INSPECTORATE_DB_URL=jdbc:postgresql://127.0.0.1:5432/insp_bench java -Xmx512m \
 *     -cp target/test-classes:target/classes:$(cat target/test-classpath.txt) \
 *     org.inspectorate.ingest.ImportBenchmark [hosts] [findingsPerHost]
 * </pre>
 *
 * The application starts (profile {@code postgres}, no web server) on an empty database; an operator with
 * 20 units (one /24 each, covering the report's hosts) is registered. Measured, each once after a warm-up
 * import into another operator:
 * <ol>
 * <li>limit: the raw streaming parse of the file (no database), plus COPY of the same rows (rendered to a
 * file beforehand) into an empty table shaped like the import's staging table;</li>
 * <li>import into empty units: the upload's streaming copy to a temporary file (what the upload endpoint
 * does), then the job from QUEUED to SUCCEEDED (committed);</li>
 * <li>re-import of the same file: every finding a duplicate (all "unchanged").</li>
 * </ol>
 */
public final class ImportBenchmark {

    private ImportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int hosts = args.length > 0 ? Integer.parseInt(args[0]) : 5_000;
        int perHost = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        Path file = Path.of("target", "bench", "synthetic-" + hosts + "x" + perHost + ".nessus");
        Files.createDirectories(file.getParent());
        SyntheticReports.Summary written = SyntheticReports.writeNessus(file, hosts, perHost, 20_261_125L);
        System.out.printf(Locale.ROOT, "generated %s: %,d bytes, %,d findings on %,d hosts%n", file, written.bytes(),
                written.findings(), written.hosts());

        String url = System.getenv().getOrDefault("INSPECTORATE_DB_URL", "jdbc:postgresql://127.0.0.1:5432/insp_bench");
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(InspectorateApplication.class)
                .profiles("postgres").web(WebApplicationType.NONE)
                .properties("spring.datasource.url=" + url, "logging.level.root=WARN",
                        "logging.level.org.inspectorate.ingest.ImportRun=DEBUG",
                        "logging.level.org.inspectorate.finding.StagedImportSession=DEBUG",
                        "inspectorate.draw.seal-key=ZGVtby1vbmx5LWRyYXctc2VhbC1rZXktMzItYnl0ZXM=")
                .run()) {
            ImportJobs jobs = context.getBean(ImportJobs.class);
            Actor warm = operator(context, hosts);
            Actor operator = operator(context, hosts);

            double warmUp = importOnce(jobs, warm, file);
            System.out.printf(Locale.ROOT, "warm-up import: %.3f s%n", warmUp);
            double parse = parse(file, written.findings());
            double copy = copyLimit(context.getBean(DataSource.class), file);
            System.out.printf(Locale.ROOT, "limit: parse %.3f s + COPY %.3f s = %.3f s%n", parse, copy, parse + copy);

            System.gc();
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                pool.resetPeakUsage();
            }
            double first = importOnce(jobs, operator, file);
            ImportJob firstJob = latest(jobs, operator);
            System.out.printf(Locale.ROOT, "import into empty units: %.3f s (%s)%n", first, counts(firstJob));
            double again = importOnce(jobs, operator, file);
            ImportJob againJob = latest(jobs, operator);
            System.out.printf(Locale.ROOT, "re-import (all duplicates): %.3f s (%s)%n", again, counts(againJob));
            long peak = 0;
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == MemoryType.HEAP) {
                    peak += pool.getPeakUsage().getUsed();
                }
            }
            double limit = parse + copy;
            System.out.printf(Locale.ROOT, "RESULT file=%.1f MB findings=%,d import=%.2f s reimport=%.2f s "
                            + "limit=%.2f s (parse %.2f + copy %.2f) ratio=%.2f/%.2f peakHeap=%.0f MB maxHeap=%.0f MB "
                            + "load=%.1f date=%s cores=%d%n",
                    written.bytes() / 1e6, written.findings(), first, again, limit, parse, copy, first / limit,
                    again / limit, peak / 1_048_576.0, Runtime.getRuntime().maxMemory() / 1_048_576.0,
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), LocalDate.now(context.getBean(Clock.class)),
                    Runtime.getRuntime().availableProcessors());
            if (firstJob.created() != written.findings() - firstJob.unmatchedFindings() - repeated(firstJob)
                    || againJob.unchanged().longValue() != firstJob.created().longValue()) {
                throw new IllegalStateException("unexpected counts: " + counts(firstJob) + " then " + counts(againJob));
            }
        }
    }

    private static long repeated(ImportJob job) {
        // the generator may repeat a plugin on a port of a host: the report's first one counts
        return job.findingsParsed() - job.created() - job.updated() - job.unchanged() - job.unmatchedFindings();
    }

    private static String counts(ImportJob j) {
        return String.format(Locale.ROOT, "%s parsed=%d new=%d updated=%d unchanged=%d notSeen=%d unmatched=%d",
                j.state(), j.findingsParsed(), j.created(), j.updated(), j.unchanged(), j.notSeen(),
                j.unmatchedFindings());
    }

    private static Actor operator(ConfigurableApplicationContext context, int hosts) {
        Organisation org = OrganisationFixtures.organisation(context.getBean(Organisations.class),
                OrganisationType.INTERNET_ENTERPRISE, Province.ZHEJIANG, null);
        Actor actor = OrganisationFixtures.actor(org, Role.OPERATOR_ADMIN);
        NetworkUnits units = context.getBean(NetworkUnits.class);
        for (int net = 0; net <= (hosts - 1) >> 8; net++) {
            String cidr = "10." + (net >> 8 & 255) + "." + (net & 255) + ".0/24";
            units.create(actor, NetworkUnitFixtures.unitInput("单元 " + net, "PORTAL", "3.1",
                    List.of(NetworkUnitFixtures.cidr(cidr))));
        }
        return actor;
    }

    private static double importOnce(ImportJobs jobs, Actor actor, Path report) throws Exception {
        long start = System.nanoTime();
        Path upload;
        try (InputStream in = Files.newInputStream(report)) {
            upload = ReportUpload.copy(in, jobs.maxSize(), jobs.tempDir());
        }
        ImportJob job = jobs.submit(actor, new ImportJobs.Submission(null, List.of(), null, "bench.nessus", upload));
        while (jobs.get(actor, job.id()).state().active()) {
            Thread.sleep(20);
        }
        double s = seconds(start);
        ImportJob done = jobs.get(actor, job.id());
        if (done.state() != ImportState.SUCCEEDED) {
            throw new IllegalStateException("import failed: " + done.errorKey() + " " + done.errorDetail());
        }
        return s;
    }

    private static ImportJob latest(ImportJobs jobs, Actor actor) {
        return jobs.list(actor, new PageRequest(0, 1, "createdAt", false)).items().get(0);
    }

    private static double parse(Path file, long expected) throws IOException {
        long[] count = {0};
        long start = System.nanoTime();
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            new ReportParsers().parse(ReportFormat.NESSUS, in, f -> count[0]++);
        }
        double s = seconds(start);
        if (count[0] != expected) {
            throw new IllegalStateException("parsed " + count[0] + ", expected " + expected);
        }
        return s;
    }

    /** COPY of the same rows the import stages, rendered to a file first, into an empty table. */
    private static double copyLimit(DataSource dataSource, Path report) throws Exception {
        Path rows = Files.createTempFile("bench-rows", ".tsv");
        try (InputStream in = new BufferedInputStream(Files.newInputStream(report), 1 << 16);
                Writer out = new BufferedWriter(Files.newBufferedWriter(rows, StandardCharsets.UTF_8), 1 << 16)) {
            new ReportParsers().parse(ReportFormat.NESSUS, in, f -> {
                if (f.informational()) {
                    return; // an observed service, not a register row
                }
                ScanImports.Item i = ScanMapping.item(1, f);
                List<String> values = new ArrayList<>(List.of("1", nz(i.asset()), i.title(), nz(i.description()),
                        i.category().name(), i.severity().name(), String.join(" ", i.references()), nz(i.cvssVector()),
                        "9.8", nz(i.sourceRef()), i.dedupKey(), "0".repeat(64), "2026-12-31"));
                try {
                    out.write(String.join("\t", values.stream().map(ImportBenchmark::escape).toList()));
                    out.write('\n');
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        try (Connection c = dataSource.getConnection()) {
            c.createStatement().execute("DROP TABLE IF EXISTS bench_copy_limit");
            c.createStatement().execute("""
                    CREATE TABLE bench_copy_limit (
                        network_unit_id BIGINT NOT NULL, asset VARCHAR(300), title VARCHAR(300) NOT NULL,
                        description TEXT, category VARCHAR(40) NOT NULL, severity VARCHAR(10) NOT NULL,
                        vuln_refs VARCHAR(1000), cvss_vector VARCHAR(200), cvss_score DECIMAL(3,1),
                        source_ref VARCHAR(200), dedup_key VARCHAR(200) NOT NULL, content_hash VARCHAR(64) NOT NULL,
                        due_on DATE NOT NULL)""");
            long start = System.nanoTime();
            try (Reader reader = Files.newBufferedReader(rows, StandardCharsets.UTF_8)) {
                c.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY bench_copy_limit FROM STDIN", reader, 1 << 16);
            }
            double s = seconds(start);
            c.createStatement().execute("DROP TABLE bench_copy_limit");
            return s;
        } finally {
            Files.deleteIfExists(rows);
        }
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
