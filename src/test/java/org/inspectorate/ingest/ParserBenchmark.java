package org.inspectorate.ingest;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Raw streaming parse of a generated 120 MB Nessus report (5,000 hosts × 20 findings): no database, a
 * consumer that only counts. Not a unit test: run it by hand with the heap capped, as recorded in
 * {@code docs/BENCHMARKS.md}:
 *
 * <pre>
 * mvn -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt
 * java -Xmx512m -cp target/test-classes:target/classes:$(cat target/test-classpath.txt) \
 *     org.inspectorate.ingest.ParserBenchmark [hosts] [findingsPerHost] [runs]
 * </pre>
 *
 * Two warm-up parses precede the measured runs; the figure is the best and the median measured run.
 * Peak heap is the sum of the heap pools' peak usage over the measured runs (an upper bound).
 */
public final class ParserBenchmark {

    /** A benchmark records the day it ran: the wall clock, not a test's fixed one. */
    private static final Clock WALL_CLOCK = Clock.systemDefaultZone();

    private ParserBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        int hosts = args.length > 0 ? Integer.parseInt(args[0]) : 5_000;
        int perHost = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        Path file = Path.of("target", "bench", "synthetic-" + hosts + "x" + perHost + ".nessus");
        Files.createDirectories(file.getParent());
        long start = System.nanoTime();
        SyntheticReports.Summary written = SyntheticReports.writeNessus(file, hosts, perHost, 20_261_125L);
        System.out.printf(Locale.ROOT, "generated %s: %,d bytes, %,d findings on %,d hosts, %,d weak passwords in %.1f s%n",
                file, written.bytes(), written.findings(), written.hosts(), written.weakPasswords(), seconds(start));

        ReportParsers parsers = new ReportParsers();
        for (int i = 0; i < 2; i++) {
            double s = parse(parsers, file, written.findings());
            System.out.printf(Locale.ROOT, "warm-up %d: %.3f s%n", i + 1, s);
        }
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
        double[] times = new double[runs];
        for (int i = 0; i < runs; i++) {
            times[i] = parse(parsers, file, written.findings());
            System.out.printf(Locale.ROOT, "run %d: %.3f s%n", i + 1, times[i]);
        }
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        Arrays.sort(times);
        double best = times[0];
        double median = times[runs / 2];
        double mb = written.bytes() / 1_000_000.0;
        System.out.printf(Locale.ROOT, "RESULT file=%.1f MB findings=%,d best=%.3f s median=%.3f s "
                        + "throughput=%,.0f findings/s %.1f MB/s (median) peakHeap=%.0f MB maxHeap=%.0f MB date=%s cores=%d%n",
                mb, written.findings(), best, median, written.findings() / median, mb / median, peak / 1_048_576.0,
                Runtime.getRuntime().maxMemory() / 1_048_576.0, LocalDate.now(WALL_CLOCK), Runtime.getRuntime().availableProcessors());
    }

    private static double parse(ReportParsers parsers, Path file, long expected) throws IOException {
        AtomicLong count = new AtomicLong();
        long start = System.nanoTime();
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            parsers.parse(ReportFormat.NESSUS, in, f -> count.incrementAndGet());
        }
        double s = seconds(start);
        if (count.get() != expected) {
            throw new IllegalStateException("parsed " + count.get() + " findings, expected " + expected);
        }
        return s;
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
