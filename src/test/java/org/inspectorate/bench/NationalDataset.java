package org.inspectorate.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

import org.flywaydb.core.Flyway;
import org.inspectorate.bench.BulkTable.Vendor;

/**
 * The national-scale dataset generator (issue 13): seeded (the same seed and day give the same data), written
 * through PostgreSQL COPY, MariaDB LOAD DATA LOCAL INFILE or JDBC batches on H2 — never through the application —
 * into a database migrated by the application's own Flyway migrations (run first). A benchmark tool, kept in the
 * test sources so that it never ships in the product jar. The command and what each preset holds:
 * docs/national-dataset.md.
 *
 * <pre>
 * java -Xmx1g -cp "$CP" org.inspectorate.bench.NationalDataset --preset national --url jdbc:postgresql://…/db \
 *     [--user postgres] [--password …] [--seed 2026] [--today 2026-12-08] [--mfa-seal-key BASE64]
 * </pre>
 */
public final class NationalDataset {

    /** The default day the data is generated for; dates count back from it. */
    static final LocalDate DEFAULT_TODAY = LocalDate.of(2026, 12, 8);

    /** What one load wrote, and how long each step took (milliseconds, in order). */
    record Result(String accountPrefix, int operators, int units, long findings, long history, int answers,
            long auditEntries, Map<String, Long> millis) {
    }

    private NationalDataset() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> a = options(args);
        Preset preset = Preset.named(a.getOrDefault("preset", "tiny"));
        String url = a.getOrDefault("url", System.getenv("INSPECTORATE_DB_URL"));
        if (url == null) {
            throw new IllegalArgumentException("--url jdbc:… (or INSPECTORATE_DB_URL) names the database");
        }
        if (url.startsWith("jdbc:mariadb:") && !url.contains("allowLocalInfile")) {
            url += (url.contains("?") ? "&" : "?") + "allowLocalInfile=true";
        }
        String user = a.getOrDefault("user", url.startsWith("jdbc:postgresql:") ? "postgres"
                : url.startsWith("jdbc:mariadb:") ? "root" : "sa");
        String password = a.getOrDefault("password", "");
        long seed = Long.parseLong(a.getOrDefault("seed", "2026"));
        LocalDate today = LocalDate.parse(a.getOrDefault("today", DEFAULT_TODAY.toString()));
        String key = a.getOrDefault("mfa-seal-key", defaultSealKey());
        long t0 = System.nanoTime();
        try (Connection c = DriverManager.getConnection(url, user, password)) {
            migrate(url, user, password, Vendor.of(c));
            System.out.printf("migrated in %.1f s%n", (System.nanoTime() - t0) / 1e9);
            Result r = a.containsKey("from") ? resume(c, preset, seed, today, key, a.get("from"),
                    a.getOrDefault("prefix", "n-")) : load(c, preset, seed, today, key);
            long t1 = System.nanoTime();
            analyse(c);
            System.out.printf("statistics gathered in %.1f s%n", (System.nanoTime() - t1) / 1e9);
            System.out.println(r);
            System.out.printf("%s preset loaded in %.1f s (accounts %s…, password %s, TOTP secret %s)%n", preset.name(),
                    (System.nanoTime() - t0) / 1e9, r.accountPrefix(), DatasetDirectory.PASSWORD,
                    DatasetDirectory.TOTP_SECRET);
        }
    }

    /** {@code --name value} pairs of a command line. */
    static Map<String, String> options(String[] args) {
        Map<String, String> a = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            a.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        return a;
    }

    /**
     * Loads {@code preset} into the migrated database behind {@code c}, beside whatever it holds; commits step by
     * step. {@code mfaSealKey} is the application's {@code inspectorate.security.mfa-seal-key}.
     */
    static Result load(Connection c, Preset preset, long seed, LocalDate today, String mfaSealKey) throws SQLException {
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
            DatasetRun run = new DatasetRun(c, preset, seed, today, mfaSealKey);
            Map<String, Long> millis = new LinkedHashMap<>();
            long t = System.currentTimeMillis();
            new DatasetDirectory(run).load();
            t = lap(millis, "directory", t, run.operators());
            new DatasetUnits(run).load();
            t = lap(millis, "units", t, run.unitIds.length);
            DatasetSelfInspections selfInspections = new DatasetSelfInspections(run);
            selfInspections.plan();
            DatasetFindings findings = new DatasetFindings(run, selfInspections);
            findings.load();
            t = lap(millis, "findings", t, findings.written);
            selfInspections.load();
            t = lap(millis, "self-inspections", t, selfInspections.answers.length);
            DatasetAudit audit = new DatasetAudit(run);
            audit.load();
            lap(millis, "audit", t, audit.written);
            return new Result(run.accountPrefix, run.operators(), run.unitIds.length, findings.written,
                    findings.historyWritten, selfInspections.answers.length, audit.written, millis);
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(autoCommit);
        }
    }

    /**
     * Runs the steps after the findings ({@code from} = {@code self-inspections}) of a load whose findings step was
     * cut short or done before, with the same preset and seed; what they refer to is read back from the database.
     */
    static Result resume(Connection c, Preset preset, long seed, LocalDate today, String mfaSealKey, String from,
            String prefix) throws SQLException {
        if (!"self-inspections".equals(from)) {
            throw new IllegalArgumentException("--from self-inspections is the step a load resumes at");
        }
        c.setAutoCommit(false);
        DatasetRun run = new DatasetRun(c, preset, seed, today, mfaSealKey);
        DatasetResume.restore(run, prefix);
        Map<String, Long> millis = new LinkedHashMap<>();
        long t = System.currentTimeMillis();
        DatasetSelfInspections selfInspections = new DatasetSelfInspections(run);
        selfInspections.plan();
        DatasetResume.linkPlan(run, selfInspections);
        selfInspections.load();
        t = lap(millis, "self-inspections", t, selfInspections.answers.length);
        DatasetAudit audit = new DatasetAudit(run);
        audit.load();
        lap(millis, "audit", t, audit.written);
        return new Result(prefix, run.operators(), run.unitIds.length, 0, 0, selfInspections.answers.length,
                audit.written, millis);
    }

    private static long lap(Map<String, Long> millis, String step, long since, long rows) {
        long now = System.currentTimeMillis();
        millis.put(step, now - since);
        System.out.printf("%-17s %,10d rows in %6.1f s%n", step, rows, (now - since) / 1000.0);
        return now;
    }

    /** The application's migrations, with its locations and its placeholders for the database. */
    static void migrate(String url, String user, String password, Vendor vendor) {
        String profile = vendor == Vendor.POSTGRESQL ? "postgres" : vendor == Vendor.MARIADB ? "mariadb" : null;
        Properties base = properties("/application.properties");
        Properties own = profile == null ? new Properties() : properties("/application-" + profile + ".properties");
        Map<String, String> placeholders = new HashMap<>();
        for (String name : new String[] {"id_pk", "ts", "clob", "blob"}) {
            String k = "spring.flyway.placeholders." + name;
            placeholders.put(name, own.getProperty(k, base.getProperty(k)));
        }
        String dir = vendor == Vendor.POSTGRESQL ? "postgresql" : vendor == Vendor.MARIADB ? "mariadb" : "h2";
        String[] locations = base.getProperty("spring.flyway.locations").replace("{vendor}", dir).split(",");
        Flyway.configure().dataSource(url, user, password).locations(locations).placeholders(placeholders).load()
                .migrate();
    }

    /** Fresh planner statistics after a bulk load, as an operator would gather them. */
    private static void analyse(Connection c) throws SQLException {
        Vendor vendor = Vendor.of(c);
        try (Statement s = c.createStatement()) {
            if (vendor == Vendor.POSTGRESQL) {
                s.execute("ANALYZE");
            } else if (vendor == Vendor.MARIADB) {
                s.execute("ANALYZE TABLE organisation, user_account, network_unit, finding, finding_event, "
                        + "self_inspection, self_inspection_answer, audit_entry");
            }
        }
    }

    /** INSPECTORATE_MFA_SEAL_KEY, else the demo profile's public key (as the demo and test profiles run). */
    static String defaultSealKey() {
        String env = System.getenv("INSPECTORATE_MFA_SEAL_KEY");
        if (env != null && !env.isBlank()) {
            return env;
        }
        String value = properties("/application-demo.properties").getProperty("inspectorate.security.mfa-seal-key");
        // ${INSPECTORATE_MFA_SEAL_KEY:default}
        return value.substring(value.indexOf(':') + 1, value.length() - 1);
    }

    private static Properties properties(String resource) {
        Properties p = new Properties();
        try (InputStream in = NationalDataset.class.getResourceAsStream(resource)) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }
}
