package org.inspectorate.obligation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;

import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.inspectorate.filing.AssetInput;
import org.inspectorate.filing.GradeLevel;
import org.inspectorate.filing.NetworkUnit;
import org.inspectorate.filing.NetworkUnitFixtures;
import org.inspectorate.filing.NetworkUnits;
import org.inspectorate.organisation.Actor;
import org.inspectorate.organisation.OrganisationFixtures;
import org.inspectorate.organisation.OrganisationType;
import org.inspectorate.organisation.Organisations;
import org.inspectorate.organisation.Province;
import org.inspectorate.organisation.Role;
import org.inspectorate.support.DatabaseTest;
import org.inspectorate.system.PageRequest;
import org.inspectorate.system.PageResult;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The obligation list is computed, filtered, sorted and paged by the database; the unit page still asks
 * {@link ObligationPolicy} in Java. Both must agree on every obligation — month ends, 29 February, a change of level
 * before and after the last evaluation, reported and unreported results — on H2, PostgreSQL and MariaDB.
 */
@DatabaseTest
class ObligationListSqlTest {

    @Autowired
    private Clock clock;

    @Autowired
    Organisations organisations;
    @Autowired
    NetworkUnits units;
    @Autowired
    Obligations obligations;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MockMvc mvc;

    private LocalDate today;
    private Actor operator;
    private Actor officer;
    private final List<Long> unitIds = new ArrayList<>();

    private Actor actor(OrganisationType type, Role role) {
        return OrganisationFixtures.actor(OrganisationFixtures.organisation(organisations, type, Province.JILIN, null),
                role);
    }

    private long filed(String name, String level, LocalDate firstFiled, LocalDate levelChanged) {
        NetworkUnit draft = units.create(operator, NetworkUnitFixtures.unitInput(name, level,
                List.of(new AssetInput("DOMAIN", "sql-list.example.cn", null))));
        units.accept(officer, draft.id(), units.submit(operator, draft.id(), draft.version()).version());
        jdbc.sql("UPDATE obligation_baseline SET first_filed_on = :f, level_changed_on = :c WHERE unit_id = :u")
                .param("f", Date.valueOf(firstFiled)).param("c", levelChanged == null ? null : Date.valueOf(levelChanged))
                .param("u", draft.id()).update();
        unitIds.add(draft.id());
        return draft.id();
    }

    private void record(long unit, ObligationKind kind, LocalDate on, LocalDate reportedOn) {
        obligations.record(operator, unit, new ObligationInput(kind.name(), on.toString(), "测评机构", "PASS", "无问题",
                null, reportedOn == null ? null : reportedOn.toString()), null);
    }

    @BeforeEach
    void units() {
        today = LocalDate.now(clock);
        operator = actor(OrganisationType.INTERNET_ENTERPRISE, Role.OPERATOR_ADMIN);
        officer = actor(OrganisationType.PROVINCIAL_ADMINISTRATION, Role.PROVINCIAL_OFFICER);
        filed("Alpha 闰日", "3.1", LocalDate.of(2024, 2, 29), null);
        filed("beta 月末", "2", LocalDate.of(2024, 1, 31), null);
        long changed = filed("Gamma 变更", "4", today.minusYears(1).minusDays(3), today.minusDays(80));
        record(changed, ObligationKind.CONFORMITY_EVALUATION, today.minusDays(100), today.minusDays(90));
        long evaluatedAfterChange = filed("delta 变更后已评测", "3.2", today.minusMonths(20), today.minusDays(60));
        record(evaluatedAfterChange, ObligationKind.CONFORMITY_EVALUATION, today.minusDays(50), null);
        record(evaluatedAfterChange, ObligationKind.RISK_ASSESSMENT, today.minusDays(10), null);
        long soon = filed("Epsilon 临期", "5", today.minusYears(1).plusDays(5), null);
        record(soon, ObligationKind.RISK_ASSESSMENT, today.minusYears(1).plusDays(20), today.minusYears(1).plusDays(25));
        filed("zeta 一级", "1", LocalDate.of(2023, 3, 31), null);
        long levelOne = unitIds.get(unitIds.size() - 1);
        record(levelOne, ObligationKind.CONFORMITY_EVALUATION, today.minusDays(31), null);
    }

    private List<Obligation> fromPolicy() {
        List<Obligation> all = new ArrayList<>();
        for (long id : unitIds) {
            all.addAll(obligations.ofUnit(operator, id));
        }
        return all;
    }

    private static final Map<String, Comparator<Obligation>> JAVA_SORTS = Map.of(
            "dueOn", Comparator.comparing(Obligation::dueOn),
            "unitName", Comparator.comparing(Obligation::unitName, String.CASE_INSENSITIVE_ORDER),
            "kind", Comparator.comparing(Obligation::kind),
            "level", Comparator.comparing(Obligation::level),
            "status", Comparator.comparing(Obligation::status));

    @Test
    void everyObligationOfTheListEqualsWhatThePolicyComputesForTheUnit() {
        PageResult<Obligation> listed = obligations.list(operator, ObligationQuery.all(), PageRequest.first(200));

        assertThat(listed.items()).containsExactlyInAnyOrderElementsOf(fromPolicy());
        assertThat(listed.total()).isEqualTo(fromPolicy().size());
        // the officer sees every unit routed to the province, these among them
        assertThat(obligations.list(officer, ObligationQuery.all(), PageRequest.first(1000)).items().stream()
                .filter(o -> unitIds.contains(o.unitId())).toList()).containsExactlyInAnyOrderElementsOf(fromPolicy());
    }

    @Test
    void everySortKeyOrdersAsTheJavaComparatorDidAndPagesSliceThatOrder() {
        for (Map.Entry<String, Comparator<Obligation>> sort : JAVA_SORTS.entrySet()) {
            for (boolean ascending : new boolean[] {true, false}) {
                Comparator<Obligation> primary = ascending ? sort.getValue() : sort.getValue().reversed();
                List<Obligation> expected = new ArrayList<>(fromPolicy());
                expected.sort(primary.thenComparing(Obligation::unitId).thenComparing(Obligation::kind)
                        .thenComparing(o -> o.recordId() == null ? 0L : o.recordId()));
                List<Obligation> pages = new ArrayList<>();
                for (int page = 0; page * 4 < expected.size(); page++) {
                    pages.addAll(obligations.list(operator, ObligationQuery.all(),
                            new PageRequest(page, 4, sort.getKey(), ascending)).items());
                }
                assertThat(pages).as("%s %s", sort.getKey(), ascending ? "asc" : "desc").containsExactlyElementsOf(expected);
            }
        }
    }

    @Test
    void filtersByKindStatusAndLevelMatchTheSameObligations() {
        for (ObligationKind kind : ObligationKind.values()) {
            for (ObligationStatus status : ObligationStatus.values()) {
                for (GradeLevel level : new GradeLevel[] {null, GradeLevel.LEVEL_1, GradeLevel.LEVEL_4}) {
                    ObligationQuery query = new ObligationQuery(kind, status, level);
                    assertThat(obligations.list(operator, query, PageRequest.first(200)).items())
                            .as("%s %s %s", kind, status, level)
                            .containsExactlyInAnyOrderElementsOf(fromPolicy().stream().filter(query::matches).toList());
                }
            }
        }
    }

    @Test
    void theExportHoldsEveryObligationOfTheFilteredListInItsOrderAndIsAudited() throws Exception {
        byte[] xlsx = mvc.perform(get("/obligations.xlsx").param("status", "OVERDUE").param("sort", "unitName")
                        .with(authentication(OrganisationFixtures.authentication(operator))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();

        List<String> names = new ArrayList<>();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = workbook.getSheetAt(0);
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                names.add(sheet.getRow(r).getCell(0).getStringCellValue());
            }
        }
        assertThat(names).containsExactlyElementsOf(obligations.list(operator,
                new ObligationQuery(null, ObligationStatus.OVERDUE, null), new PageRequest(0, 200, "unitName", true))
                .items().stream().map(Obligation::unitName).toList()).isNotEmpty();
        assertThat(jdbc.sql("""
                SELECT COUNT(*) FROM audit_entry WHERE action = 'filing.exported' AND subject = 'filing-list:obligations'
                    AND actor = :a""").param("a", operator.username()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aPagePastTheEndIsEmptyButStillCountsEveryObligation() {
        PageResult<Obligation> past = obligations.list(operator, ObligationQuery.all(), new PageRequest(50, 20, "dueOn", true));

        assertThat(past.items()).isEmpty();
        assertThat(past.total()).isEqualTo(fromPolicy().size());
        assertThat(obligations.list(operator, new ObligationQuery(ObligationKind.RISK_ASSESSMENT, null, GradeLevel.LEVEL_1),
                PageRequest.first(20)).total()).isZero();
    }

    @Test
    void anUnknownSortKeyFallsBackToTheDueDay() {
        List<Obligation> byDue = obligations.list(operator, ObligationQuery.all(),
                new PageRequest(0, 200, "dueOn", true)).items();
        assertThat(obligations.list(operator, ObligationQuery.all(),
                new PageRequest(0, 200, "name; DROP TABLE network_unit", true)).items()).containsExactlyElementsOf(byDue);
    }
}
