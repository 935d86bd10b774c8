package org.inspectorate.finding;

import java.sql.Connection;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.IntSupplier;

import org.inspectorate.InspectorateApplication;
import org.inspectorate.organisation.Actor;
import org.inspectorate.organisation.OrganisationFixtures;
import org.inspectorate.organisation.OrganisationType;
import org.inspectorate.organisation.Organisations;
import org.inspectorate.organisation.Province;
import org.inspectorate.organisation.Role;
import org.inspectorate.system.PageRequest;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Benchmark (not a test): the regulators' findings summary and overdue list over 100,000 findings
 * loaded by JDBC batch (93 operators in 31 provinces, 5 units each; every severity, category and
 * status; opened up to 400 days back, due dates around the opening so that about a third are overdue).
 * Statistics are refreshed after loading (ANALYZE). Run with the database's profile, e.g. {@code --spring.profiles.active=test,postgres} and
 * INSPECTORATE_DB_URL; arguments after the profile: findings to load (default 100000; 0 reuses what
 * an earlier run loaded) and query runs (default 7).
 */
public final class FindingReportBenchmark {

    private FindingReportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int load = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 7;
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(InspectorateApplication.class)
                .web(WebApplicationType.NONE).run(args.length > 0 ? new String[] {args[0]} : new String[0])) {
            Organisations organisations = context.getBean(Organisations.class);
            FindingReports reports = context.getBean(FindingReports.class);
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            if (load > 0) {
                load(organisations, jdbc, context.getBean(Clock.class), load);
                // loaded behind the register's back: its counters recounted, as the register keeps them
                FindingTally tally = context.getBean(FindingTally.class);
                jdbc.queryForList("SELECT DISTINCT organisation_id FROM finding", Long.class).forEach(tally::recount);
            }
            Actor ministry = OrganisationFixtures.actor(OrganisationFixtures.organisation(organisations,
                    OrganisationType.MINISTRY_BUREAU, null, null), Role.MINISTRY_OFFICER);
            Actor provincial = OrganisationFixtures.actor(OrganisationFixtures.organisation(organisations,
                    OrganisationType.PROVINCIAL_ADMINISTRATION, Province.GUANGDONG, null), Role.PROVINCIAL_OFFICER);
            System.out.printf("findings in the database: %,d; counter rows: %,d%n",
                    jdbc.queryForObject("SELECT COUNT(*) FROM finding", Long.class),
                    jdbc.queryForObject("SELECT COUNT(*) FROM finding_tally", Long.class));
            FindingReports.ReportQuery all = new FindingReports.ReportQuery(null, null, null, null, null, null);
            measure("summary, Ministry (2 queries)", runs, () -> (int) reports.summary(ministry, all, "bench").total());
            measure("summary, provincial officer (2 queries)", runs,
                    () -> (int) reports.summary(provincial, all, "bench").total());
            measure("summary, Ministry, HIGH only", runs, () -> (int) reports.summary(ministry,
                    new FindingReports.ReportQuery(null, null, Severity.HIGH, null, null, null), "bench").total());
            measure("overdue, Ministry, first page by days overdue", runs, () -> (int) reports.overdue(ministry, all,
                    new PageRequest(0, 20, "daysOverdue", false), "bench").total());
            measure("overdue, provincial officer, first page", runs, () -> (int) reports.overdue(provincial, all,
                    new PageRequest(0, 20, "daysOverdue", false), "bench").total());
        }
    }

    private static void load(Organisations organisations, JdbcTemplate jdbc, Clock clock, int count) {
        List<OrganisationType> types = List.of(OrganisationType.BASIC_TELECOM_PROVINCIAL,
                OrganisationType.VALUE_ADDED_TELECOM, OrganisationType.INTERNET_ENTERPRISE);
        List<long[]> units = new ArrayList<>(); // {organisation, unit}
        Timestamp now = Timestamp.from(clock.instant());
        for (Province p : Province.values()) {
            for (OrganisationType type : types) {
                Long parent = type == OrganisationType.BASIC_TELECOM_PROVINCIAL ? OrganisationFixtures.organisation(
                        organisations, OrganisationType.BASIC_TELECOM_GROUP, null, null).id() : null;
                long org = OrganisationFixtures.organisation(organisations, type, p, parent).id();
                for (int u = 0; u < 5; u++) {
                    jdbc.update("""
                            INSERT INTO network_unit (organisation_id, name, category, responsible_person,
                                responsible_contact, grade_level, grading_reasoning, grading_reviewed_on, lifecycle_stage,
                                filing_state, filing_kind, current_version_no, created_at, updated_at, version)
                            VALUES (?, ?, 'PORTAL', '张三', '010-12345678', 'LEVEL_2', 'bench', ?, 'FORMAL_OPERATION', 'FILED',
                                'INITIAL', 1, ?, ?, 0)""", org, "bench finding unit " + u, Date.valueOf(LocalDate.now(clock)),
                            now, now);
                    long unit = jdbc.queryForObject("SELECT MAX(id) FROM network_unit WHERE organisation_id = ?",
                            Long.class, org);
                    units.add(new long[] {org, unit});
                }
            }
        }
        String[] statuses = {"OPEN", "OPEN", "MITIGATED", "FIXED", "VERIFIED", "CLOSED", "CLOSED", "REOPENED"};
        Severity[] severities = Severity.values();
        Category[] categories = Category.values();
        Random random = new Random(42);
        LocalDate today = LocalDate.now(clock);
        long t = System.nanoTime();
        List<Object[]> batch = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long[] unit = units.get(random.nextInt(units.size()));
            int age = random.nextInt(400);
            LocalDate opened = today.minusDays(age);
            LocalDate due = opened.plusDays(15 + random.nextInt(90));
            String status = statuses[random.nextInt(statuses.length)];
            Timestamp created = Timestamp.from(clock.instant().minus(Duration.ofDays(age)));
            batch.add(new Object[] {unit[0], unit[1], "bench finding " + i,
                    categories[random.nextInt(categories.length)].name(), severities[random.nextInt(severities.length)]
                            .name(), "李四", "MANUAL", status, Date.valueOf(due),
                    "MITIGATED".equals(status) ? "王五" : null,
                    "MITIGATED".equals(status) ? Date.valueOf(due.plusDays(random.nextInt(60))) : null, "bench", created,
                    created});
            if (batch.size() == 1_000) {
                insert(jdbc, batch);
                batch.clear();
            }
        }
        insert(jdbc, batch);
        System.out.printf("loaded %,d findings in %d ms%n", count, (System.nanoTime() - t) / 1_000_000);
        // fresh statistics, as autovacuum would have them: without, PostgreSQL expects 10 rows and nests loops
        String product = jdbc.execute((Connection c) -> c.getMetaData().getDatabaseProductName());
        for (String table : List.of("finding", "organisation", "network_unit")) {
            jdbc.execute("PostgreSQL".equals(product) ? "ANALYZE " + table
                    : "MariaDB".equals(product) || "MySQL".equals(product) ? "ANALYZE TABLE " + table : "ANALYZE");
        }
    }

    private static void insert(JdbcTemplate jdbc, List<Object[]> rows) {
        jdbc.batchUpdate("""
                INSERT INTO finding (organisation_id, network_unit_id, title, category, severity, owner_name, source,
                    status, due_on, plan_owner, plan_due_on, created_by, created_at, updated_at, version)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)""", rows);
    }

    private static void measure(String what, int runs, IntSupplier query) {
        long[] times = new long[runs];
        int result = 0;
        for (int i = 0; i < runs; i++) {
            long t = System.nanoTime();
            result = query.getAsInt();
            times[i] = (System.nanoTime() - t) / 1_000;
        }
        long[] sorted = Arrays.copyOf(times, runs);
        Arrays.sort(sorted);
        System.out.printf("RESULT %s: rows=%d median=%.1f ms best=%.1f ms worst=%.1f ms (runs=%d, first=%.1f ms)%n",
                what, result, sorted[runs / 2] / 1000.0, sorted[0] / 1000.0, sorted[runs - 1] / 1000.0, runs,
                times[0] / 1000.0);
    }
}
