package org.inspectorate.ingest;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.inspectorate.exposure.ObservationSession;
import org.inspectorate.exposure.ServiceObservation;
import org.inspectorate.filing.UnitAssets;
import org.inspectorate.finding.ScanImports;
import org.inspectorate.organisation.Actor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One import inside its transaction: builds the host index once, streams the report through the parser
 * into the findings register's import session, keeps the findings of unmatched hosts (first in a temporary
 * file, since the database connection may be busy streaming COPY, then in the staging table) and records
 * the counts as the transaction's last statement.
 */
final class ImportRun {

    private static final Logger LOG = LoggerFactory.getLogger(ImportRun.class);

    private static final long PROGRESS_EVERY_NANOS = 500_000_000L;
    private static final int STAGE_BATCH = 200;

    private final ImportRunner runner;
    private final Actor actor;
    private final ImportJob job;
    private final ImportLifecycle lifecycle;
    private final Path file;
    private long parsed;
    private long lastProgress = System.nanoTime();

    /** {@code job} gives the scope and format asked for, {@code lifecycle} the started job to finish. */
    ImportRun(ImportRunner runner, Actor actor, ImportJob job, ImportLifecycle lifecycle, Path file) {
        this.runner = runner;
        this.actor = actor;
        this.job = job;
        this.lifecycle = lifecycle;
        this.file = file;
    }

    void execute() {
        List<UnitAssets> scope = runner.units().assetsOf(actor, job.organisationId());
        if (!job.unitIds().isEmpty()) {
            scope = scope.stream().filter(u -> job.unitIds().contains(u.unitId())).toList();
        }
        Set<Long> scopeIds = new HashSet<>();
        scope.forEach(u -> scopeIds.add(u.unitId()));
        Map<String, Long> assignments = new HashMap<>(runner.repository().assignments(job.organisationId()));
        assignments.values().removeIf(unit -> !scopeIds.contains(unit));
        HostMatcher matcher = new HostMatcher(scope, assignments);
        Long onlyUnit = scopeIds.size() == 1 ? scopeIds.iterator().next() : null;

        Path unmatched;
        try {
            unmatched = Files.createTempFile(runner.tempDir(), "import-" + job.id() + "-", ".unmatched");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (Counting counting = new Counting(Files.newInputStream(file));
                BufferedInputStream in = new BufferedInputStream(counting, 1 << 16);
                BufferedWriter staged = Files.newBufferedWriter(unmatched, StandardCharsets.UTF_8);
                ObservationSession observed = runner.observed().session(actor, job.organisationId(), job.id())) {
            ReportFormat format = job.format() != null ? job.format() : runner.parsers().detect(in);
            ReportCoverage coverage = new ReportCoverage();
            ScanImports.ImportSession session = runner.scans().open(actor, new ScanImports.Target(job.organisationId(),
                    job.unitIds().isEmpty() ? Set.of() : scopeIds, format.name(), job.id(), true, coverage));
            int[] unmatchedCount = {0};
            Map<String, Integer> hosts = new HashMap<>();
            long started = System.nanoTime();
            try {
                parse(format, in, counting, session, observed, matcher, onlyUnit, coverage, hosts, unmatchedCount,
                        staged);
            } catch (RuntimeException e) {
                session.abort();
                // how far it got, for the user reading why it failed (its own short transaction)
                runner.progress(job.id(), format, counting.count, parsed);
                throw e;
            }
            runner.progress(job.id(), format, counting.count, parsed);
            long parsedAt = System.nanoTime();
            ScanImports.Counts counts = session.finish();
            long findingsAt = System.nanoTime();
            observed.finish(); // after the register's session: its COPY no longer holds the connection
            LOG.debug("import {}: parse, match and stream {} ms, merge {} ms, observed services {} ms", job.id(),
                    (parsedAt - started) / 1_000_000, (findingsAt - parsedAt) / 1_000_000,
                    (System.nanoTime() - findingsAt) / 1_000_000);
            long mergedAt = System.nanoTime();
            staged.flush();
            stage(unmatched);
            runner.repository().stageHosts(job.id(), hosts);
            long stagedAt = System.nanoTime();
            ImportSucceeded succeeded = lifecycle.succeed(new ImportResult(format, counting.count, parsed,
                    counts.created(), counts.updated(), counts.unchanged(), counts.reopened(), counts.notSeen(),
                    unmatchedCount[0], hosts.size()), actor.username(), runner.clock().instant());
            if (!runner.repository().save(lifecycle)) {
                // expired by another node while this one stalled: its lock may be another import's now
                throw new IllegalStateException("import " + job.id() + " is no longer running");
            }
            runner.events().publishEvent(succeeded);
            LOG.debug("import {}: unmatched staged {} ms ({} findings), result saved {} ms", job.id(),
                    (stagedAt - mergedAt) / 1_000_000, unmatchedCount[0], (System.nanoTime() - stagedAt) / 1_000_000);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            TempFiles.delete(unmatched);
        }
    }

    private void parse(ReportFormat format, InputStream in, Counting counting, ScanImports.ImportSession session,
            ObservationSession observed, HostMatcher matcher, Long onlyUnit, ReportCoverage coverage,
            Map<String, Integer> hosts, int[] unmatchedCount, BufferedWriter staged) {
        // keys of the unmatched findings staged: a key the report repeats waits (and counts) once, as it is
        // imported once when its host is assigned
        Set<String> stagedKeys = new HashSet<>();
        runner.parsers().parse(format, in, new ReportSink() {
            @Override
            public void accept(ScannedFinding finding) {
                parsed++;
                Optional<Long> unit = finding.host() == null ? Optional.ofNullable(onlyUnit)
                        : matcher.unitOf(finding.host());
                if (unit.isPresent() && finding.informational()) {
                    // an observed service, not a finding; its host was scanned all the same
                    observe(observed, unit.get(), finding);
                    coverage.coveredHost(ScanMapping.scanHost(finding));
                } else if (unit.isPresent()) {
                    ScanImports.Item item = ScanMapping.item(unit.get(), finding);
                    session.add(item);
                    coverage.covered(unit.get(), item);
                } else if (stagedKeys.add(ScanMapping.dedupKey(0, finding))) {
                    String host = finding.host() == null ? UnmatchedHost.CODE : Hosts.lenient(finding.host());
                    hosts.merge(host, 1, Integer::sum);
                    unmatchedCount[0]++;
                    write(staged, host, finding);
                }
                if ((parsed & 1023) == 0 && System.nanoTime() - lastProgress > PROGRESS_EVERY_NANOS) {
                    runner.progress(job.id(), format, counting.count, parsed);
                    lastProgress = System.nanoTime();
                }
            }

            @Override
            public void hostScanned(String host) {
                if (host != null && !host.isBlank()) {
                    String canonical = Hosts.lenient(host);
                    if (matcher.unitOf(canonical).isPresent()) {
                        coverage.hosts.add(canonical);
                    }
                }
            }
        });
    }

    /** An informational item as an observed service of the unit; one about no port is counted, not stored. */
    static void observe(ObservationSession observed, long unit, ScannedFinding f) {
        if (f.host() == null || f.port() == null || f.port() == 0) {
            observed.skip(); // informational and about no port: not stored
            return;
        }
        ScannedFinding.ObservedService s = f.service();
        observed.observe(new ServiceObservation(unit, f.host(), f.port(), f.protocol(), s == null ? null : s.name(),
                s == null ? null : s.product(), s == null ? null : s.version()));
    }

    /**
     * What the report covered, for the "not seen" flag: the hosts it scanned that matched a unit of the scope
     * (hosts of findings, and hosts the parser reports scanned with or without findings), and for tool reports
     * the tools that ran over each unit. Its size is the report's hosts and tools, never its findings.
     */
    static final class ReportCoverage implements ScanImports.Target.Coverage {

        final Set<String> hosts = new HashSet<>();
        final Map<Long, Set<String>> tools = new HashMap<>();

        void coveredHost(String host) {
            if (host != null) {
                hosts.add(host);
            }
        }

        void covered(long unit, ScanImports.Item item) {
            if (item.scanHost() != null) {
                hosts.add(item.scanHost());
            } else if (item.tool() != null) {
                tools.computeIfAbsent(unit, u -> new HashSet<>()).add(item.tool());
            }
        }

        @Override
        public Collection<String> hosts() {
            return hosts;
        }

        @Override
        public Map<Long, Set<String>> tools() {
            return tools;
        }
    }

    private static void write(BufferedWriter staged, String host, ScannedFinding finding) {
        try {
            staged.write(host.replace('\n', ' ').replace('\t', ' '));
            staged.write('\t');
            staged.write(StagedFindings.write(finding));
            staged.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void stage(Path unmatched) throws IOException {
        try (BufferedReader reader = Files.newBufferedReader(unmatched, StandardCharsets.UTF_8)) {
            List<String[]> batch = new ArrayList<>();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                int tab = line.indexOf('\t');
                batch.add(new String[] {line.substring(0, tab), line.substring(tab + 1)});
                if (batch.size() >= STAGE_BATCH) {
                    runner.repository().stage(job.id(), batch);
                    batch.clear();
                }
            }
            if (!batch.isEmpty()) {
                runner.repository().stage(job.id(), batch);
            }
        }
    }

    /** Counts the bytes the parser has read, for the progress bar. */
    private static final class Counting extends FilterInputStream {

        long count;

        Counting(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }
}
