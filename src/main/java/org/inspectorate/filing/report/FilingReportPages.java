package org.inspectorate.filing.report;

import static org.inspectorate.filing.FilterValues.lenient;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import jakarta.servlet.http.HttpServletResponse;

import org.inspectorate.filing.FilingAccess;
import org.inspectorate.filing.FilingKind;
import org.inspectorate.filing.FilingState;
import org.inspectorate.filing.GradeLevel;
import org.inspectorate.filing.NetworkCategory;
import org.inspectorate.filing.UnitQuery;
import org.inspectorate.organisation.Actor;
import org.inspectorate.organisation.OrganisationType;
import org.inspectorate.organisation.Province;
import org.inspectorate.system.ListDownload;
import org.inspectorate.system.NotFoundException;
import org.inspectorate.system.PageRequest;
import org.inspectorate.system.XlsxExport;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import tools.jackson.databind.json.JsonMapper;

/**
 * Pages of the bulk upload (template download, upload with its error table) for operators, and of
 * the regulators' views: filing coverage with its chart, overdue filings, and XLSX exports.
 */
@Controller
class FilingReportPages {


    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final BulkUnitUpload bulk;
    private final FilingReports reports;
    private final FilingAccess access;
    private final MessageSource messages;
    private final UnitListExports unitExports;

    FilingReportPages(BulkUnitUpload bulk, FilingReports reports, FilingAccess access, MessageSource messages,
            UnitListExports unitExports) {
        this.unitExports = unitExports;
        this.bulk = bulk;
        this.reports = reports;
        this.access = access;
        this.messages = messages;
    }

    // --- bulk upload ------------------------------------------------------------------------

    @GetMapping("/network-units/template.xlsx")
    ResponseEntity<byte[]> template(Locale locale) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        bulk.template(out, text(locale));
        return xlsx(out, "network-units-template.xlsx");
    }

    @PostMapping("/network-units/bulk")
    String upload(Actor actor, @RequestParam(name = "file", required = false) MultipartFile file, Model model,
            Locale locale, HttpServletResponse response, RedirectAttributes redirect) throws IOException {
        if (!access.mayOperate(actor)) {
            throw new NotFoundException("bulk upload", 0);
        }
        try (InputStream in = file == null ? InputStream.nullInputStream() : file.getInputStream()) {
            BulkResult result = bulk.upload(actor, file == null ? null : file.getOriginalFilename(),
                    file == null ? 0 : file.getSize(), in);
            redirect.addFlashAttribute("bulkCreated", result.created());
            return "redirect:/network-units";
        } catch (BulkUploadRejected e) {
            response.setStatus(e.tooLarge() ? HttpStatus.CONTENT_TOO_LARGE.value() : HttpStatus.BAD_REQUEST.value());
            model.addAttribute("problems", problems(e, locale));
            model.addAttribute("operates", true);
            return "filing/bulk";
        }
    }

    private List<Map<String, Object>> problems(BulkUploadRejected e, Locale locale) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (BulkProblem p : e.problems()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("row", p.row());
            row.put("column", p.column());
            row.put("message", messages.getMessage(p.code(), p.args(), p.code(), locale));
            rows.add(row);
        }
        return rows;
    }

    // --- coverage ---------------------------------------------------------------------------

    @GetMapping("/filings/coverage")
    String coverage(Actor actor, @RequestParam(required = false) String by,
            @RequestParam(required = false) String province, @RequestParam(required = false) String type,
            @RequestParam(required = false) String level, @RequestParam(required = false) String category,
            Model model, Locale locale) {
        requireRegulator(actor);
        FilingReports.CoverageQuery query = coverageQuery(actor, by, province, type, level, category);
        List<FilingReports.CoverageRow> rows = reports.viewCoverage(actor, query);
        List<String> labels = new ArrayList<>();
        long[] totals = new long[5];
        for (FilingReports.CoverageRow r : rows) {
            labels.add(label(r, query.by(), locale));
            totals[0] += r.filed();
            totals[1] += r.pending();
            totals[2] += r.returned();
            totals[3] += r.draft();
            totals[4] += r.total();
        }
        model.addAttribute("rows", rows);
        model.addAttribute("labels", labels);
        model.addAttribute("totals", totals);
        model.addAttribute("totalPercent", totals[4] == 0 ? 0 : Math.round(totals[0] * 1000.0 / totals[4]) / 10.0);
        model.addAttribute("query", query);
        model.addAttribute("filter", filterParams(query));
        model.addAttribute("ministry", access.seesEveryProvince(actor));
        model.addAttribute("groupings", FilingReports.Grouping.values());
        model.addAttribute("provinces", Province.values());
        model.addAttribute("operatorTypes", operatorTypes());
        model.addAttribute("levels", GradeLevel.values());
        model.addAttribute("categories", NetworkCategory.values());
        model.addAttribute("headers", FilingReports.headers(query.by()));
        model.addAttribute("chartLabels", JSON.writeValueAsString(labels));
        model.addAttribute("chartSeries", JSON.writeValueAsString(List.of(
                rows.stream().map(FilingReports.CoverageRow::filed).toList(),
                rows.stream().map(FilingReports.CoverageRow::pending).toList(),
                rows.stream().map(FilingReports.CoverageRow::returned).toList(),
                rows.stream().map(FilingReports.CoverageRow::draft).toList())));
        model.addAttribute("chartNames", JSON.writeValueAsString(List.of(
                "filingreports.state.filed", "filingreports.state.pending", "filingreports.state.returned",
                "filingreports.state.draft").stream().map(text(locale)).toList()));
        return "filing/coverage";
    }

    @GetMapping("/filings/coverage.xlsx")
    ResponseEntity<byte[]> coverageExport(Actor actor, @RequestParam(required = false) String by,
            @RequestParam(required = false) String province, @RequestParam(required = false) String type,
            @RequestParam(required = false) String level, @RequestParam(required = false) String category,
            Locale locale) throws IOException {
        requireRegulator(actor);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        reports.exportCoverage(actor, coverageQuery(actor, by, province, type, level, category), out, text(locale));
        return xlsx(out, "filing-coverage.xlsx");
    }

    // --- overdue ----------------------------------------------------------------------------

    @GetMapping("/filings/overdue")
    String overdue(Actor actor, @RequestParam(required = false) String kind,
            @RequestParam(required = false) String province, @RequestParam(required = false) String type,
            @RequestParam(required = false) String level, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "dueOn") String sort, @RequestParam(defaultValue = "true") boolean asc,
            @RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
        requireRegulator(actor);
        FilingReports.OverdueQuery query = overdueQuery(actor, kind, province, type, level);
        model.addAttribute("result", reports.viewOverdue(actor, query, new PageRequest(page, 20, sort, asc)));
        model.addAttribute("query", query);
        model.addAttribute("sort", sort);
        model.addAttribute("asc", asc);
        model.addAttribute("ministry", access.seesEveryProvince(actor));
        model.addAttribute("kinds", FilingKind.values());
        model.addAttribute("provinces", Province.values());
        model.addAttribute("operatorTypes", operatorTypes());
        model.addAttribute("levels", GradeLevel.values());
        return htmx != null ? "filing/overdue :: results" : "filing/overdue";
    }

    @GetMapping("/filings/overdue.xlsx")
    ResponseEntity<byte[]> overdueExport(Actor actor, @RequestParam(required = false) String kind,
            @RequestParam(required = false) String province, @RequestParam(required = false) String type,
            @RequestParam(required = false) String level, @RequestParam(defaultValue = "dueOn") String sort,
            @RequestParam(defaultValue = "true") boolean asc, Locale locale) throws IOException {
        requireRegulator(actor);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        reports.exportOverdue(actor, overdueQuery(actor, kind, province, type, level), sort, asc, out, text(locale));
        return xlsx(out, "overdue-filings.xlsx");
    }

    // --- unit list exports -----------------------------------------------------------------

    /** The registry as the page lists it (its filters, sort and the actor's units), XLSX or CSV. */
    @GetMapping("/network-units/export.{format}")
    void unitsExport(Actor actor, @PathVariable String format, @RequestParam(required = false) String state,
            @RequestParam(required = false) String level, @RequestParam(required = false) String category,
            @RequestParam(required = false) String q, @RequestParam(defaultValue = "updatedAt") String sort,
            @RequestParam(defaultValue = "false") boolean asc, Locale locale, HttpServletResponse response)
            throws IOException {
        UnitQuery query = new UnitQuery(lenient(state, FilingState::parse), lenient(level, GradeLevel::parse),
                lenient(category, NetworkCategory::parse), q);
        download(actor, UnitListExports.UnitList.REGISTRY, query, sort, asc, format, "network-units", locale,
                response);
    }

    /** The review queue as the page lists it, XLSX or CSV. */
    @GetMapping("/filings/review-queue.{format}")
    void reviewQueueExport(Actor actor, @PathVariable String format, @RequestParam(required = false) String level,
            @RequestParam(required = false) String category, @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "submittedAt") String sort, @RequestParam(defaultValue = "true") boolean asc,
            Locale locale, HttpServletResponse response) throws IOException {
        // who has a review queue is the filing service's rule: 403 here as on its page and in the API
        UnitQuery query = new UnitQuery(null, lenient(level, GradeLevel::parse),
                lenient(category, NetworkCategory::parse), q);
        download(actor, UnitListExports.UnitList.REVIEW_QUEUE, query, sort, asc, format, "filing-review-queue",
                locale, response);
    }

    private void download(Actor actor, UnitListExports.UnitList list, UnitQuery query, String sort, boolean asc,
            String format, String baseName, Locale locale, HttpServletResponse response) throws IOException {
        ListDownload.Format f = ListDownload.Format.of(format);
        unitExports.record(actor, list, query, sort, asc);
        Function<String, String> text = text(locale);
        ListDownload.write(response, f, baseName, text.apply(list.titleKey),
                out -> unitExports.write(actor, list, query, sort, asc, out, text));
    }

    // --- helpers ----------------------------------------------------------------------------

    private void requireRegulator(Actor actor) {
        if (!reports.regulates(actor)) {
            throw new NotFoundException("filing report", 0);
        }
    }

    /** A provincial officer's figures are always their own province's, whatever the address says. */
    private FilingReports.CoverageQuery coverageQuery(Actor actor, String by, String province, String type,
            String level, String category) {
        return new FilingReports.CoverageQuery(FilingReports.Grouping.parse(by, reports.defaultGrouping(actor)),
                provinceFilter(actor, province), typeFilter(type), lenient(level, GradeLevel::parse),
                lenient(category, NetworkCategory::parse));
    }

    private FilingReports.OverdueQuery overdueQuery(Actor actor, String kind, String province, String type,
            String level) {
        FilingKind k = null;
        for (FilingKind f : FilingKind.values()) {
            if (f.name().equals(kind)) {
                k = f;
            }
        }
        return new FilingReports.OverdueQuery(k, provinceFilter(actor, province), typeFilter(type),
                lenient(level, GradeLevel::parse));
    }

    private String provinceFilter(Actor actor, String province) {
        if (!access.seesEveryProvince(actor) || province == null || province.isBlank()) {
            return null; // the scope already limits a provincial officer to their province
        }
        return Province.ofCode(province.strip()).map(Province::code).orElse(null);
    }

    private static String typeFilter(String type) {
        return operatorTypes().stream().map(Enum::name).filter(n -> n.equals(type)).findFirst().orElse(null);
    }

    static List<OrganisationType> operatorTypes() {
        return Arrays.stream(OrganisationType.values()).filter(OrganisationType::isOperator).toList();
    }

    private static Map<String, Object> filterParams(FilingReports.CoverageQuery q) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("by", q.by().name());
        p.put("province", q.province());
        p.put("type", q.operatorType());
        p.put("level", q.level() == null ? null : q.level().code());
        p.put("category", q.category() == null ? null : q.category().name());
        return p;
    }

    private String label(FilingReports.CoverageRow r, FilingReports.Grouping by, Locale locale) {
        List<String> parts = new ArrayList<>();
        if (by.province()) {
            parts.add(r.provinceCode() == null ? "-" : message("province." + r.provinceCode(), locale));
        }
        if (by.type()) {
            parts.add(message("organisation.type." + r.operatorType(), locale));
        }
        if (by.level()) {
            parts.add(message(r.level().messageKey(), locale));
        }
        return String.join(" / ", parts);
    }

    private String message(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }

    private Function<String, String> text(Locale locale) {
        return key -> message(key, locale);
    }

    static ResponseEntity<byte[]> xlsx(ByteArrayOutputStream out, String filename) {
        return XlsxExport.download(out, filename);
    }
}
