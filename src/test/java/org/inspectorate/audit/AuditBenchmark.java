package org.inspectorate.audit;

import java.io.OutputStream;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.inspectorate.InspectorateApplication;
import org.inspectorate.system.CsvExport;
import org.inspectorate.system.XlsxExport;
import org.postgresql.PGConnection;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Benchmark (not a test): the audit page, its export and the chain's verification over a trail of a million
 * entries. Appends {@code load} entries to the chain — hashed with the module's own hasher
 * ({@link AuditEntry#hashOf}, the current scheme), over a year, 5,000 actors, the product's action families,
 * 500,000 records — through COPY on PostgreSQL (JDBC batches elsewhere), moves the head, ANALYZEs, then
 * measures. Arguments: the profile ({@code --spring.profiles.active=test,postgres}, with INSPECTORATE_DB_URL),
 * entries to append (0 reuses what is there), runs per page query, and {@code export} to time the exports.
 */
public final class AuditBenchmark {

    private static final String[] ACTIONS = {"finding.created", "finding.transitioned", "finding.viewed",
        "finding.exported", "filing.submitted", "filing.accepted", "filing.unit.updated", "selfinspection.answered",
        "selfinspection.submitted", "evidence.uploaded", "draw.scheduled", "draw.run", "import.completed",
        "signin.succeeded", "signin.failed", "user.created", "mfa.verified", "audit.viewed", "campaign.published",
        "agency.assigned"};

    private AuditBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int load = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        boolean export = args.length > 3 && "export".equals(args[3]);
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(InspectorateApplication.class)
                .web(WebApplicationType.NONE).run(args.length > 0 ? new String[] {args[0]} : new String[0])) {
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            AuditRepository repository = context.getBean(AuditRepository.class);
            if (load > 0) {
                long started = System.nanoTime();
                append(context.getBean(DataSource.class), repository, context.getBean(java.time.Clock.class), load);
                System.out.printf("appended %,d entries in %.1f s%n", load, (System.nanoTime() - started) / 1e9);
            }
            System.out.printf("entries in the trail: %,d%n",
                    jdbc.queryForObject("SELECT COUNT(*) FROM audit_entry", Long.class));
            AuditTrail trail = context.getBean(AuditTrail.class);
            AuditConsole console = context.getBean(AuditConsole.class);
            for (int i = 0; i < 3; i++) {
                long t = System.nanoTime();
                ChainVerification result = trail.verify();
                System.out.printf("verify run %d: %.1f s  %s%n", i + 1, (System.nanoTime() - t) / 1e9, result);
            }
            String day = LocalDate.now(context.getBean(java.time.Clock.class).withZone(AuditConsole.ZONE))
                    .minusDays(100).toString();
            String actor = "user0042";
            measure("first page, no filter", runs, () -> console.search(AuditQuery.any(), 0, null).items().size());
            measure("actor = " + actor, runs, () -> console.search(
                    new AuditQuery(actor, null, null, null, null, null), 0, null).items().size());
            measure("action prefix 'evidence.'", runs, () -> console.search(
                    new AuditQuery(null, "evidence.", null, null, null, null), 0, null).items().size());
            measure("outcome FAILURE", runs, () -> console.search(
                    new AuditQuery(null, null, "FAILURE", null, null, null), 0, null).items().size());
            measure("record 'finding:4242'", runs, () -> console.search(
                    new AuditQuery(null, null, null, "finding:4242", null, null), 0, null).items().size());
            measure("one day, 100 days back", runs, () -> console.search(
                    new AuditQuery(null, null, null, null, day, day), 0, null).items().size());
            measure("actor + one day", runs, () -> console.search(
                    new AuditQuery(actor, null, null, null, day, day), 0, null).items().size());
            var first = console.search(AuditQuery.any(), 0, null);
            long deep = first.items().get(0).seq() - 100_000;
            String token = new org.inspectorate.system.Keyset("", deep).token();
            measure("keyset page 2,000 (after seq " + deep + ")", runs,
                    () -> console.search(AuditQuery.any(), 2000, token).items().size());
            measure("page number 2,000 (OFFSET 99,950)", runs,
                    () -> console.search(AuditQuery.any(), 1999, null).items().size());
            if (export) {
                long t = System.nanoTime();
                try (CsvExport csv = new CsvExport(OutputStream.nullOutputStream())) {
                    console.export(AuditQuery.any(), "csv", List.of("a", "b", "c", "d", "e", "f", "g", "h", "i"),
                            o -> o, "-", "audit", csv);
                }
                System.out.printf("CSV export of the whole trail: %.1f s%n", (System.nanoTime() - t) / 1e9);
                t = System.nanoTime();
                try (XlsxExport xlsx = new XlsxExport("audit")) {
                    console.export(AuditQuery.any(), "xlsx", List.of("a", "b", "c", "d", "e", "f", "g", "h", "i"),
                            o -> o, "-", "audit", xlsx);
                    xlsx.write(OutputStream.nullOutputStream());
                }
                System.out.printf("XLSX export of the whole trail: %.1f s%n", (System.nanoTime() - t) / 1e9);
            }
        }
    }

    /** Continues the chain from its head with {@code count} generated entries and moves the head. */
    private static void append(DataSource dataSource, AuditRepository repository, java.time.Clock clock, int count)
            throws Exception {
        AuditRepository.Head head = repository.head();
        Random random = new Random(20261208);
        Instant end = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Instant start = end.minus(365, ChronoUnit.DAYS);
        long span = end.toEpochMilli() - start.toEpochMilli();
        String prev = head.lastHash();
        long seq = head.lastSeq();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            boolean postgres = c.isWrapperFor(PGConnection.class);
            StringBuilder copy = new StringBuilder();
            PreparedStatement insert = postgres ? null : c.prepareStatement("""
                    INSERT INTO audit_entry (seq, occurred_at, occurred_ms, actor, action, subject, outcome, detail,
                        remote_addr, prev_hash, hash, hash_version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""");
            for (int i = 0; i < count; i++) {
                seq++;
                Instant at = Instant.ofEpochMilli(start.toEpochMilli() + span * i / count);
                // A skewed population: a few busy accounts, a long tail.
                String actor = "user" + String.format("%04d", (int) Math.min(4999, Math.abs(random.nextGaussian()) * 800));
                String action = ACTIONS[random.nextInt(ACTIONS.length)];
                String subject = action.substring(0, action.indexOf('.')) + ":" + random.nextInt(500_000);
                String outcome = random.nextInt(100) < 95 ? "SUCCESS" : (random.nextBoolean() ? "FAILURE" : "DENIED");
                String detail = "status=OPEN severity=HIGH unit=" + random.nextInt(400_000);
                String remote = "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(256);
                String hash = AuditEntry.hashOf(seq, at, actor, action, subject, outcome, detail, remote, prev);
                if (postgres) {
                    copy.append(seq).append('\t').append(Timestamp.from(at).toInstant()).append('\t')
                            .append(at.toEpochMilli()).append('\t').append(actor).append('\t').append(action)
                            .append('\t').append(subject).append('\t').append(outcome).append('\t').append(detail)
                            .append('\t').append(remote).append('\t').append(prev).append('\t').append(hash)
                            .append('\t').append(AuditEntry.CURRENT).append('\n');
                    if (copy.length() > 8_000_000 || i == count - 1) {
                        c.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY audit_entry (seq, occurred_at,"
                                + " occurred_ms, actor, action, subject, outcome, detail, remote_addr, prev_hash, hash,"
                                + " hash_version) FROM STDIN", new StringReader(copy.toString()));
                        copy.setLength(0);
                    }
                } else {
                    Object[] values = {seq, Timestamp.from(at), at.toEpochMilli(), actor, action, subject, outcome,
                        detail, remote, prev, hash, AuditEntry.CURRENT};
                    for (int v = 0; v < values.length; v++) {
                        insert.setObject(v + 1, values[v]);
                    }
                    insert.addBatch();
                    if (i % 5000 == 4999 || i == count - 1) {
                        insert.executeBatch();
                        c.commit();
                    }
                }
                prev = hash;
            }
            try (PreparedStatement move = c.prepareStatement(
                    "UPDATE audit_head SET last_seq = ?, last_hash = ? WHERE id = 1")) {
                move.setLong(1, seq);
                move.setString(2, prev);
                move.executeUpdate();
            }
            c.commit();
            try (var s = c.createStatement()) {
                s.execute(postgres ? "ANALYZE audit_entry" : "ANALYZE TABLE audit_entry");
            }
            c.commit();
        }
        try (Connection c = dataSource.getConnection(); var s = c.createStatement()) {
            // The steady state autovacuum keeps: a visibility map, so that counts read the index alone.
            if (c.isWrapperFor(PGConnection.class)) {
                s.execute("VACUUM ANALYZE audit_entry");
            }
        }
    }

    private static void measure(String name, int runs, Supplier<Integer> query) {
        query.get(); // warm-up
        long[] ms = new long[runs];
        int rows = 0;
        for (int i = 0; i < runs; i++) {
            long t = System.nanoTime();
            rows = query.get();
            ms[i] = (System.nanoTime() - t) / 1_000_000;
        }
        Arrays.sort(ms);
        List<Long> sorted = new ArrayList<>();
        for (long m : ms) {
            sorted.add(m);
        }
        System.out.printf("%-45s rows %3d  p50 %4d ms  p95 %4d ms  max %4d ms%n", name, rows, ms[runs / 2],
                ms[(int) Math.ceil(runs * 0.95) - 1], ms[runs - 1]);
    }
}
