package org.inspectorate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.inspectorate.agency.Agencies;
import org.inspectorate.agency.AgencyFixtures;
import org.inspectorate.campaign.Campaigns;
import org.inspectorate.draw.DrawInput;
import org.inspectorate.draw.DrawRuleVersions;
import org.inspectorate.draw.Draws;
import org.inspectorate.draw.RulesInput;
import org.inspectorate.filing.NetworkUnitFixtures;
import org.inspectorate.filing.NetworkUnits;
import org.inspectorate.finding.FindingFixtures;
import org.inspectorate.finding.Findings;
import org.inspectorate.organisation.Actor;
import org.inspectorate.organisation.Organisation;
import org.inspectorate.organisation.OrganisationFixtures;
import org.inspectorate.organisation.OrganisationType;
import org.inspectorate.organisation.Organisations;
import org.inspectorate.organisation.Province;
import org.inspectorate.organisation.Role;
import org.inspectorate.organisation.UserAccount;
import org.inspectorate.organisation.UserAccounts;
import org.inspectorate.organisation.UserFixtures;
import org.inspectorate.selfinspection.SelfInspectionFixtures;
import org.inspectorate.selfinspection.SelfInspections;
import org.inspectorate.sharing.InspectionCalendar;
import org.inspectorate.sharing.PlanInput;
import org.inspectorate.support.DatabaseTest;
import org.inspectorate.support.TestClock;
import org.inspectorate.system.Jdbc;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The authorisation matrix (权限矩阵), permanent: every handler mapping of the product × every role (and an
 * anonymous visitor) → the status it answers, kept in {@code src/test/resources/authorization-matrix.tsv}.
 * An endpoint without a row fails the build, and so does a row whose endpoint is gone or whose status moved: a
 * new endpoint is reviewed for every role before it lands.
 *
 * <p>Each request names records that do not exist, so the matrix proves the refusals; a path naming a finding, a
 * network unit, an organisation, a user, a draw, a scan import, a self-inspection workspace, a campaign or an agency
 * is asked again naming one outside the roles' reach (another province's, a draft campaign, see
 * {@link #foreignRecords}), its cell then {@code missing/foreign}: only the Ministry may reach that record (and the
 * few named in {@link #foreignViolation}). Whatever the row says,
 * these hold for every endpoint and role: no 5xx, nothing answered 2xx for a record that does not exist, and an
 * anonymous visitor is sent to sign in (pages) or answered 401 (API). (The three administrators' 200s on lists of
 * inspection data are empty lists: their jurisdiction is {@code Jurisdiction.Nothing}: see {@code Actor.jurisdiction()}.)
 *
 * <p>After a deliberate change, rewrite the file and review its diff:
 * {@code mvn test -Dtest=AuthorizationMatrixTest -Dinspectorate.matrix.write=true}.
 */
@DatabaseTest
class AuthorizationMatrixTest {

    private static final Path MATRIX = Path.of("src/test/resources/authorization-matrix.tsv");
    private static final Pattern VARIABLE = Pattern.compile("\\{([A-Za-z]+)(:[^}]*)?}");
    private static final String ANONYMOUS = "ANONYMOUS";
    private static final Set<String> PUBLIC = Set.of("/login", "/error");

    @Autowired
    MockMvc mvc;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;
    @Autowired
    Organisations organisations;
    @Autowired
    UserAccounts accounts;
    @Autowired
    NetworkUnits units;
    @Autowired
    Findings findings;
    @Autowired
    Draws draws;
    @Autowired
    DrawRuleVersions drawRules;
    @Autowired
    Campaigns campaigns;
    @Autowired
    SelfInspections selfInspections;
    @Autowired
    Agencies agencies;
    @Autowired
    InspectionCalendar calendar;
    @Autowired
    JdbcClient jdbc;

    /** The paths whose first variable names a record of a kind, for the foreign-record columns. */
    private static final Map<Pattern, String> KINDS = kinds();

    private static Map<Pattern, String> kinds() {
        Map<Pattern, String> kinds = new LinkedHashMap<>();
        kinds.put(Pattern.compile("^(?:/api/v1)?/findings/\\{"), "finding");
        kinds.put(Pattern.compile("^(?:/api/v1)?/network-units/\\{"), "unit");
        kinds.put(Pattern.compile("^(?:/api/v1)?/organisations/\\{"), "organisation");
        kinds.put(Pattern.compile("^(?:/api/v1)?/users/\\{"), "user");
        kinds.put(Pattern.compile("^(?:/api/v1)?/draws/\\{"), "draw");
        kinds.put(Pattern.compile("^(?:/api/v1)?/imports/\\{"), "import");
        kinds.put(Pattern.compile("^(?:/api/v1/self-inspections|/self-inspections/reports)/\\{"), "workspace");
        kinds.put(Pattern.compile("^(?:/api/v1)?(?:/self-inspections)?/campaigns/\\{"), "campaign");
        kinds.put(Pattern.compile("^(?:/api/v1)?/agencies/\\{"), "agency");
        kinds.put(Pattern.compile("^(?:/api/v1)?/inspection-calendar/\\{"), "plan");
        return kinds;
    }

    /** The kind of record the path's first variable names, or null for a path naming none of these kinds. */
    private static String kind(String path) {
        return KINDS.entrySet().stream().filter(k -> k.getKey().matcher(path).find()).map(Map.Entry::getValue)
                .findFirst().orElse(null);
    }

    record Endpoint(HttpMethod method, String path) implements Comparable<Endpoint> {
        String key() {
            return method.name() + "\t" + path;
        }

        boolean api() {
            return path.startsWith("/api/");
        }

        @Override
        public int compareTo(Endpoint other) {
            return key().compareTo(other.key());
        }
    }

    @Test
    void everyEndpointAnswersEveryRoleAsTheMatrixSaysAndNoneLeaksARecordThatDoesNotExist() throws Exception {
        Map<String, Actor> actors = actors();
        Map<String, String> foreign = foreignRecords();
        Map<String, String> observed = new LinkedHashMap<>();
        List<String> violations = new ArrayList<>();
        for (Endpoint endpoint : inventory()) {
            List<String> statuses = new ArrayList<>();
            String kind = kind(endpoint.path());
            String foreignId = kind == null ? null : foreign.get(kind);
            for (Map.Entry<String, Actor> role : actors.entrySet()) {
                int status = answer(endpoint, concrete(endpoint.path()), role.getValue());
                String cell = Integer.toString(status);
                String problem = violation(endpoint, role.getKey(), status);
                if (foreignId != null) {
                    // the same request naming a record of an operator in another province (广西)
                    int other = answer(endpoint, withFirst(endpoint.path(), foreignId), role.getValue());
                    cell += "/" + other;
                    if (problem == null) {
                        problem = foreignViolation(kind, role.getKey(), status, other);
                    }
                }
                statuses.add(cell);
                if (problem != null) {
                    violations.add(endpoint.key().replace('\t', ' ') + " as " + role.getKey() + ": " + problem);
                }
            }
            observed.put(endpoint.key(), String.join("\t", statuses));
        }
        if (Boolean.getBoolean("inspectorate.matrix.write")) {
            write(actors.keySet(), observed);
        }
        assertThat(violations).as("rules every endpoint keeps").isEmpty();
        Map<String, String> expected = read();
        assertThat(observed.keySet()).as("endpoints without a row in %s", MATRIX)
                .isSubsetOf(expected.keySet());
        assertThat(expected.keySet()).as("rows in %s whose endpoint is gone", MATRIX)
                .isSubsetOf(observed.keySet());
        for (Map.Entry<String, String> row : observed.entrySet()) {
            assertThat(row.getValue()).as("%s (columns: %s)", row.getKey(), String.join(" ", actors.keySet()))
                    .isEqualTo(expected.get(row.getKey()));
        }
    }

    private static String violation(Endpoint endpoint, String role, int status) {
        if (status >= 500) {
            return "answered " + status;
        }
        boolean namesRecord = VARIABLE.matcher(endpoint.path().replace("{format}", "csv")).find();
        if (namesRecord && status >= 200 && status < 300) {
            return "answered " + status + " for a record that does not exist";
        }
        if (role.equals(ANONYMOUS) && !PUBLIC.contains(endpoint.path())) {
            boolean refused = endpoint.api() ? status == 401 : status == 302 || status == 403 || status == 401;
            return refused ? null : "an anonymous visitor was answered " + status;
        }
        return null;
    }

    /** Every handler mapping of the product (not springdoc's or the error controller's), one row per method. */
    private List<Endpoint> inventory() {
        Set<Endpoint> endpoints = new TreeSet<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> e : mappings.getHandlerMethods().entrySet()) {
            String type = e.getValue().getBeanType().getName();
            if (!type.startsWith("org.inspectorate.")) {
                continue;
            }
            Set<RequestMethod> methods = e.getKey().getMethodsCondition().getMethods();
            for (String path : e.getKey().getPatternValues()) {
                if (methods.isEmpty()) {
                    endpoints.add(new Endpoint(HttpMethod.GET, path));
                }
                for (RequestMethod m : methods) {
                    endpoints.add(new Endpoint(HttpMethod.valueOf(m.name()), path));
                }
            }
        }
        return List.copyOf(endpoints);
    }

    /**
     * A role that may not reach another province's record is answered exactly as for a record that does not exist
     * (so nobody learns that it exists). Those who may: the Ministry; for the directory (organisations, accounts)
     * also the system and security administrators, who keep it nationwide; for agencies (a national resource every
     * draw takes its teams from) also the provincial officers.
     */
    private static String foreignViolation(String kind, String role, int missing, int foreign) {
        boolean directory = kind.equals("organisation") || kind.equals("user");
        if (role.equals(Role.MINISTRY_OFFICER.name()) || directory && (role.equals(Role.SYSTEM_ADMIN.name())
                || role.equals(Role.SECURITY_ADMIN.name()))
                || kind.equals("agency") && role.equals(Role.PROVINCIAL_OFFICER.name())) {
            return null;
        }
        return foreign == missing ? null
                : "answered " + foreign + " for another province's record, " + missing + " for a missing one";
    }

    private int answer(Endpoint endpoint, String path, Actor actor) throws Exception {
        MockHttpServletRequestBuilder request = request(endpoint.method(), path);
        if (endpoint.method() != HttpMethod.GET) {
            request = endpoint.api() ? request.contentType(MediaType.APPLICATION_JSON).content("{}")
                    : request.contentType(MediaType.APPLICATION_FORM_URLENCODED);
            request = request.with(csrf());
        }
        if (actor != null) {
            request = request.with(authentication(OrganisationFixtures.authentication(actor)));
        }
        return mvc.perform(request).andReturn().getResponse().getStatus();
    }

    /** The path with its first variable naming {@code id} and the others something that does not exist. */
    private static String withFirst(String pattern, String id) {
        Matcher m = VARIABLE.matcher(pattern);
        m.find();
        return concrete(pattern.substring(0, m.start()) + id + pattern.substring(m.end()));
    }

    /**
     * Records of 广西 (the roles above are of 湖北 or national): of an internet enterprise there a network unit, a
     * finding on it, the organisation itself, an account of it, a scan import of it and its self-inspection
     * workspace, a plan of its administration on the inspection calendar; a draft draw of its provincial administration; a campaign still a draft (only the Ministry sees
     * drafts); a testing agency.
     */
    private Map<String, String> foreignRecords() {
        Organisation operator = OrganisationFixtures.organisation(organisations, OrganisationType.INTERNET_ENTERPRISE,
                Province.GUANGXI, null);
        Actor admin = OrganisationFixtures.actor(operator, Role.OPERATOR_ADMIN);
        Actor ministry = OrganisationFixtures.actor(OrganisationFixtures.organisation(organisations,
                OrganisationType.MINISTRY_BUREAU, null, null), Role.MINISTRY_OFFICER);
        long unit = units.create(admin, NetworkUnitFixtures.unitInput("异地门户", "PORTAL", "2",
                List.of(NetworkUnitFixtures.domain("faraway.example.cn")))).id();
        long finding = findings.open(admin, FindingFixtures.manual(unit, "异地弱口令", "WEAK_PASSWORD", "HIGH",
                null)).id();
        UserAccount account = UserFixtures.account(accounts, operator, Role.OPERATOR_STAFF);
        LocalDate due = TestClock.today().plusDays(30);
        String published = SelfInspectionFixtures.campaign(campaigns, ministry, due);
        long workspace = selfInspections.saveReport(admin, published, "异地自查", null).workspace().id();
        Map<String, String> records = new HashMap<>(Map.of("unit", Long.toString(unit), "finding",
                Long.toString(finding), "organisation", Long.toString(operator.id()), "user",
                Long.toString(account.id())));
        records.put("draw", Long.toString(foreignDraft()));
        records.put("import", Long.toString(foreignImport(operator.id())));
        records.put("workspace", Long.toString(workspace));
        records.put("campaign", SelfInspectionFixtures.draftCampaign(campaigns, ministry, due));
        records.put("agency", Long.toString(AgencyFixtures.agency(organisations, agencies, ministry,
                TestClock.today().plusYears(1)).id()));
        Actor guangxi = OrganisationFixtures.actor(OrganisationFixtures.organisation(organisations,
                OrganisationType.PROVINCIAL_ADMINISTRATION, Province.GUANGXI, null), Role.PROVINCIAL_OFFICER);
        records.put("plan", Long.toString(calendar.plan(guangxi, new PlanInput(operator.creditCode().value(),
                TestClock.today().plusDays(10), TestClock.today().plusDays(11), "异地检查", "检查组", false), true)
                .id()));
        return records;
    }

    /** A draft draw of 广西's administration, over a pool nobody fills (approving it is refused: no target). */
    private long foreignDraft() {
        Actor officer = OrganisationFixtures.actor(OrganisationFixtures.organisation(organisations,
                OrganisationType.PROVINCIAL_ADMINISTRATION, Province.GUANGXI, null), Role.PROVINCIAL_OFFICER);
        long rules = drawRules.save(officer, new RulesInput("matrix-foreign", "1", "2", List.of("CODE_REVIEW"),
                "TEAM_LEADER", "1", "3", "0", "")).id();
        return draws.prepare(officer, new DrawInput("异地抽查", Long.toString(rules), "", "BASIC_TELECOM_GROUP",
                "OTHER", "", List.of(), TestClock.today().toString())).id();
    }

    /** A finished (failed) scan import of the operator, inserted as the import runner leaves one. */
    private long foreignImport(long organisationId) {
        var now = Jdbc.ts(TestClock.now());
        jdbc.sql("""
                INSERT INTO import_job (organisation_id, file_name, state, created_by, created_at, heartbeat_at,
                    node_id, bytes_total, bytes_read, findings_parsed)
                VALUES (:o, 'faraway.nessus', 'FAILED', 'matrix', :now, :now, 'gone', 10, 5, 0)""")
                .param("o", organisationId).param("now", now).update();
        return jdbc.sql("SELECT MAX(id) FROM import_job WHERE organisation_id = :o").param("o", organisationId)
                .query(Long.class).single();
    }

    /** The path with every variable naming something that does not exist. */
    private static String concrete(String pattern) {
        Matcher m = VARIABLE.matcher(pattern);
        StringBuilder path = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String value = switch (name) {
                case "code" -> "NO-SUCH-CODE";
                case "number" -> "999";
                case "to" -> "CLOSED";
                case "format" -> "csv"; // a list's download: the format is not a record
                default -> "987654321";
            };
            m.appendReplacement(path, value);
        }
        m.appendTail(path);
        return path.toString();
    }

    /** An account of each role in an organisation its role allows, and the anonymous visitor (no actor). */
    private Map<String, Actor> actors() {
        Map<String, Actor> actors = new LinkedHashMap<>();
        actors.put(ANONYMOUS, null);
        Map<OrganisationType, Organisation> byType = new EnumMap<>(OrganisationType.class);
        for (Role role : Role.values()) {
            OrganisationType type = OrganisationType.values()[0];
            for (OrganisationType t : List.of(OrganisationType.MINISTRY_BUREAU, OrganisationType.PROVINCIAL_ADMINISTRATION,
                    OrganisationType.INTERNET_ENTERPRISE, OrganisationType.TESTING_AGENCY,
                    OrganisationType.OTHER_DEPARTMENT)) {
                if (role.allowedFor(t)) {
                    type = t;
                    break;
                }
            }
            Organisation organisation = byType.computeIfAbsent(type, t -> OrganisationFixtures.organisation(
                    organisations, t, t.provinceRequired() ? Province.HUBEI : null, null));
            UserAccount account = UserFixtures.account(accounts, organisation, role);
            actors.put(role.name(), UserFixtures.actor(account, organisation));
        }
        return actors;
    }

    private static Map<String, String> read() throws IOException {
        Map<String, String> rows = new LinkedHashMap<>();
        for (String line : Files.readAllLines(MATRIX, StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cells = line.split("\t", 3);
            rows.put(cells[0] + "\t" + cells[1], cells[2]);
        }
        return rows;
    }

    private static void write(Set<String> roles, Map<String, String> observed) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("# The authorisation matrix (AuthorizationMatrixTest): every endpoint x every role -> its status,");
        lines.add("# each request naming records that do not exist; a/b: a missing record / one of another province.");
        lines.add("# Review every change of this file.");
        lines.add("# method\tpath\t" + String.join("\t", roles));
        observed.forEach((key, statuses) -> lines.add(key + "\t" + statuses));
        Files.write(MATRIX, lines, StandardCharsets.UTF_8);
    }
}
