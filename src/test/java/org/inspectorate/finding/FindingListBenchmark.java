package org.inspectorate.finding;

import java.util.Arrays;
import java.util.Set;

import java.util.function.IntSupplier;

import org.inspectorate.InspectorateApplication;
import org.inspectorate.organisation.Actor;
import org.inspectorate.organisation.OrganisationFixtures;
import org.inspectorate.organisation.OrganisationType;
import org.inspectorate.organisation.Organisations;
import org.inspectorate.organisation.Province;
import org.inspectorate.organisation.Role;
import org.inspectorate.system.Keyset;
import org.inspectorate.system.PageRequest;
import org.inspectorate.system.PageResult;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Benchmark (not a test): the findings list ({@link FindingQueries#list}, the service behind {@code /findings}
 * and {@code GET /api/v1/findings}: bounded count, page query, mapping and the audit entry) for the operator
 * "BENCH-BIG", a Guangdong officer and a Ministry officer, over a register loaded beforehand by
 * {@code src/test/resources/bench/findings-1m-postgres.sql} (docs/BENCHMARKS.md). Prints p50, p95 and max per
 * request. Arguments: the profile ({@code --spring.profiles.active=test,postgres}) and the runs per request
 * (default 15); INSPECTORATE_DB_URL names the database.
 */
public final class FindingListBenchmark {

    private FindingListBenchmark() {
    }

    public static void main(String[] args) {
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 15;
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(InspectorateApplication.class)
                .web(WebApplicationType.NONE).run(args.length > 0 ? new String[] {args[0]} : new String[0])) {
            Organisations organisations = context.getBean(Organisations.class);
            FindingQueries queries = context.getBean(FindingQueries.class);
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            long big = jdbc.queryForObject("SELECT id FROM organisation WHERE name = 'BENCH-BIG'", Long.class);
            // the generated operators' credit codes are placeholders: the actor is made without reading them
            Actor operator = new Actor(0, "bench-operator", big, OrganisationType.INTERNET_ENTERPRISE,
                    Province.GUANGDONG, Set.of(Role.OPERATOR_ADMIN));
            Actor provincial = OrganisationFixtures.actor(OrganisationFixtures.organisation(organisations,
                    OrganisationType.PROVINCIAL_ADMINISTRATION, Province.GUANGDONG, null), Role.PROVINCIAL_OFFICER);
            Actor ministry = OrganisationFixtures.actor(OrganisationFixtures.organisation(organisations,
                    OrganisationType.MINISTRY_BUREAU, null, null), Role.MINISTRY_OFFICER);
            System.out.printf("findings in the database: %,d; BENCH-BIG: %,d%n",
                    jdbc.queryForObject("SELECT COUNT(*) FROM finding", Long.class),
                    jdbc.queryForObject("SELECT COUNT(*) FROM finding WHERE organisation_id = ?", Long.class, big));
            FindingQuery all = FindingQuery.all();
            FindingQuery high = new FindingQuery(Severity.HIGH, null, null, null, null, null, null, null);
            FindingQuery open = new FindingQuery(null, null, FindingStatus.OPEN, null, null, null, null, null);
            FindingQuery remote = new FindingQuery(null, null, null, null, null, null, null, "remote");
            for (Object[] who : new Object[][] {{"operator", operator}, {"provincial", provincial},
                    {"ministry", ministry}}) {
                Actor actor = (Actor) who[1];
                String name = (String) who[0];
                measure(name + " first page (updatedAt desc)", runs, () -> list(queries, actor, all, "updatedAt", false));
                measure(name + " ?severity=HIGH", runs, () -> list(queries, actor, high, "updatedAt", false));
                measure(name + " ?status=OPEN", runs, () -> list(queries, actor, open, "updatedAt", false));
                measure(name + " ?q=remote", runs, () -> list(queries, actor, remote, "updatedAt", false));
                measure(name + " ?sort=severity", runs, () -> list(queries, actor, all, "severity", true));
                measure(name + " ?sort=cvssScore", runs, () -> list(queries, actor, all, "cvssScore", false));
                measure(name + " page dueOn asc (the page's default)", runs, () -> list(queries, actor, all, "dueOn",
                        true));
                measure(name + " ?page=2000 (offset 40,000)", runs, () -> queries.list(actor, all,
                        new PageRequest(2000, 20, "updatedAt", false)).items().size());
                Keyset deep = deepCursor(queries, actor);
                measure(name + " keyset page ~2000 (after a cursor 40,000 rows in)", runs,
                        () -> queries.list(actor, all, new PageRequest(2000, 20, "updatedAt", false, deep)).items()
                                .size());
            }
        }
    }

    private static int list(FindingQueries queries, Actor actor, FindingQuery query, String sort, boolean asc) {
        return queries.list(actor, query, new PageRequest(0, 20, sort, asc)).items().size();
    }

    /** The cursor after the 40,000th row in the default order (taken from the last row of page 2,000 by number). */
    private static Keyset deepCursor(FindingQueries queries, Actor actor) {
        PageResult<Finding> page = queries.list(actor, FindingQuery.all(), new PageRequest(1999, 20, "updatedAt",
                false));
        return page.next();
    }

    private static void measure(String what, int runs, IntSupplier query) {
        long[] times = new long[runs];
        int result = 0;
        query.getAsInt(); // warm-up, not counted
        for (int i = 0; i < runs; i++) {
            long t = System.nanoTime();
            result = query.getAsInt();
            times[i] = System.nanoTime() - t;
        }
        Arrays.sort(times);
        System.out.printf("%-62s p50 %7.1f ms  p95 %7.1f ms  max %7.1f ms  (%d rows)%n", what, times[runs / 2] / 1e6,
                times[Math.min(runs - 1, (int) Math.ceil(runs * 0.95) - 1)] / 1e6, times[runs - 1] / 1e6, result);
    }

}
