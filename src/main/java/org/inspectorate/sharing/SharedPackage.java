package org.inspectorate.sharing;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.inspectorate.filing.GrantedUnits;
import org.inspectorate.filing.NetworkUnitSummary;
import org.inspectorate.finding.Finding;
import org.inspectorate.finding.GrantedFindings;
import org.inspectorate.organisation.Actor;
import org.inspectorate.selfinspection.GrantedReports;
import org.inspectorate.selfinspection.GrantedReports.GrantedReport;
import org.inspectorate.system.NotFoundException;
import org.inspectorate.system.PageRequest;
import org.inspectorate.system.PageResult;
import org.inspectorate.system.XlsxExport;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The packaged export (统一协调提供) the administration gives the requester instead of a grant: one XLSX workbook,
 * a sheet per record type of the request's scope, each sheet watermarked with the requester and the date in its
 * printed header and footer and in its visible first row. Only the deciding administration downloads it, only for
 * a PROVIDED request; each download is recorded for the operator and audited ({@link SharedDataExported}).
 */
@Service
public class SharedPackage {

    private static final int PAGE = 200;
    /** The most rows of a type a package holds; a request for more is narrowed, not streamed forever. */
    private static final int MAX_ROWS = 50_000;

    private final DataRequestRepository repository;
    private final GrantedFindings findings;
    private final GrantedUnits units;
    private final GrantedReports reports;
    private final MessageSource messages;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final SharingAccess access = new SharingAccess();

    SharedPackage(DataRequestRepository repository, GrantedFindings findings,
            GrantedUnits units, GrantedReports reports, MessageSource messages, ApplicationEventPublisher events,
            Clock clock) {
        this.repository = repository;
        this.findings = findings;
        this.units = units;
        this.reports = reports;
        this.messages = messages;
        this.events = events;
        this.clock = clock;
    }

    /** Writes the request's package to {@code out}; how many rows it holds. 404 unless the actor may download it. */
    @Transactional
    public int write(Actor actor, long id, Locale locale, OutputStream out) throws IOException {
        DataRequestRepository.Row row = repository.find(id, access.viewScope(actor))
                .orElseThrow(() -> new NotFoundException("data request", id));
        DataRequest r = row.request();
        if (!access.mayRevoke(actor, r) || r.state() != DataRequestState.PROVIDED) {
            throw new NotFoundException("data request package", id);
        }
        String watermark = text(locale, "sharing.package.watermark", row.requesterOrgName(), r.parties().requesterName(),
                LocalDate.now(clock), r.id());
        int rows = 0;
        try (XlsxExport x = new XlsxExport(text(locale, "sharing.record.FILINGS"))) {
            boolean first = true;
            for (RecordType type : r.granted().records()) {
                if (!first) {
                    x.sheet(text(locale, type.messageKey()));
                }
                first = false;
                x.watermark(watermark);
                x.values(List.of(watermark));
                int n = switch (type) {
                    case FILINGS -> filings(x, r, locale);
                    case FINDINGS -> findings(x, r, locale);
                    case SELF_INSPECTION_REPORTS -> reports(x, r, locale);
                    case SPOT_CHECK_REPORTS -> 0;
                };
                rows += n;
                repository.insertAccess(r.id(), r.parties().operatorId(), actor.username(), type, null, n,
                        clock.instant());
            }
            events.publishEvent(new SharedDataExported(r.id(), r.parties().operatorId(), "xlsx", watermark, rows));
            x.write(out);
        }
        return rows;
    }

    private int filings(XlsxExport x, DataRequest r, Locale locale) {
        x.header(headers(locale, "name", "category", "gradeLevel", "state", "filingNumber", "updatedAt"));
        int n = 0;
        for (int page = 0; n < MAX_ROWS; page++) {
            PageResult<NetworkUnitSummary> p = units.list(r.parties().operatorId(), new PageRequest(page, PAGE,
                    "updatedAt", false));
            for (NetworkUnitSummary u : p.items()) {
                x.values(List.of(u.name(), u.category().name(), u.gradeLevel().name(), u.state().name(),
                        u.filingNumber() == null ? "" : u.filingNumber(), u.updatedAt().toString()));
                n++;
            }
            if (!p.hasNext()) {
                break;
            }
        }
        return n;
    }

    private int findings(XlsxExport x, DataRequest r, Locale locale) {
        x.header(headers(locale, "title", "category", "severity", "status", "asset", "dueOn", "createdAt"));
        int n = 0;
        for (int page = 0; n < MAX_ROWS; page++) {
            PageResult<Finding> p = findings.list(SharedData.findingGrant(r), new PageRequest(page, PAGE, null, false));
            for (Finding f : p.items()) {
                x.values(List.of(f.title(), f.category().name(), f.severity().name(), f.status().name(),
                        f.asset() == null ? "" : f.asset(), f.dueOn() == null ? "" : f.dueOn().toString(),
                        f.createdAt().toString()));
                n++;
            }
            if (!p.hasNext()) {
                break;
            }
        }
        return n;
    }

    private int reports(XlsxExport x, DataRequest r, Locale locale) {
        x.header(headers(locale, "campaign", "state", "submittedAt", "overview", "plans"));
        List<GrantedReport> list = reports.list(r.parties().operatorId(), r.ask().periodFrom(), r.ask().periodTo());
        for (GrantedReport g : list) {
            x.values(List.of(g.campaignCode(), g.state(), g.submittedAt().toString(),
                    g.overview() == null ? "" : g.overview(), g.plans() == null ? "" : g.plans()));
        }
        return list.size();
    }

    private List<String> headers(Locale locale, String... keys) {
        return Arrays.stream(keys).map(k -> text(locale, "sharing.package.column." + k)).toList();
    }

    private String text(Locale locale, String key, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
