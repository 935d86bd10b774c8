package org.inspectorate.finding;

import org.inspectorate.organisation.Actor;
import org.inspectorate.organisation.Province;
import org.inspectorate.system.InvalidInputException;
import org.inspectorate.system.NotFoundException;
import org.inspectorate.system.Keyset;
import org.inspectorate.system.PageRequest;
import org.inspectorate.system.PageResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The regulators' findings figures over the API, the same numbers as the pages: the summary by
 * severity, category, status, age, operator and province, and the overdue rectifications. Anyone but
 * a regulator's officer, or a filter outside the caller's jurisdiction, answers 404; unknown filter
 * values answer 400 with the field.
 */
@RestController
@RequestMapping("/api/v1/findings")
@Tag(name = "Findings", description = "问题台账: findings register, lifecycle and evidence")
class FindingReportApi {

    private final FindingReports reports;

    FindingReportApi(FindingReports reports) {
        this.reports = reports;
    }

    @GetMapping("/summary")
    @Operation(summary = "Findings across the caller's jurisdiction by severity, category, status and age",
            description = "Regulators only. Age buckets count days since opening; daysOverdue buckets count overdue "
                    + "findings by days past their effective due date. byOperator lists the 50 operators with most "
                    + "overdue findings; byProvince is filled for the Ministry.")
    FindingReports.Summary summary(Actor actor,
            @Parameter(description = "GB/T 2260 province code (Ministry)") @RequestParam(required = false) String province,
            @Parameter(description = "operator organisation id") @RequestParam(required = false) Long operator,
            @RequestParam(required = false) String severity, @RequestParam(required = false) String category,
            @RequestParam(required = false) String campaign) {
        return reports.summary(actor, query(actor, province, operator, severity, category, campaign, null), "api");
    }

    @GetMapping("/overdue")
    @Operation(summary = "Overdue rectifications in the caller's jurisdiction, most overdue first",
            description = "Regulators only. Sort keys: daysOverdue (default, descending = most overdue first), severity, title, "
                    + "operator, unit, owner, status. Bounded total (totalAtLeast above 10,000) and a next cursor.")
    PageResult<FindingReports.OverdueRow> overdue(Actor actor, @RequestParam(required = false) String province,
            @RequestParam(required = false) Long operator, @RequestParam(required = false) String severity,
            @RequestParam(required = false) String category, @RequestParam(required = false) String campaign,
            @Parameter(description = "D0_30, D31_90, D91_180 or OVER_180 days past due")
            @RequestParam(required = false) String overdueFor, @RequestParam(defaultValue = "0") int page,
            @Parameter(description = "the next cursor of the previous page (days overdue, severity, title, status)")
            @RequestParam(required = false) String after,
            @RequestParam(defaultValue = "20") int size, @RequestParam(defaultValue = "daysOverdue") String sort,
            @RequestParam(defaultValue = "false") boolean asc) {
        return reports.overdue(actor, query(actor, province, operator, severity, category, campaign, overdueFor),
                new PageRequest(page, size, sort, asc, Keyset.parse(after)), "api");
    }

    private FindingReports.ReportQuery query(Actor actor, String province, Long operator, String severity,
            String category, String campaign, String overdueFor) {
        if (!reports.mayReport(actor)) {
            throw new NotFoundException("finding report", 0);
        }
        String p = null;
        if (province != null && !province.isBlank()) {
            p = Province.ofCode(province.strip()).map(Province::code).orElseThrow(
                    () -> new InvalidInputException("province", "finding.field.unknownValue", province.strip()));
        }
        return new FindingReports.ReportQuery(p, operator, FindingApi.parse("severity", severity, Severity.class),
                FindingApi.parse("category", category, Category.class),
                campaign == null || campaign.isBlank() ? null : campaign.strip(),
                FindingApi.parse("overdueFor", overdueFor, AgeBucket.class));
    }
}
