package org.inspectorate.draw;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;

import org.inspectorate.InspectorateApplication;
import org.inspectorate.agency.Agencies;
import org.inspectorate.agency.AgencyFixtures;
import org.inspectorate.organisation.Actor;
import org.inspectorate.organisation.OrganisationFixtures;
import org.inspectorate.organisation.OrganisationType;
import org.inspectorate.organisation.Organisations;
import org.inspectorate.organisation.Province;
import org.inspectorate.organisation.Role;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Benchmark (not a test) of the persisted draw flow through {@link Draws} on a real database: 100,000 filed units
 * (31 provinces × 3 operator types), 2,000 inspectors in 40 agencies (vetted, committed; 5 % with an expired personal
 * commitment, 10 % with a declared conflict, 0–2 former employers) and 5,000 agency relations are loaded by JDBC
 * batches; then, per run, the eligible inspector pool alone, prepare + approve (freeze both pools, hash the snapshot,
 * commit), run (reveal, select 400 with a quota of 10 value-added enterprises per province, store the round and the
 * planned checks) and verify. The rules exclude no recently inspected operator (0 months), so that every run draws from
 * the same pool although the earlier runs planned checks of most operators. Arguments: the profiles (e.g. {@code --spring.profiles.active=test,postgres} with
 * INSPECTORATE_DB_URL on an empty database) and the number of runs (default 3).
 */
public final class PersistedDrawBenchmark {

    static final int UNITS = 100_000;
    static final int INSPECTORS = 2_000;
    static final int AGENCIES = 40;
    static final int RELATIONS = 5_000;

    private PersistedDrawBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(InspectorateApplication.class)
                .web(WebApplicationType.NONE).run(args.length > 0 ? new String[] {args[0]} : new String[0])) {
            Organisations organisations = context.getBean(Organisations.class);
            Agencies agencies = context.getBean(Agencies.class);
            Draws draws = context.getBean(Draws.class);
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            Clock clock = context.getBean(Clock.class);
            Actor ministry = OrganisationFixtures.actor(OrganisationFixtures.organisation(organisations,
                    OrganisationType.MINISTRY_BUREAU, null, null), Role.MINISTRY_OFFICER);
            Actor second = OrganisationFixtures.actor(OrganisationFixtures.organisation(organisations,
                    OrganisationType.MINISTRY_BUREAU, null, null), Role.MINISTRY_OFFICER);
            SecurityContextHolder.getContext().setAuthentication(
                    UsernamePasswordAuthenticationToken.authenticated(ministry.username(), null, List.of()));

            long t0 = System.nanoTime();
            List<long[]> operators = loadUnits(organisations, jdbc, clock);
            System.out.printf("loaded %,d filed units of %d operators in %d ms%n", UNITS, operators.size(), ms(t0));
            long t1 = System.nanoTime();
            loadInspectors(organisations, agencies, ministry, jdbc, operators, clock);
            System.out.printf("loaded %,d inspectors in %d agencies, %,d relations in %d ms%n", INSPECTORS, AGENCIES,
                    RELATIONS, ms(t1));

            DrawRulesVersion rules = context.getBean(DrawRuleVersions.class).save(ministry, new RulesInput("bench", "400", "3",
                    List.of("PENETRATION_TESTING", "CODE_REVIEW"), "TEAM_LEADER", "15", "3", "0",
                    "operatorType=VALUE_ADDED_TELECOM; per=province; atLeast=10"));
            Map<String, long[]> times = new LinkedHashMap<>();
            for (String step : List.of("eligible pool", "prepare", "approve: freeze pools + hash + commit",
                    "run: reveal + select + store round and planned checks", "verify")) {
                times.put(step, new long[runs]);
            }
            for (int i = 0; i < runs; i++) {
                long t = System.nanoTime();
                int pool = agencies.eligiblePool(LocalDate.now(clock)).size();
                times.get("eligible pool")[i] = micros(t);
                t = System.nanoTime();
                DrawView draft = draws.prepare(ministry, new DrawInput("bench " + i, Long.toString(rules.id()), "", "", "", "",
                        List.of(), LocalDate.now(clock).toString()));
                times.get("prepare")[i] = micros(t);
                t = System.nanoTime();
                draws.approve(second, draft.id());
                times.get("approve: freeze pools + hash + commit")[i] = micros(t);
                t = System.nanoTime();
                draws.run(ministry, draft.id(), "见证人 " + i);
                times.get("run: reveal + select + store round and planned checks")[i] = micros(t);
                t = System.nanoTime();
                boolean match = draws.verify(ministry, draft.id()).matches();
                times.get("verify")[i] = micros(t);
                int drawn = draws.plannedChecks(ministry, draft.id()).size();
                System.out.printf("run %d: eligible inspectors %d, drawn %d, verification %s%n", i + 1, pool, drawn,
                        match ? "MATCH" : "MISMATCH");
                for (Map.Entry<String, long[]> e : times.entrySet()) {
                    System.out.printf("  %-55s %,10.1f ms%n", e.getKey(), e.getValue()[i] / 1000.0);
                }
            }
            for (Map.Entry<String, long[]> e : times.entrySet()) {
                long[] sorted = e.getValue().clone();
                Arrays.sort(sorted);
                System.out.printf("RESULT %s: median=%.1f ms best=%.1f ms worst=%.1f ms (runs=%d)%n", e.getKey(),
                        sorted[runs / 2] / 1000.0, sorted[0] / 1000.0, sorted[runs - 1] / 1000.0, runs);
            }
        }
    }

    /** Operators (id, province index, type index) and their 100,000 filed units. */
    private static List<long[]> loadUnits(Organisations organisations, JdbcTemplate jdbc, Clock clock) {
        List<OrganisationType> types = List.of(OrganisationType.VALUE_ADDED_TELECOM, OrganisationType.INTERNET_ENTERPRISE,
                OrganisationType.BASIC_TELECOM_PROVINCIAL);
        Province[] provinces = Province.values();
        List<long[]> operators = new ArrayList<>();
        for (int p = 0; p < provinces.length; p++) {
            for (int k = 0; k < types.size(); k++) {
                Long parent = types.get(k) == OrganisationType.BASIC_TELECOM_PROVINCIAL
                        ? OrganisationFixtures.organisation(organisations, OrganisationType.BASIC_TELECOM_GROUP, null, null)
                                .id()
                        : null;
                for (int n = 0; n < 4; n++) {
                    long id = OrganisationFixtures.organisation(organisations, types.get(k), provinces[p], parent).id();
                    operators.add(new long[] {id, p, k});
                }
            }
        }
        String[] levels = {"LEVEL_2", "LEVEL_3_1", "LEVEL_3_2", "LEVEL_4"};
        Random random = new Random(42);
        Timestamp now = Timestamp.from(clock.instant());
        List<Object[]> batch = new ArrayList<>();
        for (int i = 0; i < UNITS; i++) {
            long[] op = operators.get(random.nextInt(operators.size()));
            batch.add(new Object[] {op[0], provinces[(int) op[1]].code(), "bench unit " + i, "PORTAL", "张三",
                    "010-12345678", levels[random.nextInt(levels.length)], "bench", Date.valueOf(LocalDate.now(clock)),
                    "FORMAL_OPERATION", now, now});
            if (batch.size() == 1_000) {
                insertUnits(jdbc, batch);
                batch.clear();
            }
        }
        insertUnits(jdbc, batch);
        return operators;
    }

    private static void insertUnits(JdbcTemplate jdbc, List<Object[]> rows) {
        jdbc.batchUpdate("""
                INSERT INTO network_unit (organisation_id, authority_province_code, name, category, responsible_person,
                    responsible_contact, grade_level, grading_reasoning, grading_reviewed_on, lifecycle_stage,
                    filing_state, filing_kind, current_version_no, in_force_version_no, created_at, updated_at, version)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'FILED', 'INITIAL', 1, 1, ?, ?, 0)""", rows);
    }

    /** 40 agencies with their own commitment; 2,000 vetted inspectors with personal commitments and histories. */
    private static void loadInspectors(Organisations organisations, Agencies agencies, Actor officer, JdbcTemplate jdbc,
            List<long[]> operators, Clock clock) {
        LocalDate today = LocalDate.now(clock);
        List<Long> agencyIds = new ArrayList<>();
        for (int a = 0; a < AGENCIES; a++) {
            agencyIds.add(AgencyFixtures.agency(organisations, agencies, officer, today.plusYears(2)).id());
        }
        String prefix = "bench" + Long.toString(System.nanoTime(), 36) + "_";
        Timestamp now = Timestamp.from(clock.instant());
        List<Object[]> accounts = new ArrayList<>();
        for (int i = 0; i < INSPECTORS; i++) {
            accounts.add(new Object[] {prefix + i, "检查员 " + i, "{noop}x", agencyIds.get(i % AGENCIES), now});
        }
        jdbc.batchUpdate("""
                INSERT INTO user_account (username, display_name, password_hash, organisation_id, enabled,
                    must_change_password, created_at) VALUES (?, ?, ?, ?, TRUE, FALSE, ?)""", accounts);
        Map<Long, Long> agencyOf = new HashMap<>();
        jdbc.query("SELECT id, organisation_id FROM user_account WHERE username LIKE ?",
                rs -> {
                    agencyOf.put(rs.getLong(1), rs.getLong(2));
                }, prefix + "%");
        Random random = new Random(7);
        String[] skillSets = {"PENETRATION_TESTING", "CODE_REVIEW", "ON_SITE_TESTING,PENETRATION_TESTING",
                "CODE_REVIEW,MANAGEMENT_REVIEW", "CODE_REVIEW,PENETRATION_TESTING"};
        List<Object[]> roles = new ArrayList<>();
        List<Object[]> profiles = new ArrayList<>();
        List<Object[]> vettings = new ArrayList<>();
        List<Object[]> commitments = new ArrayList<>();
        List<Object[]> employment = new ArrayList<>();
        List<Object[]> conflicts = new ArrayList<>();
        Date yearAgo = Date.valueOf(today.minusYears(1));
        for (Map.Entry<Long, Long> e : agencyOf.entrySet()) {
            long user = e.getKey();
            roles.add(new Object[] {user, "INSPECTOR"});
            String skills = skillSets[random.nextInt(skillSets.length)] + (random.nextInt(5) == 0 ? ",TEAM_LEADER" : "");
            profiles.add(new Object[] {user, e.getValue(), String.join(",", new TreeSet<>(List.of(skills.split(",")))),
                    now, now});
            vettings.add(new Object[] {user, "bench", yearAgo, Date.valueOf(today.plusYears(1)), now});
            LocalDate until = random.nextInt(20) == 0 ? today.minusDays(1) : today.plusYears(1);
            commitments.add(new Object[] {e.getValue(), user, yearAgo, yearAgo, Date.valueOf(until), "me.pdf",
                    "application/pdf", AgencyFixtures.PDF.length, "0".repeat(64), AgencyFixtures.PDF, "bench", now});
            for (int k = random.nextInt(3); k > 0; k--) {
                employment.add(new Object[] {user, operators.get(random.nextInt(operators.size()))[0],
                        Date.valueOf(today.minusYears(2 + random.nextInt(8))), Date.valueOf(today.minusYears(1))});
            }
            if (random.nextInt(10) == 0) {
                conflicts.add(new Object[] {user, operators.get(random.nextInt(operators.size()))[0], "亲属任职",
                        Date.valueOf(today)});
            }
        }
        jdbc.batchUpdate("INSERT INTO user_role (user_id, role) VALUES (?, ?)", roles);
        jdbc.batchUpdate("""
                INSERT INTO inspector_profile (user_id, agency_id, skills, created_at, updated_at) VALUES (?, ?, ?, ?, ?)""",
                profiles);
        jdbc.batchUpdate("""
                INSERT INTO inspector_vetting (user_id, vetted_by, vetted_on, valid_until, recorded_at)
                VALUES (?, ?, ?, ?, ?)""", vettings);
        jdbc.batchUpdate("""
                INSERT INTO confidentiality_commitment (agency_id, user_id, signed_on, valid_from, valid_until, file_name,
                    content_type, size_bytes, sha256, content, uploaded_by, uploaded_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", commitments);
        jdbc.batchUpdate("""
                INSERT INTO inspector_employment (user_id, organisation_id, from_date, until_date) VALUES (?, ?, ?, ?)""",
                employment);
        jdbc.batchUpdate("""
                INSERT INTO inspector_conflict (user_id, organisation_id, reason, declared_on) VALUES (?, ?, ?, ?)""",
                conflicts);
        List<Object[]> relations = new ArrayList<>();
        for (int i = 0; i < RELATIONS; i++) {
            relations.add(new Object[] {agencyIds.get(random.nextInt(AGENCIES)),
                    operators.get(random.nextInt(operators.size()))[0], random.nextBoolean() ? "EVALUATED" : "ADVISED",
                    Date.valueOf(today.minusDays(random.nextInt(2_000))), "bench", now});
        }
        jdbc.batchUpdate("""
                INSERT INTO agency_relation (agency_id, organisation_id, relation_kind, related_on, recorded_by,
                    recorded_at) VALUES (?, ?, ?, ?, ?, ?)""", relations);
    }

    private static long ms(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }

    private static long micros(long start) {
        return (System.nanoTime() - start) / 1_000;
    }
}
