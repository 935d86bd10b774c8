package org.inspectorate.filing.report;

import java.io.ByteArrayInputStream;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.IntSupplier;

import org.inspectorate.InspectorateApplication;
import org.inspectorate.filing.GradeLevel;
import org.inspectorate.filing.LifecycleStage;
import org.inspectorate.filing.NetworkCategory;
import org.inspectorate.obligation.ObligationQuery;
import org.inspectorate.obligation.ObligationStatus;
import org.inspectorate.obligation.Obligations;
import org.inspectorate.organisation.Actor;
import org.inspectorate.organisation.Organisation;
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
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Benchmark (not a test): (a) the bulk upload of a 5,000-unit XLSX through the service, (b) the
 * coverage and overdue queries with 50,000 more units loaded, (c) the obligation list over their filed units. Run with the database's profile, e.g.
 * {@code --spring.profiles.active=test,postgres} and INSPECTORATE_DB_URL; arguments after the
 * profile: upload runs (default 3) and query runs (default 7).
 */
public final class FilingBenchmark {

    private FilingBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int uploadRuns = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        int queryRuns = args.length > 2 ? Integer.parseInt(args[2]) : 7;
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(InspectorateApplication.class)
                .web(WebApplicationType.NONE).run(args.length > 0 ? new String[] {args[0]} : new String[0])) {
            Clock clock = context.getBean(Clock.class);
            Organisations organisations = context.getBean(Organisations.class);
            BulkUnitUpload bulk = context.getBean(BulkUnitUpload.class);
            FilingReports reports = context.getBean(FilingReports.class);
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);

            // (a) bulk upload of 5,000 rows
            Organisation operatorOrg = OrganisationFixtures.organisation(organisations,
                    OrganisationType.INTERNET_ENTERPRISE, Province.GUANGDONG, null);
            Actor operator = OrganisationFixtures.actor(operatorOrg, Role.OPERATOR_ADMIN);
            SecurityContextHolder.getContext().setAuthentication(
                    UsernamePasswordAuthenticationToken.authenticated(operator.username(), null, List.of()));
            long t0 = System.nanoTime();
            byte[] file = BulkFixtures.workbook(BulkFixtures.rows("bench", 5_000, LocalDate.now(clock)));
            System.out.printf("generated 5,000-row XLSX: %,d bytes in %d ms%n", file.length, ms(t0));
            List<Long> upload = new ArrayList<>();
            for (int i = 0; i < uploadRuns; i++) {
                long t = System.nanoTime();
                BulkResult result = bulk.upload(operator, "bench.xlsx", file.length, new ByteArrayInputStream(file));
                upload.add(ms(t));
                System.out.printf("upload run %d: %d units in %d ms%n", i + 1, result.created(), upload.get(i));
            }

            // (b) 50,000 units spread over provinces, operator types, levels and states
            List<OrganisationType> types = List.of(OrganisationType.BASIC_TELECOM_PROVINCIAL,
                    OrganisationType.VALUE_ADDED_TELECOM, OrganisationType.INTERNET_ENTERPRISE);
            List<Long> orgs = new ArrayList<>();
            Organisation first = null;
            for (Province p : Province.values()) {
                for (OrganisationType type : types) {
                    Long parent = null;
                    if (type == OrganisationType.BASIC_TELECOM_PROVINCIAL) {
                        parent = OrganisationFixtures.organisation(organisations, OrganisationType.BASIC_TELECOM_GROUP,
                                null, null).id();
                    }
                    Organisation org = OrganisationFixtures.organisation(organisations, type, p, parent);
                    if (first == null) {
                        first = org;
                    }
                    orgs.add(org.id());
                }
            }
            String[] states = {"FILED", "FILED", "FILED", "SUBMITTED", "RETURNED", "DRAFT"};
            GradeLevel[] levels = GradeLevel.values();
            NetworkCategory[] categories = NetworkCategory.values();
            Random random = new Random(42);
            Timestamp now = Timestamp.from(clock.instant());
            long t1 = System.nanoTime();
            List<Object[]> batch = new ArrayList<>();
            for (int i = 0; i < 50_000; i++) {
                String state = states[random.nextInt(states.length)];
                LocalDate reviewed = LocalDate.now(clock).minusDays(random.nextInt(400));
                batch.add(new Object[] {orgs.get(random.nextInt(orgs.size())), "bench unit " + i,
                        categories[random.nextInt(categories.length)].name(), "张三", "010-12345678",
                        levels[random.nextInt(levels.length)].name(), "bench", Date.valueOf(reviewed),
                        LifecycleStage.FORMAL_OPERATION.name(), state, "INITIAL",
                        "FILED".equals(state) ? null : Date.valueOf(reviewed.plusDays(30)), now, now});
                if (batch.size() == 1_000) {
                    insert(jdbc, batch);
                    batch.clear();
                }
            }
            insert(jdbc, batch);
            System.out.printf("loaded 50,000 units in %d ms%n", ms(t1));

            Actor ministry = OrganisationFixtures.actor(OrganisationFixtures.organisation(organisations,
                    OrganisationType.MINISTRY_BUREAU, null, null), Role.MINISTRY_OFFICER);
            Actor provincial = OrganisationFixtures.actor(OrganisationFixtures.organisation(organisations,
                    OrganisationType.PROVINCIAL_ADMINISTRATION, Province.GUANGDONG, null), Role.PROVINCIAL_OFFICER);
            long total = jdbc.queryForObject("SELECT COUNT(*) FROM network_unit", Long.class);
            System.out.printf("units in the database: %,d%n", total);
            measure("coverage, Ministry, by province", queryRuns, () -> reports.coverage(ministry,
                    new FilingReports.CoverageQuery(FilingReports.Grouping.PROVINCE, null, null, null, null)).size());
            measure("coverage, provincial officer, by type and level", queryRuns, () -> reports.coverage(provincial,
                    new FilingReports.CoverageQuery(FilingReports.Grouping.TYPE_LEVEL, null, null, null, null)).size());
            measure("overdue, Ministry, first page by due date", queryRuns, () -> (int) reports.overdue(ministry,
                    new FilingReports.OverdueQuery(null, null, null, null), new PageRequest(0, 20, "dueOn", true))
                    .total());
            measure("overdue, provincial officer, first page", queryRuns, () -> (int) reports.overdue(provincial,
                    new FilingReports.OverdueQuery(null, null, null, null), new PageRequest(0, 20, "dueOn", true))
                    .total());

            // (c) the obligation list (符合性评测/风险评估 due, due soon, overdue) over the filed units: every filed
            // bench unit gets its baseline; every third a conformity evaluation (half of those reported), so the
            // list holds the recurring obligations and result reports of ~25,000 filed units.
            long t2 = System.nanoTime();
            int baselines = jdbc.update("""
                    INSERT INTO obligation_baseline (unit_id, filed_grade_level, first_filed_on, updated_at)
                    SELECT id, grade_level, grading_reviewed_on, updated_at FROM network_unit
                    WHERE filing_state = 'FILED' AND name LIKE 'bench unit %'""");
            int records = jdbc.update("""
                    INSERT INTO obligation_record (unit_id, record_kind, performed_on, performed_by, outcome, summary,
                        reported_on, recorded_by, recorded_at, version)
                    SELECT id, 'CONFORMITY_EVALUATION', grading_reviewed_on, 'bench', 'PASS', 'bench',
                        CASE WHEN MOD(id, 2) = 0 THEN grading_reviewed_on END, 'bench', updated_at, 0
                    FROM network_unit WHERE filing_state = 'FILED' AND name LIKE 'bench unit %' AND MOD(id, 3) = 0""");
            System.out.printf("obligation baselines %,d and records %,d in %d ms%n", baselines, records, ms(t2));
            Obligations obligations = context.getBean(Obligations.class);
            Actor operatorOfMany = OrganisationFixtures.actor(first, Role.OPERATOR_ADMIN);
            measure("obligations, Ministry, first page by due date", queryRuns, () -> (int) obligations.list(ministry,
                    ObligationQuery.all(), new PageRequest(0, 20, "dueOn", true)).total());
            measure("obligations, Ministry, overdue by unit name", queryRuns, () -> (int) obligations.list(ministry,
                    new ObligationQuery(null, ObligationStatus.OVERDUE, null), new PageRequest(0, 20, "unitName", true))
                    .total());
            measure("obligations, operator, first page", queryRuns, () -> (int) obligations.list(operatorOfMany,
                    ObligationQuery.all(), new PageRequest(0, 20, "dueOn", true)).total());
            // The bench units were inserted without routing (all to the Ministry); route them as the policy would
            // (these operator types file with their province) for the provincial officer's view.
            jdbc.update("""
                    UPDATE network_unit SET authority_province_code =
                        (SELECT o.province_code FROM organisation o WHERE o.id = network_unit.organisation_id)
                    WHERE name LIKE 'bench unit %'""");
            measure("obligations, provincial officer, first page", queryRuns, () -> (int) obligations.list(provincial,
                    ObligationQuery.all(), new PageRequest(0, 20, "dueOn", true)).total());
            if (!upload.isEmpty()) {
                long[] u = upload.stream().mapToLong(Long::longValue).sorted().toArray();
                System.out.printf("RESULT upload5000 median=%d ms best=%d ms (runs=%d)%n", u[u.length / 2], u[0],
                        u.length);
            }
        }
    }

    private static void insert(JdbcTemplate jdbc, List<Object[]> rows) {
        jdbc.batchUpdate("""
                INSERT INTO network_unit (organisation_id, name, category, responsible_person, responsible_contact,
                    grade_level, grading_reasoning, grading_reviewed_on, lifecycle_stage, filing_state, filing_kind,
                    current_version_no, due_on, created_at, updated_at, version)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, 0)""", rows);
    }

    private static void measure(String what, int runs, IntSupplier query) {
        long[] times = new long[runs];
        int result = 0;
        for (int i = 0; i < runs; i++) {
            long t = System.nanoTime();
            result = query.getAsInt();
            times[i] = micros(t);
        }
        long[] sorted = Arrays.copyOf(times, runs);
        Arrays.sort(sorted);
        System.out.printf("RESULT %s: rows=%d median=%.1f ms best=%.1f ms worst=%.1f ms (runs=%d, first=%.1f ms)%n",
                what, result, sorted[runs / 2] / 1000.0, sorted[0] / 1000.0, sorted[runs - 1] / 1000.0, runs,
                times[0] / 1000.0);
    }

    private static long ms(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }

    private static long micros(long start) {
        return (System.nanoTime() - start) / 1_000;
    }
}
