package org.inspectorate.finding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.inspectorate.filing.NetworkUnitFixtures;
import org.inspectorate.filing.NetworkUnits;
import org.inspectorate.organisation.Actor;
import org.inspectorate.organisation.Organisation;
import org.inspectorate.organisation.OrganisationFixtures;
import org.inspectorate.organisation.OrganisationType;
import org.inspectorate.organisation.Organisations;
import org.inspectorate.organisation.Province;
import org.inspectorate.organisation.Role;
import org.inspectorate.support.DatabaseTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The findings' counters equal a fresh count of the register after every kind of write: manual entry, the API's
 * upsert (new and refreshed) and bulk upsert, every lifecycle step, scanner imports that open, refresh, reopen and
 * suppress (PostgreSQL's COPY path or the batch path, whichever the database takes), a second session of one import
 * (an unmatched host assigned later), and an import that fails. Runs on H2, PostgreSQL and MariaDB.
 */
@DatabaseTest
class FindingTallyIntegrationTest {

    @Autowired
    Findings findings;
    @Autowired
    ScanImports scans;
    @Autowired
    Organisations organisations;
    @Autowired
    NetworkUnits units;
    @Autowired
    FindingTally tally;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Clock clock;
    @Autowired
    PlatformTransactionManager transactions;

    Organisation org;
    Organisation bystander;
    Actor operator;
    long unit;
    long importId = 7_000_000;

    /** The province's per-province counters and fresh count before this test's writes (other tests share it). */
    Map<FindingTallyRollup.AreaKey, Long> areaBefore;
    Map<FindingTallyRollup.AreaKey, Long> freshAreaBefore;
    Map<FindingTallyRollup.ProvinceKey, FindingTallyRollup.OperatorCounts> homeBefore;
    Map<FindingTallyRollup.ProvinceKey, FindingTallyRollup.OperatorCounts> freshHomeBefore;

    @Autowired
    FindingTallyRollup rollup;

    @BeforeEach
    void setUp() {
        areaBefore = rollup.areaCounters(Province.HEBEI.code());
        freshAreaBefore = freshAreaCount(Province.HEBEI.code());
        homeBefore = rollup.provinceCounters(Province.HEBEI.code());
        freshHomeBefore = homes(freshAreaBefore);
        org = OrganisationFixtures.organisation(organisations, OrganisationType.INTERNET_ENTERPRISE, Province.HEBEI,
                null);
        operator = OrganisationFixtures.actor(org, Role.OPERATOR_ADMIN);
        unit = units.create(operator, NetworkUnitFixtures.unitInput("计数门户", "PORTAL", "3.1",
                List.of(NetworkUnitFixtures.ipAddress("203.0.113.70")))).id();
        bystander = OrganisationFixtures.organisation(organisations, OrganisationType.INTERNET_ENTERPRISE,
                Province.HEBEI, null);
        Actor other = OrganisationFixtures.actor(bystander, Role.OPERATOR_ADMIN);
        long otherUnit = units.create(other, NetworkUnitFixtures.unitInput("旁观系统", "PORTAL", "2",
                List.of(NetworkUnitFixtures.ipAddress("203.0.113.71")))).id();
        findings.open(other, FindingFixtures.manual(otherUnit, "旁观者的问题", "WEAK_PASSWORD", "LOW", later(20)));
    }

    @Test
    void theCountersEqualAFreshCountOfTheRegisterAfterEveryKindOfWrite() {
        Map<FindingTally.Key, Long> bystanders = tally.counters(bystander.id());
        assertThat(bystanders).isNotEmpty().isEqualTo(freshCount(bystander.id()));
        assertThat(rollup.operatorCounters(bystander.id())).isEqualTo(freshOperatorCount(bystander.id()));
        assertCountersMatch("the bystander's finding");

        long a = findings.open(operator, FindingFixtures.manual(unit, "弱口令", "WEAK_PASSWORD", "HIGH", later(10))).id();
        assertCountersMatch("a manual finding");
        long b = findings.upsert(operator, keyed("b", "远程代码执行", "VULNERABILITY", "HIGH")).finding().id();
        assertCountersMatch("an upsert that opens");
        findings.upsert(operator, keyed("b", "远程代码执行", "MISCONFIGURATION", "MEDIUM"));
        assertCountersMatch("an upsert that refreshes category and severity");
        findings.upsertAll(operator, List.of(keyed("c", "信息泄露", "PERSONAL_INFORMATION", "LOW"),
                keyed("d", "越权访问", "VULNERABILITY", "MEDIUM"), keyed("b", "远程代码执行", "MISCONFIGURATION",
                        "MEDIUM")));
        assertCountersMatch("a bulk upsert");

        findings.fix(operator, a, 0, "已修改口令");
        assertCountersMatch("fix");
        findings.verify(operator, a, 1, null);
        findings.close(operator, a, 2, null);
        assertCountersMatch("verify and close");
        findings.reopen(operator, a, 3, "复测仍存在");
        assertCountersMatch("reopen");
        long c = findings.get(operator, idOf("c")).id();
        findings.mitigate(operator, c, 0, "限制访问", "升级组件", "王五", later(40));
        assertCountersMatch("mitigate: the plan's due date counts");

        importReport(List.of(item("e1", Severity.HIGH, false), item("e2", Severity.MEDIUM, false),
                item("d", Severity.LOW, false)));
        assertCountersMatch("an import that opens and refreshes");
        long e1 = idOf("e1");
        findings.fix(operator, e1, 0, "已修复");
        findings.verify(operator, e1, 1, null);
        findings.close(operator, e1, 2, null);
        importReport(List.of(item("e1", Severity.HIGH, false), item("e2", Severity.MEDIUM, true)));
        assertThat(status("e1")).isEqualTo(FindingStatus.REOPENED);
        assertThat(status("e2")).isEqualTo(FindingStatus.SUPPRESSED);
        assertCountersMatch("an import that reopens and suppresses set-wise");
        importReport(List.of(item("e2", Severity.MEDIUM, false)));
        assertThat(status("e2")).isEqualTo(FindingStatus.REOPENED);
        assertCountersMatch("an import that reopens a suppressed finding");

        session(importId, false, List.of(item("f1", Severity.HIGH, false), item("e1", Severity.HIGH, false)));
        assertCountersMatch("a second session of the same import (a host assigned afterwards)");

        assertThatThrownBy(() -> new TransactionTemplate(transactions).executeWithoutResult(s -> {
            ScanImports.ImportSession session = scans.open(operator, target(++importId, true));
            session.add(item("g1", Severity.HIGH, false));
            session.add(item("b", Severity.LOW, false));
            session.finish();
            throw new IllegalStateException("the report failed after the merge");
        })).isInstanceOf(IllegalStateException.class);
        assertCountersMatch("an import rolled back");

        assertThat(b).isPositive();
        assertThat(tally.counters(bystander.id())).as("another operator's counters").isEqualTo(bystanders);
    }

    @Test
    void findingsOpenedAndDueLongAgoShareOneCounterAndLaterWritesMoveItExactly() {
        List<Long> ids = new java.util.ArrayList<>();
        for (int daysAgo : new int[] {400, 700, 1200}) {
            long id = findings.open(operator, FindingFixtures.manual(unit, "陈年问题" + daysAgo, "WEAK_PASSWORD", "HIGH",
                    later(5))).id();
            jdbc.sql("UPDATE finding SET created_at = :at, due_on = :due WHERE id = :id")
                    .param("at", java.sql.Timestamp.from(clock.instant().minus(java.time.Duration.ofDays(daysAgo))))
                    .param("due", Date.valueOf(LocalDate.now(clock).minusDays(daysAgo - 30))).param("id", id).update();
            ids.add(id);
        }
        tally.recount(org.id());
        assertCountersMatch("a recount of findings opened and due long ago");
        FindingTally.Key old = FindingTally.Key.of(org.id(), Severity.HIGH, Category.WEAK_PASSWORD, FindingStatus.OPEN,
                null, FindingTally.LONG_AGO, FindingTally.LONG_AGO, null);
        assertThat(tally.counters(org.id())).as("three findings of three old days, one counter").containsEntry(old, 3L);

        findings.fix(operator, ids.get(0), findings.get(operator, ids.get(0)).version(), "已修复");
        assertCountersMatch("fixing one of them");
        assertThat(tally.counters(org.id())).containsEntry(old, 2L);
    }

    @Test
    void aRecountSetsRightWhatWasChangedBehindTheRegistersBack() {
        long id = findings.open(operator, FindingFixtures.manual(unit, "被改期", "WEAK_PASSWORD", "HIGH", later(5))).id();
        jdbc.sql("UPDATE finding SET due_on = :d, severity = 'LOW' WHERE id = :id")
                .param("d", Date.valueOf(LocalDate.now(clock).minusDays(2))).param("id", id).update();
        assertThat(tally.counters(org.id())).isNotEqualTo(freshCount(org.id()));

        tally.recount(org.id());

        assertCountersMatch("a recount");
    }

    private void assertCountersMatch(String after) {
        assertThat(tally.counters(org.id())).as("counters after " + after).isEqualTo(freshCount(org.id()));
        assertThat(rollup.operatorCounters(org.id())).as("per-operator counters after " + after)
                .isEqualTo(freshOperatorCount(org.id()));
        assertThat(minus(rollup.areaCounters(Province.HEBEI.code()), areaBefore))
                .as("per-province counters moved by this test, after " + after)
                .isEqualTo(minus(freshAreaCount(Province.HEBEI.code()), freshAreaBefore));
        assertThat(minusCounts(rollup.provinceCounters(Province.HEBEI.code()), homeBefore))
                .as("per-province home counters moved by this test, after " + after)
                .isEqualTo(minusCounts(homes(freshAreaCount(Province.HEBEI.code())), freshHomeBefore));
    }

    /** The province's findings per due date (findings, unresolved, unresolved HIGH) from its fresh count. */
    private static Map<FindingTallyRollup.ProvinceKey, FindingTallyRollup.OperatorCounts> homes(
            Map<FindingTallyRollup.AreaKey, Long> area) {
        Map<FindingTallyRollup.ProvinceKey, FindingTallyRollup.OperatorCounts> counts = new HashMap<>();
        area.forEach((k, n) -> {
            boolean open = k.status().unresolved();
            counts.merge(new FindingTallyRollup.ProvinceKey(k.province(), k.dueOn()),
                    new FindingTallyRollup.OperatorCounts(n, open ? n : 0, open && k.severity() == Severity.HIGH ? n : 0),
                    FindingTallyRollup.OperatorCounts::plus);
        });
        return counts;
    }

    private static <K> Map<K, FindingTallyRollup.OperatorCounts> minusCounts(
            Map<K, FindingTallyRollup.OperatorCounts> now, Map<K, FindingTallyRollup.OperatorCounts> before) {
        Map<K, FindingTallyRollup.OperatorCounts> d = new HashMap<>(now);
        before.forEach((k, c) -> d.merge(k, new FindingTallyRollup.OperatorCounts(-c.n(), -c.unresolved(), -c.high()),
                FindingTallyRollup.OperatorCounts::plus));
        d.values().removeIf(FindingTallyRollup.OperatorCounts::zero);
        return d;
    }

    private static <K> Map<K, Long> minus(Map<K, Long> now, Map<K, Long> before) {
        Map<K, Long> d = new HashMap<>(now);
        before.forEach((k, n) -> d.merge(k, -n, Long::sum));
        d.values().removeIf(n -> n == 0);
        return d;
    }

    /** The operator's findings counted afresh per effective due date: findings, unresolved, unresolved HIGH. */
    private Map<FindingTallyRollup.OperatorKey, FindingTallyRollup.OperatorCounts> freshOperatorCount(long org) {
        Map<FindingTallyRollup.OperatorKey, FindingTallyRollup.OperatorCounts> counts = new HashMap<>();
        freshCount(org).forEach((k, n) -> {
            boolean open = k.status().unresolved();
            counts.merge(new FindingTallyRollup.OperatorKey(org, k.dueOn()), new FindingTallyRollup.OperatorCounts(n,
                    open ? n : 0, open && k.severity() == Severity.HIGH ? n : 0),
                    FindingTallyRollup.OperatorCounts::plus);
        });
        counts.values().removeIf(FindingTallyRollup.OperatorCounts::zero);
        return counts;
    }

    /** The province's findings (by their operator's province) counted afresh with one GROUP BY over the register. */
    private Map<FindingTallyRollup.AreaKey, Long> freshAreaCount(String province) {
        Map<FindingTallyRollup.AreaKey, Long> counts = new HashMap<>();
        fresh("JOIN organisation o ON o.id = f.organisation_id WHERE o.province_code = :p", Map.of("p", province), 0L)
                .forEach((k, n) -> counts.merge(new FindingTallyRollup.AreaKey(province, k.severity(), k.category(),
                        k.status(), k.campaign(), k.openedOn(), k.dueOn()), n, Long::sum));
        return counts;
    }

    /**
     * The organisation's findings counted afresh with one GROUP BY over the register, the due date the overdue rule
     * reads worked out in SQL; the day opened is the instant's day in the clock's zone.
     */
    private Map<FindingTally.Key, Long> freshCount(long organisationId) {
        return fresh("WHERE f.organisation_id = :org", Map.of("org", organisationId), organisationId);
    }

    /** The findings {@code where} names counted afresh, keyed as the counters (under {@code organisationId}). */
    private Map<FindingTally.Key, Long> fresh(String where, Map<String, Object> params, long organisationId) {
        Map<FindingTally.Key, Long> counts = new HashMap<>();
        jdbc.sql("SELECT x.severity, x.category, x.status, x.campaign, x.created_at, x.due, COUNT(*) AS n"
                + " FROM (SELECT f.severity, f.category, f.status, COALESCE(f.campaign_code, '') AS campaign,"
                + " f.created_at, CASE WHEN f.status IN ('OPEN', 'REOPENED') THEN f.due_on"
                + " WHEN f.status = 'MITIGATED' THEN f.plan_due_on END AS due FROM finding f " + where + ") x"
                + " GROUP BY x.severity, x.category, x.status, x.campaign, x.created_at, x.due")
                .params(params).query(rs -> {
                    Date due = rs.getDate("due");
                    LocalDate dueOn = due == null ? null : due.toLocalDate();
                    FindingTally.Key key = FindingTally.Key.of(organisationId,
                            Severity.valueOf(rs.getString("severity")), Category.valueOf(rs.getString("category")),
                            FindingStatus.valueOf(rs.getString("status")), rs.getString("campaign"),
                            rs.getTimestamp("created_at").toInstant().atZone(clock.getZone()).toLocalDate(),
                            dueOn, dueOn, FindingTally.horizon(LocalDate.now(clock)));
                    counts.merge(key, rs.getLong("n"), Long::sum);
                });
        return counts;
    }

    private String later(int days) {
        return LocalDate.now(clock).plusDays(days).toString();
    }

    private NewFinding keyed(String key, String title, String category, String severity) {
        return new NewFinding(null, unit, null, title, null, category, severity, null, null, "李四", null, null, null,
                null, FindingSource.IMPORT, null, key);
    }

    private long idOf(String key) {
        return jdbc.sql("SELECT id FROM finding WHERE organisation_id = :o AND dedup_key = :k").param("o", org.id())
                .param("k", key).query(Long.class).single();
    }

    private FindingStatus status(String key) {
        return FindingStatus.valueOf(jdbc.sql("SELECT status FROM finding WHERE organisation_id = :o AND dedup_key = :k")
                .param("o", org.id()).param("k", key).query(String.class).single());
    }

    private ScanImports.Item item(String key, Severity severity, boolean suppressed) {
        return new ScanImports.Item(unit, "203.0.113.70:443/tcp", key, "扫描发现 " + key, "text", Category.VULNERABILITY,
                severity, List.of(), null, "NESSUS " + key, null, null, Set.of(), null, suppressed,
                suppressed ? "误报" : null, "203.0.113.70", null);
    }

    private ScanImports.Target target(long id, boolean flagNotSeen) {
        return new ScanImports.Target(org.id(), Set.of(), "NESSUS", id, flagNotSeen,
                ScanImports.Target.Coverage.none());
    }

    private void importReport(List<ScanImports.Item> items) {
        session(++importId, true, items);
    }

    private void session(long id, boolean flagNotSeen, List<ScanImports.Item> items) {
        new TransactionTemplate(transactions).executeWithoutResult(s -> {
            ScanImports.ImportSession session = scans.open(operator, target(id, flagNotSeen));
            items.forEach(session::add);
            session.finish();
        });
    }
}
