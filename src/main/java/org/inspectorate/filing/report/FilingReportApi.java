package org.inspectorate.filing.report;

import static org.inspectorate.filing.FilterValues.lenient;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.inspectorate.filing.FilingAccess;
import org.inspectorate.filing.FilingKind;
import org.inspectorate.filing.FilingState;
import org.inspectorate.filing.GradeLevel;
import org.inspectorate.filing.NetworkCategory;
import org.inspectorate.organisation.Actor;
import org.inspectorate.organisation.Province;
import org.inspectorate.system.NotFoundException;
import org.inspectorate.system.PageRequest;
import org.inspectorate.system.PageResult;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The REST face of the bulk upload and the regulators' filing views: same services, rules and jurisdiction as the pages. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Network units and filings", description = "通信网络单元定级备案")
class FilingReportApi {

    private final BulkUnitUpload bulk;
    private final FilingReports reports;
    private final FilingAccess access;
    private final MessageSource messages;

    FilingReportApi(BulkUnitUpload bulk, FilingReports reports, FilingAccess access, MessageSource messages) {
        this.bulk = bulk;
        this.reports = reports;
        this.access = access;
        this.messages = messages;
    }

    @GetMapping("/network-units/template.xlsx")
    @Operation(summary = "The XLSX template of the bulk upload (批量导入模板)")
    ResponseEntity<byte[]> template() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        bulk.template(out, key -> messages.getMessage(key, null, key, LocaleContextHolder.getLocale()));
        return FilingReportPages.xlsx(out, "network-units-template.xlsx");
    }

    @PostMapping(path = "/network-units/bulk", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Create many draft units from a filled template (at most 5,000 rows, 10 MB)",
            description = "The whole file is checked first; any problem answers 400 problem+json with errors[{row, "
                    + "column, field, code, message}] and nothing is saved. A good file is saved whole: 201 with counts.")
    ResponseEntity<BulkResult> upload(Actor actor,
            @Parameter(description = "the filled XLSX template") @RequestPart(name = "file", required = false)
            MultipartFile file) throws IOException {
        try (InputStream in = file == null ? InputStream.nullInputStream() : file.getInputStream()) {
            BulkResult result = bulk.upload(actor, file == null ? null : file.getOriginalFilename(),
                    file == null ? 0 : file.getSize(), in);
            return ResponseEntity.status(HttpStatus.CREATED).body(result);
        }
    }

    @GetMapping("/filings/coverage")
    @Operation(summary = "Filing coverage: units by filing state per province, operator type and/or level",
            description = "The Ministry sees the whole country (grouped by province by default); a provincial "
                    + "officer their province (by operator type and level). by: PROVINCE, TYPE, LEVEL, TYPE_LEVEL.")
    Map<String, Object> coverage(Actor actor, @RequestParam(required = false) String by,
            @RequestParam(required = false) String province, @RequestParam(required = false) String type,
            @RequestParam(required = false) String level, @RequestParam(required = false) String category) {
        requireRegulator(actor);
        FilingReports.Grouping grouping = FilingReports.Grouping.parse(by, reports.defaultGrouping(actor));
        FilingReports.CoverageQuery query = new FilingReports.CoverageQuery(grouping,
                access.seesEveryProvince(actor) && province != null
                        ? Province.ofCode(province).map(Province::code).orElse(null) : null,
                FilingReportPages.operatorTypes().stream().map(Enum::name).filter(n -> n.equals(type)).findFirst()
                        .orElse(null),
                lenient(level, GradeLevel::parse), lenient(category, NetworkCategory::parse));
        List<Map<String, Object>> rows = new ArrayList<>();
        for (FilingReports.CoverageRow r : reports.viewCoverage(actor, query)) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("province", r.provinceCode());
            row.put("operatorType", r.operatorType());
            row.put("gradeLevel", r.level() == null ? null : r.level().code());
            row.put("filed", r.filed());
            row.put("pending", r.pending());
            row.put("returned", r.returned());
            row.put("draft", r.draft());
            row.put("total", r.total());
            row.put("filedPercent", r.filedPercent());
            rows.add(row);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("by", grouping.name());
        body.put("rows", rows);
        return body;
    }

    @GetMapping("/filings/overdue")
    @Operation(summary = "Filings past their due date and not filed (first, change and decommissioning filings)",
            description = "Sort keys: dueOn, name, organisation, province, gradeLevel, kind, state.")
    PageResult<OverdueDto> overdue(Actor actor, @RequestParam(required = false) String kind,
            @RequestParam(required = false) String level, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size, @RequestParam(defaultValue = "dueOn") String sort,
            @RequestParam(defaultValue = "true") boolean asc) {
        requireRegulator(actor);
        FilingKind k = null;
        for (FilingKind f : FilingKind.values()) {
            if (f.name().equals(kind)) {
                k = f;
            }
        }
        return reports.viewOverdue(actor, new FilingReports.OverdueQuery(k, null, null, lenient(level, GradeLevel::parse)),
                new PageRequest(page, size, sort, asc)).map(OverdueDto::of);
    }

    record OverdueDto(long unitId, String name, long organisationId, String organisationName, String province,
            String operatorType, String gradeLevel, FilingState state, FilingKind kind, LocalDate dueOn,
            long daysOverdue) {

        static OverdueDto of(FilingReports.OverdueFiling f) {
            return new OverdueDto(f.unitId(), f.name(), f.organisationId(), f.organisationName(), f.provinceCode(),
                    f.operatorType(), f.level().code(), f.state(), f.kind(), f.dueOn(), f.daysOverdue());
        }
    }

    private void requireRegulator(Actor actor) {
        if (!reports.regulates(actor)) {
            throw new NotFoundException("filing report", 0);
        }
    }
}
