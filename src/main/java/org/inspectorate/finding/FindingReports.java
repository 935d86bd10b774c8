package org.inspectorate.finding;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.apache.poi.ss.usermodel.Row;
import org.inspectorate.finding.FindingRepository.Today;
import org.inspectorate.organisation.Actor;
import org.inspectorate.organisation.Jurisdiction.SqlScope;
import org.inspectorate.organisation.Organisations;
import org.inspectorate.system.NotFoundException;
import org.inspectorate.system.Keyset;
import org.inspectorate.system.PageRequest;
import org.inspectorate.system.PageResult;
import org.inspectorate.system.XlsxExport;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The regulators' views of the findings register (问题整改情况): findings across the jurisdiction by
 * severity, category, status and age (days since opened; for overdue ones, days past the due date),
 * by operator and — for the Ministry — by province; and the overdue rectifications (逾期未整改). The
 * Ministry sees the whole country, a provincial officer the findings of their province's operators;
 * anybody else, or a filter naming an operator or province outside that, gets 404. Every view and
 * export is audited ({@link FindingReported}).
 */
@Service
class FindingReports {

    /** Largest export; lists beyond it are cut. */
    static final int MAX_EXPORT_ROWS = 100_000;

    /** Operators shown on the summary page (the export has them all). */
    static final int OPERATORS_SHOWN = 50;

    /** Filter of the summary and the overdue list; {@code null} means any. */
    record ReportQuery(String province, Long organisationId, Severity severity, Category category, String campaign,
            AgeBucket overdueFor) {

        /** The same filter on the findings' counters. */
        FindingTallyReader.Filter tally() {
            return new FindingTallyReader.Filter(severity, category, campaign, organisationId, province, null, null,
                    overdueFor);
        }

        /**
         * Whether only the jurisdiction, a province or an operator narrows the summary: then the per-operator
         * counters rank the operators.
         */
        boolean unfiltered() {
            return severity == null && category == null && (campaign == null || campaign.isBlank())
                    && overdueFor == null;
        }

        FindingQuery findings(Boolean overdue) {
            return new FindingQuery(severity, category, null, overdue, null, null, campaign, null, null, organisationId,
                    province, null, null, overdueFor);
        }

        String describe() {
            String s = toString();
            return s.length() > 300 ? s.substring(0, 300) : s;
        }
    }

    /** Counts of one key: all findings, the unresolved ones (OPEN, REOPENED, MITIGATED), the overdue ones. */
    record Count<K>(K key, long total, long unresolved, long overdue) {
    }

    /** Counts of one operator (id, name, province) or one province (only its code). */
    record GroupRow(Long organisationId, String name, String provinceCode, long total, long unresolved, long overdue,
            long highUnresolved) {
    }

    /** The whole summary: totals, the four breakdowns, overdue by days past due, operators and provinces. */
    record Summary(long total, long unresolved, long overdue, long highUnresolved, List<Count<Severity>> bySeverity,
            List<Count<Category>> byCategory, List<Count<FindingStatus>> byStatus, List<Count<AgeBucket>> byAge,
            List<Count<AgeBucket>> byDaysOverdue, List<GroupRow> byOperator, List<GroupRow> byProvince) {
    }

    /** An overdue rectification: the finding, who owns it, its operator and unit, and how late it is. */
    record OverdueRow(long id, String title, Severity severity, Category category, FindingStatus status,
            String ownerName, String planOwner, long organisationId, String organisationName, String provinceCode,
            long networkUnitId, String unitName, LocalDate dueOn, LocalDate planDueOn, LocalDate effectiveDueOn,
            long daysOverdue) {
    }

    private final FindingReportRepository repository;
    private final FindingTallyReader tally;
    private final Organisations organisations;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final FindingAccess access;

    FindingReports(FindingReportRepository repository, FindingTallyReader tally, Organisations organisations,
            ApplicationEventPublisher events, Clock clock, FindingAccess access) {
        this.tally = tally;
        this.access = access;
        this.repository = repository;
        this.organisations = organisations;
        this.events = events;
        this.clock = clock;
    }

    /** Whether the actor may see these views: a Ministry officer, or a provincial officer with a province. */
    boolean mayReport(Actor actor) {
        return access.mayReport(actor);
    }

    /** Whether the actor sees these views for every province (the Ministry). */
    boolean nationwide(Actor actor) {
        return access.reportsNationwide(actor);
    }

    /** The summary, audited as one view in {@code form} (page or api). */
    @Transactional(readOnly = true)
    public Summary summary(Actor actor, ReportQuery query, String form) {
        Summary summary = compute(actor, query, OPERATORS_SHOWN);
        events.publishEvent(new FindingReported("summary", form, summary.total(), query.describe()));
        return summary;
    }

    /** One page of the overdue rectifications, audited as one view in {@code form} (page or api). */
    @Transactional(readOnly = true)
    public PageResult<OverdueRow> overdue(Actor actor, ReportQuery query, PageRequest page, String form) {
        PageResult<OverdueRow> result = overduePage(actor, query, page);
        events.publishEvent(new FindingReported("overdue", form, result.total(), query.describe()));
        return result;
    }

    /** The summary from the findings' counters ({@link FindingTally}): sums of a few rows, never a count. */
    private Summary compute(Actor actor, ReportQuery query, int operators) {
        scope(actor, query);
        SqlScope scope = actor.jurisdiction().organisationScope("t.organisation_id");
        Today today = today();
        FindingTallyReader.Filter filter = query.tally();
        Map<Severity, long[]> severity = new EnumMap<>(Severity.class);
        Map<Category, long[]> category = new EnumMap<>(Category.class);
        Map<FindingStatus, long[]> status = new EnumMap<>(FindingStatus.class);
        AgeBucket[] buckets = AgeBucket.values();
        long[][] age = new long[buckets.length][3];
        long[] late = new long[buckets.length];
        long total = 0;
        long unresolved = 0;
        long overdue = 0;
        long high = 0;
        // a region's summary reads the per-province counters; one operator's, the per-organisation ones
        SqlScope area = query.organisationId() == null ? FindingTallyReader.areaScope(actor.jurisdiction()) : null;
        for (FindingReportRepository.Cell c : area != null ? tally.areaCells(filter, area, today)
                : tally.cells(filter, scope, today)) {
            long open = c.status().unresolved() ? c.total() : 0;
            add(severity.computeIfAbsent(c.severity(), k -> new long[3]), c.total(), open, c.overdue());
            add(category.computeIfAbsent(c.category(), k -> new long[3]), c.total(), open, c.overdue());
            add(status.computeIfAbsent(c.status(), k -> new long[3]), c.total(), open, c.overdue());
            for (int i = 0; i < buckets.length; i++) {
                add(age[i], c.age()[i], c.status().unresolved() ? c.age()[i] : 0, c.ageOverdue()[i]);
                late[i] += c.late()[i];
            }
            total += c.total();
            unresolved += open;
            overdue += c.overdue();
            high += c.severity() == Severity.HIGH ? open : 0;
        }
        List<Count<AgeBucket>> byAge = new ArrayList<>();
        List<Count<AgeBucket>> byLate = new ArrayList<>();
        for (int i = 0; i < buckets.length; i++) {
            byAge.add(new Count<>(buckets[i], age[i][0], age[i][1], age[i][2]));
            byLate.add(new Count<>(buckets[i], late[i], late[i], late[i]));
        }
        List<GroupRow> allOperators = query.unfiltered()
                ? tally.operatorRanking(scope, query.organisationId(), query.province(), today, operators)
                : tally.operators(filter, scope, today);
        List<GroupRow> byOperator = List.copyOf(allOperators.subList(0, Math.min(operators, allOperators.size())));
        List<GroupRow> byProvince = !nationwide(actor) ? List.of()
                : area != null ? tally.areaProvinces(filter, area, today) : provinces(allOperators);
        return new Summary(total, unresolved, overdue, high, counts(Severity.values(), severity),
                counts(Category.values(), category), counts(FindingStatus.values(), status), byAge, byLate, byOperator,
                byProvince);
    }

    private PageResult<OverdueRow> overduePage(Actor actor, ReportQuery query, PageRequest page) {
        scope(actor, query); // 404 outside the jurisdiction
        // regulators only (a province or the country): the list reads the register's province ranges
        FindingScope ranges = FindingScope.of(actor.jurisdiction(), List::of);
        return repository.overdue(query.findings(true), ranges, today(), page);
    }

    // --- exports ----------------------------------------------------------------------------

    /** The summary as a workbook, one sheet per breakdown (every operator, not only the first 50); audited. */
    @Transactional(readOnly = true)
    public void exportSummary(Actor actor, ReportQuery query, OutputStream out, Function<String, String> text)
            throws IOException {
        Summary s = compute(actor, query, MAX_EXPORT_ROWS);
        List<String> counts = List.of("findingreports.field.total", "findingreports.field.unresolved",
                "findingreports.field.overdue");
        try (XlsxExport x = new XlsxExport(text.apply("findingreports.by.severity"))) {
            countSheet(x, text.apply("finding.field.severity"), counts, s.bySeverity(), k -> text.apply(k.messageKey()),
                    text);
            x.sheet(text.apply("findingreports.by.category"));
            countSheet(x, text.apply("finding.field.category"), counts, s.byCategory(),
                    k -> text.apply(k.messageKey()), text);
            x.sheet(text.apply("findingreports.by.status"));
            countSheet(x, text.apply("finding.field.status"), counts, s.byStatus(), k -> text.apply(k.messageKey()),
                    text);
            x.sheet(text.apply("findingreports.by.age"));
            countSheet(x, text.apply("findingreports.field.age"), counts, s.byAge(), k -> text.apply(k.messageKey()),
                    text);
            x.sheet(text.apply("findingreports.by.daysOverdue"));
            countSheet(x, text.apply("findingreports.field.daysOverdue"), List.of("findingreports.field.overdue"),
                    s.byDaysOverdue(), k -> text.apply(k.messageKey()), text);
            x.sheet(text.apply("findingreports.by.operator"));
            groupSheet(x, s.byOperator(), false, text);
            if (nationwide(actor)) {
                x.sheet(text.apply("findingreports.by.province"));
                groupSheet(x, s.byProvince(), true, text);
            }
            x.write(out);
        }
        events.publishEvent(new FindingReported("summary", "xlsx", s.total(), query.describe()));
    }

    /** Every overdue rectification in the filter (up to {@link #MAX_EXPORT_ROWS}), read page by page; audited. */
    @Transactional(readOnly = true)
    public int exportOverdue(Actor actor, ReportQuery query, String sort, boolean asc, OutputStream out,
            Function<String, String> text) throws IOException {
        int count = 0;
        try (XlsxExport x = new XlsxExport(text.apply("findingreports.overdue.title"))) {
            x.header(List.of("finding.field.title", "finding.field.severity", "finding.field.category",
                    "finding.field.status", "findingreports.field.operator", "findingreports.field.province",
                    "findingreports.field.unit", "finding.field.ownerName", "finding.field.planOwner",
                    "finding.field.dueOn", "finding.field.planDueOn", "findingreports.field.daysOverdue").stream()
                    .map(text).toList());
            Keyset after = null;
            boolean seeking = false;
            for (int page = 0; count < MAX_EXPORT_ROWS; page++) {
                PageResult<OverdueRow> result = overduePage(actor, query,
                        new PageRequest(after == null ? page : 0, PageRequest.MAX_SIZE, sort, asc, after));
                after = result.next(); // orders read along an index continue after a cursor, the others by number
                seeking |= after != null;
                for (OverdueRow f : result.items()) {
                    Row row = x.row();
                    x.text(row, 0, f.title());
                    x.text(row, 1, text.apply(f.severity().messageKey()));
                    x.text(row, 2, text.apply(f.category().messageKey()));
                    x.text(row, 3, text.apply(f.status().messageKey()));
                    x.text(row, 4, f.organisationName());
                    x.text(row, 5, f.provinceCode() == null ? "" : text.apply("province." + f.provinceCode()));
                    x.text(row, 6, f.unitName());
                    x.text(row, 7, f.ownerName());
                    x.text(row, 8, f.planOwner());
                    x.text(row, 9, f.dueOn() == null ? "" : f.dueOn().toString());
                    x.text(row, 10, f.planDueOn() == null ? "" : f.planDueOn().toString());
                    x.number(row, 11, f.daysOverdue());
                    count++;
                }
                if (seeking ? after == null : result.items().size() < PageRequest.MAX_SIZE) {
                    break;
                }
            }
            x.write(out);
        }
        events.publishEvent(new FindingReported("overdue", "xlsx", count, query.describe()));
        return count;
    }

    private static <K> void countSheet(XlsxExport x, String keyHeader, List<String> columns, List<Count<K>> rows,
            Function<K, String> label, Function<String, String> text) {
        List<String> header = new ArrayList<>();
        header.add(keyHeader);
        columns.forEach(c -> header.add(text.apply(c)));
        x.header(header);
        for (Count<K> c : rows) {
            Row row = x.row();
            x.text(row, 0, label.apply(c.key()));
            long[] values = {c.total(), c.unresolved(), c.overdue()};
            for (int i = 0; i < columns.size(); i++) {
                x.number(row, i + 1, values[i]);
            }
        }
    }

    private static void groupSheet(XlsxExport x, List<GroupRow> rows, boolean byProvince,
            Function<String, String> text) {
        List<String> header = new ArrayList<>();
        if (!byProvince) {
            header.add(text.apply("findingreports.field.operator"));
        }
        header.addAll(List.of("findingreports.field.province", "findingreports.field.total",
                "findingreports.field.unresolved", "findingreports.field.overdue", "findingreports.field.highUnresolved")
                .stream().map(text).toList());
        x.header(header);
        for (GroupRow g : rows) {
            Row row = x.row();
            int c = 0;
            if (!byProvince) {
                x.text(row, c++, g.name());
            }
            x.text(row, c++, g.provinceCode() == null ? "" : text.apply("province." + g.provinceCode()));
            for (long n : new long[] {g.total(), g.unresolved(), g.overdue(), g.highUnresolved()}) {
                x.number(row, c++, n);
            }
        }
    }

    // --- helpers ----------------------------------------------------------------------------

    private static void add(long[] counts, long total, long unresolved, long overdue) {
        counts[0] += total;
        counts[1] += unresolved;
        counts[2] += overdue;
    }

    /** Operators' counts summed per province, most overdue first, then most unresolved. */
    private static List<GroupRow> provinces(List<GroupRow> operators) {
        Map<String, long[]> sums = new HashMap<>();
        for (GroupRow g : operators) {
            long[] s = sums.computeIfAbsent(g.provinceCode() == null ? "" : g.provinceCode(), k -> new long[4]);
            s[0] += g.total();
            s[1] += g.unresolved();
            s[2] += g.overdue();
            s[3] += g.highUnresolved();
        }
        List<GroupRow> rows = new ArrayList<>();
        sums.forEach((code, s) -> rows.add(new GroupRow(null, null, code.isEmpty() ? null : code, s[0], s[1], s[2],
                s[3])));
        rows.sort(Comparator.comparingLong(GroupRow::overdue).reversed()
                .thenComparing(Comparator.comparingLong(GroupRow::unresolved).reversed())
                .thenComparing(g -> g.provinceCode() == null ? "" : g.provinceCode()));
        return rows;
    }

    private static <K> List<Count<K>> counts(K[] keys, Map<K, long[]> values) {
        List<Count<K>> list = new ArrayList<>();
        for (K k : keys) {
            long[] v = values.getOrDefault(k, new long[3]);
            list.add(new Count<>(k, v[0], v[1], v[2]));
        }
        return list;
    }

    /**
     * The actor's scope on {@code f}: a regulator's jurisdiction. Anyone else, or a filter naming a
     * province or operator outside it, gets 404 — nobody learns what lies beyond.
     */
    private SqlScope scope(Actor actor, ReportQuery query) {
        if (!mayReport(actor)) {
            throw new NotFoundException("finding report", 0);
        }
        if (query.province() != null && !nationwide(actor) && !query.province().equals(actor.province().code())) {
            throw new NotFoundException("province", query.province());
        }
        if (query.organisationId() != null) {
            organisations.get(actor, query.organisationId()); // 404 outside the jurisdiction
        }
        return actor.jurisdiction().organisationScope("f.organisation_id");
    }

    private Today today() {
        return new Today(LocalDate.now(clock), clock.getZone());
    }
}
