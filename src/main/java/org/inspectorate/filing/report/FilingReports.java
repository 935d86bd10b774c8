package org.inspectorate.filing.report;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.apache.poi.ss.usermodel.Row;
import org.inspectorate.filing.FilingAccess;
import org.inspectorate.filing.FilingKind;
import org.inspectorate.filing.FilingState;
import org.inspectorate.filing.GradeLevel;
import org.inspectorate.filing.NetworkCategory;
import org.inspectorate.filing.NetworkUnitSummary;
import org.inspectorate.filing.NetworkUnits;
import org.inspectorate.filing.UnitQuery;
import org.inspectorate.organisation.Actor;
import org.inspectorate.organisation.Jurisdiction.SqlScope;
import org.inspectorate.organisation.Organisations;
import org.inspectorate.system.NotFoundException;
import org.inspectorate.system.PageRequest;
import org.inspectorate.system.PageResult;
import org.inspectorate.system.XlsxExport;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The regulators' views of filing (备案情况): coverage by province, operator type and level, overdue
 * filings, and XLSX exports of those lists and of the review queue. The Ministry sees the whole
 * country, a provincial officer the units of their province's operators; nobody else sees these lists.
 * Every export is audited ({@code filing.exported}).
 */
@Service
class FilingReports {

    /** Largest export; lists beyond it are cut (the sheet says so). */
    static final int MAX_EXPORT_ROWS = 100_000;

    /** How coverage rows are grouped. */
    enum Grouping {
        PROVINCE(true, false, false), TYPE(false, true, false), LEVEL(false, false, true), TYPE_LEVEL(false, true, true);

        private final boolean province;
        private final boolean type;
        private final boolean level;

        Grouping(boolean province, boolean type, boolean level) {
            this.province = province;
            this.type = type;
            this.level = level;
        }

        public boolean province() {
            return province;
        }

        public boolean type() {
            return type;
        }

        public boolean level() {
            return level;
        }

        static Grouping parse(String s, Grouping fallback) {
            for (Grouping g : values()) {
                if (g.name().equalsIgnoreCase(s == null ? "" : s.strip())) {
                    return g;
                }
            }
            return fallback;
        }
    }

    /** Coverage filter: grouping, and optionally one province (code), operator type (name), level, category. */
    record CoverageQuery(Grouping by, String province, String operatorType, GradeLevel level, NetworkCategory category) {
    }

    /** One group's units by filing state. */
    record CoverageRow(String provinceCode, String operatorType, GradeLevel level, long filed, long pending,
            long returned, long draft) {

        public long total() {
            return filed + pending + returned + draft;
        }

        /** Filed share in percent, one decimal. */
        public double filedPercent() {
            return total() == 0 ? 0 : Math.round(filed * 1000.0 / total()) / 10.0;
        }
    }

    /** Overdue filter: optionally one filing kind, province, operator type, level. */
    record OverdueQuery(FilingKind kind, String province, String operatorType, GradeLevel level) {
    }

    /** A filing past its due date and not yet FILED. */
    record OverdueFiling(long unitId, String name, long organisationId, String organisationName, String provinceCode,
            String operatorType, GradeLevel level, FilingState state, FilingKind kind, LocalDate dueOn, long daysOverdue) {
    }

    private final FilingReportRepository repository;
    private final NetworkUnits units;
    private final Organisations organisations;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final FilingAccess access;

    FilingReports(FilingReportRepository repository, NetworkUnits units, Organisations organisations,
            ApplicationEventPublisher events, Clock clock, FilingAccess access) {
        this.access = access;
        this.repository = repository;
        this.units = units;
        this.organisations = organisations;
        this.events = events;
        this.clock = clock;
    }

    /** Whether the actor may see these views (a Ministry or provincial officer with a province). */
    boolean regulates(Actor actor) {
        return access.maySeeReports(actor);
    }

    /** The grouping a regulator starts from: the Ministry by province, a province by operator type and level. */
    Grouping defaultGrouping(Actor actor) {
        return access.seesEveryProvince(actor) ? Grouping.PROVINCE : Grouping.TYPE_LEVEL;
    }

    @Transactional(readOnly = true)
    public List<CoverageRow> coverage(Actor actor, CoverageQuery query) {
        return repository.coverage(query, scope(actor));
    }

    @Transactional(readOnly = true)
    public PageResult<OverdueFiling> overdue(Actor actor, OverdueQuery query, PageRequest page) {
        return repository.overdue(query, scope(actor), LocalDate.now(clock), page);
    }

    /** The coverage report shown to a regulator (a page or the API): as {@link #coverage}, and the view is audited. */
    @Transactional(readOnly = true)
    public List<CoverageRow> viewCoverage(Actor actor, CoverageQuery query) {
        List<CoverageRow> rows = coverage(actor, query);
        events.publishEvent(new FilingReportViewed("coverage", rows.size(), "by=" + query.by() + describe(query)));
        return rows;
    }

    /** The overdue filings shown to a regulator (a page or the API): as {@link #overdue}, and the view is audited. */
    @Transactional(readOnly = true)
    public PageResult<OverdueFiling> viewOverdue(Actor actor, OverdueQuery query, PageRequest page) {
        PageResult<OverdueFiling> result = overdue(actor, query, page);
        events.publishEvent(new FilingReportViewed("overdue", result.total(), describe(query)));
        return result;
    }

    // --- exports ----------------------------------------------------------------------------

    @Transactional
    public int exportCoverage(Actor actor, CoverageQuery query, OutputStream out, Function<String, String> text)
            throws IOException {
        List<CoverageRow> rows = coverage(actor, query);
        try (XlsxExport x = new XlsxExport(text.apply("filingreports.coverage.title"))) {
            x.header(headers(query.by()).stream().map(text).toList());
            for (CoverageRow r : rows) {
                Row row = x.row();
                int c = 0;
                if (query.by().province()) {
                    x.text(row, c++, r.provinceCode() == null ? "" : text.apply("province." + r.provinceCode()));
                }
                if (query.by().type()) {
                    x.text(row, c++, text.apply("organisation.type." + r.operatorType()));
                }
                if (query.by().level()) {
                    x.text(row, c++, text.apply(r.level().messageKey()));
                }
                for (long n : new long[] {r.filed(), r.pending(), r.returned(), r.draft(), r.total()}) {
                    row.createCell(c++).setCellValue(n);
                }
                row.createCell(c).setCellValue(r.filedPercent());
            }
            x.write(out);
        }
        events.publishEvent(new FilingExported("coverage", rows.size(), "by=" + query.by() + describe(query)));
        return rows.size();
    }

    @Transactional
    public int exportOverdue(Actor actor, OverdueQuery query, String sort, boolean asc, OutputStream out,
            Function<String, String> text) throws IOException {
        scope(actor);
        int count = 0;
        try (XlsxExport x = new XlsxExport(text.apply("filingreports.overdue.title"))) {
            x.header(List.of("filing.field.name", "filing.field.organisation", "filingreports.field.province",
                    "filingreports.field.operatorType", "filing.field.gradeLevel", "filing.field.kind",
                    "filing.field.state", "filing.field.dueOn", "filingreports.field.daysOverdue").stream()
                    .map(text).toList());
            for (int page = 0; count < MAX_EXPORT_ROWS; page++) {
                PageResult<OverdueFiling> result = overdue(actor, query,
                        new PageRequest(page, PageRequest.MAX_SIZE, sort, asc));
                for (OverdueFiling f : result.items()) {
                    Row row = x.row();
                    x.text(row, 0, f.name());
                    x.text(row, 1, f.organisationName());
                    x.text(row, 2, f.provinceCode() == null ? "" : text.apply("province." + f.provinceCode()));
                    x.text(row, 3, text.apply("organisation.type." + f.operatorType()));
                    x.text(row, 4, text.apply(f.level().messageKey()));
                    x.text(row, 5, text.apply(f.kind().messageKey()));
                    x.text(row, 6, text.apply(f.state().messageKey()));
                    x.text(row, 7, f.dueOn().toString());
                    row.createCell(8).setCellValue(f.daysOverdue());
                    count++;
                }
                if (!result.hasNext()) {
                    break;
                }
            }
            x.write(out);
        }
        events.publishEvent(new FilingExported("overdue", count, describe(query)));
        return count;
    }

    static List<String> headers(Grouping by) {
        List<String> h = new ArrayList<>();
        if (by.province()) {
            h.add("filingreports.field.province");
        }
        if (by.type()) {
            h.add("filingreports.field.operatorType");
        }
        if (by.level()) {
            h.add("filing.field.gradeLevel");
        }
        h.addAll(List.of("filingreports.state.filed", "filingreports.state.pending", "filingreports.state.returned",
                "filingreports.state.draft", "filingreports.field.total", "filingreports.field.filedPercent"));
        return h;
    }

    private static String describe(Record query) {
        String s = query.toString();
        return s.length() > 300 ? s.substring(0, 300) : s;
    }

    /** The actor's scope for these views; anyone but a regulator's officer gets 404. */
    private SqlScope scope(Actor actor) {
        if (!access.maySeeReports(actor)) {
            throw new NotFoundException("filing report", 0);
        }
        return actor.jurisdiction().organisationScope("u.organisation_id");
    }
}
