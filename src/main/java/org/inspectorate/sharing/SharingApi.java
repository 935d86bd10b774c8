package org.inspectorate.sharing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.inspectorate.filing.NetworkUnit;
import org.inspectorate.filing.NetworkUnitSummary;
import org.inspectorate.finding.Category;
import org.inspectorate.finding.Finding;
import org.inspectorate.finding.Severity;
import org.inspectorate.organisation.Actor;
import org.inspectorate.selfinspection.GrantedReports.GrantedReport;
import org.inspectorate.system.PageRequest;
import org.inspectorate.system.PageResult;
import org.inspectorate.system.XlsxExport;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The REST face of {@link DataRequests}, {@link SharedData} and {@link SharedPackage}: the same rules as the pages. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Sharing", description = "数据调取申请与授权访问")
class SharingApi {

    private final DataRequests requests;
    private final SharedData shared;
    private final SharedPackage packages;

    SharingApi(DataRequests requests, SharedData shared, SharedPackage packages) {
        this.requests = requests;
        this.shared = shared;
        this.packages = packages;
    }

    /** An approval: the scope granted (the request's or narrower) and its end date. */
    record Approval(Set<RecordType> records, Set<Category> categories, Set<Severity> severities,
            LocalDate grantedUntil) {

        DataScope scope() {
            Set<RecordType> r = records == null ? Set.of() : records;
            return new DataScope(r.contains(RecordType.FILINGS), r.contains(RecordType.FINDINGS),
                    r.contains(RecordType.SELF_INSPECTION_REPORTS), categories, severities);
        }
    }

    /** A refusal's reasons or a revocation's reason. */
    record Reasons(String reasons) {
    }

    @GetMapping("/data-requests")
    @Operation(summary = "The requests the caller sees: their own, about their operator, of their administration")
    PageResult<DataRequestView> list(Actor actor, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        return requests.list(actor, new PageRequest(page, size, null, false));
    }

    @GetMapping("/data-requests/awaiting")
    @Operation(summary = "Administrations: the requests waiting for their decision")
    PageResult<DataRequestView> awaiting(Actor actor, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        return requests.awaitingDecision(actor, new PageRequest(page, size, null, false));
    }

    @PostMapping("/data-requests")
    @Operation(summary = "Another department asks for an operator's data (sent at once unless draft=true)")
    DataRequestView create(Actor actor, @RequestBody DataRequestInput input,
            @RequestParam(defaultValue = "false") boolean draft) {
        return requests.request(actor, input, draft);
    }

    @PostMapping("/data-requests/recorded")
    @Operation(summary = "An operator records a request it was asked outside the system and asks consent")
    DataRequestView record(Actor actor, @RequestBody DataRequestInput input) {
        return requests.record(actor, input);
    }

    @GetMapping("/data-requests/{id}")
    DataRequestView get(Actor actor, @PathVariable long id) {
        return requests.get(actor, id);
    }

    @PostMapping("/data-requests/{id}/submit")
    DataRequestView submit(Actor actor, @PathVariable long id) {
        return requests.submit(actor, id);
    }

    @PostMapping("/data-requests/{id}/approve")
    @Operation(summary = "Approve, optionally narrowing the scope and the end date")
    DataRequestView approve(Actor actor, @PathVariable long id, @RequestBody Approval approval) {
        return requests.approve(actor, id, approval.scope(), approval.grantedUntil());
    }

    @PostMapping("/data-requests/{id}/refuse")
    DataRequestView refuse(Actor actor, @PathVariable long id, @RequestBody Reasons reasons) {
        return requests.refuse(actor, id, reasons.reasons());
    }

    @PostMapping("/data-requests/{id}/provide")
    @Operation(summary = "The administration provides the data itself as a packaged export")
    DataRequestView provide(Actor actor, @PathVariable long id) {
        return requests.provide(actor, id);
    }

    @PostMapping("/data-requests/{id}/revoke")
    @Operation(summary = "End a grant at once")
    DataRequestView revoke(Actor actor, @PathVariable long id, @RequestBody Reasons reason) {
        return requests.revoke(actor, id, reason.reasons());
    }

    @PostMapping("/data-requests/{id}/shared")
    @Operation(summary = "An operator marks a recorded request shared (only after consent)")
    DataRequestView shared(Actor actor, @PathVariable long id) {
        return requests.markShared(actor, id);
    }

    @GetMapping("/data-requests/{id}/accesses")
    @Operation(summary = "Every read under the request, newest first")
    PageResult<SharedAccessEntry> accesses(Actor actor, @PathVariable long id,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        return requests.accesses(actor, id, new PageRequest(page, size, null, false));
    }

    @GetMapping("/data-requests/{id}/package.xlsx")
    @Operation(summary = "The watermarked package of a request the administration provides itself (audited)")
    ResponseEntity<byte[]> packaged(Actor actor, @PathVariable long id) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(Packages.render(packages, actor, id, LocaleContextHolder.getLocale()));
        return XlsxExport.download(out, "data-request-" + id + ".xlsx");
    }

    @GetMapping("/grants")
    @Operation(summary = "The caller's live grants")
    PageResult<DataRequestView> grants(Actor actor, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        return shared.grants(actor, new PageRequest(page, size, null, false));
    }

    @GetMapping("/grants/{id}")
    DataRequestView grant(Actor actor, @PathVariable long id) {
        return shared.grant(actor, id);
    }

    @GetMapping("/grants/{id}/findings")
    @Operation(summary = "The granted findings (audited)")
    PageResult<Finding> findings(Actor actor, @PathVariable long id, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        return shared.findings(actor, id, new PageRequest(page, size, null, false));
    }

    @GetMapping("/grants/{id}/findings/{findingId}")
    Finding finding(Actor actor, @PathVariable long id, @PathVariable long findingId) {
        return shared.finding(actor, id, findingId);
    }

    @GetMapping("/grants/{id}/units")
    @Operation(summary = "The granted network units and filings (audited)")
    PageResult<NetworkUnitSummary> units(Actor actor, @PathVariable long id,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        return shared.units(actor, id, new PageRequest(page, size, null, false));
    }

    @GetMapping("/grants/{id}/units/{unitId}")
    NetworkUnit unit(Actor actor, @PathVariable long id, @PathVariable long unitId) {
        return shared.unit(actor, id, unitId);
    }

    @GetMapping("/grants/{id}/reports")
    @Operation(summary = "The granted self-inspection reports (audited)")
    List<GrantedReport> reports(Actor actor, @PathVariable long id) {
        return shared.reports(actor, id);
    }

    @GetMapping("/grants/{id}/reports/{reportId}")
    GrantedReport report(Actor actor, @PathVariable long id, @PathVariable long reportId) {
        return shared.report(actor, id, reportId);
    }
}
