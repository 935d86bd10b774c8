package org.inspectorate.sharing;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.inspectorate.filing.GrantedUnits;
import org.inspectorate.filing.NetworkUnit;
import org.inspectorate.filing.NetworkUnitSummary;
import org.inspectorate.finding.Finding;
import org.inspectorate.finding.GrantedFindings;
import org.inspectorate.organisation.Actor;
import org.inspectorate.selfinspection.GrantedReports;
import org.inspectorate.selfinspection.GrantedReports.GrantedReport;
import org.inspectorate.system.NotFoundException;
import org.inspectorate.system.PageRequest;
import org.inspectorate.system.PageResult;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reading under a grant (授权访问): the grant is a jurisdiction of its own. The grant is looked up with its holder,
 * its state and its end date in the SQL ({@link SharingAccess#liveGrantScope}); the records are then read by the
 * owning module with the granted operator, categories, severities and period in its SQL. Outside the scope, after
 * the end date or after revocation, the answer is 404. Every read is recorded for the operator and audited
 * ({@link SharedDataRead}).
 */
@Service
public class SharedData {

    private final DataRequestRepository repository;
    private final DataRequests requests;
    private final GrantedFindings findings;
    private final GrantedUnits units;
    private final GrantedReports reports;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final SharingAccess access = new SharingAccess();

    SharedData(DataRequestRepository repository, DataRequests requests, GrantedFindings findings, GrantedUnits units,
            GrantedReports reports, ApplicationEventPublisher events, Clock clock) {
        this.repository = repository;
        this.requests = requests;
        this.findings = findings;
        this.units = units;
        this.reports = reports;
        this.events = events;
        this.clock = clock;
    }

    /** The actor's live grants (their own approved requests before their end date), latest change first. */
    @Transactional(readOnly = true)
    public PageResult<DataRequestView> grants(Actor actor, PageRequest page) {
        return repository.page(access.liveGrantScope(actor, today()), null, Map.of(), page)
                .map(requests::view);
    }

    /** The live grant, if it is the actor's; otherwise 404. */
    @Transactional(readOnly = true)
    public DataRequestView grant(Actor actor, long requestId) {
        return requests.view(live(actor, requestId));
    }

    @Transactional
    public PageResult<Finding> findings(Actor actor, long requestId, PageRequest page) {
        DataRequest grant = live(actor, requestId, RecordType.FINDINGS).request();
        PageResult<Finding> result = findings.list(findingGrant(grant), page);
        read(actor, grant, RecordType.FINDINGS, null, result.items().size());
        return result;
    }

    @Transactional
    public Finding finding(Actor actor, long requestId, long findingId) {
        DataRequest grant = live(actor, requestId, RecordType.FINDINGS).request();
        Finding finding = findings.get(findingGrant(grant), findingId);
        read(actor, grant, RecordType.FINDINGS, findingId, 1);
        return finding;
    }

    @Transactional
    public PageResult<NetworkUnitSummary> units(Actor actor, long requestId, PageRequest page) {
        DataRequest grant = live(actor, requestId, RecordType.FILINGS).request();
        PageResult<NetworkUnitSummary> result = units.list(grant.parties().operatorId(), page);
        read(actor, grant, RecordType.FILINGS, null, result.items().size());
        return result;
    }

    @Transactional
    public NetworkUnit unit(Actor actor, long requestId, long unitId) {
        DataRequest grant = live(actor, requestId, RecordType.FILINGS).request();
        NetworkUnit unit = units.get(grant.parties().operatorId(), unitId);
        read(actor, grant, RecordType.FILINGS, unitId, 1);
        return unit;
    }

    @Transactional
    public List<GrantedReport> reports(Actor actor, long requestId) {
        DataRequest grant = live(actor, requestId, RecordType.SELF_INSPECTION_REPORTS).request();
        List<GrantedReport> result = reports.list(grant.parties().operatorId(), grant.ask().periodFrom(),
                grant.ask().periodTo());
        read(actor, grant, RecordType.SELF_INSPECTION_REPORTS, null, result.size());
        return result;
    }

    @Transactional
    public GrantedReport report(Actor actor, long requestId, long reportId) {
        DataRequest grant = live(actor, requestId, RecordType.SELF_INSPECTION_REPORTS).request();
        GrantedReport report = reports.get(grant.parties().operatorId(), grant.ask().periodFrom(),
                grant.ask().periodTo(), reportId);
        read(actor, grant, RecordType.SELF_INSPECTION_REPORTS, reportId, 1);
        return report;
    }

    /** The finding reader's scope of a grant (or of a request the administration provides itself). */
    static GrantedFindings.Grant findingGrant(DataRequest r) {
        DataScope s = r.granted();
        return new GrantedFindings.Grant(r.parties().operatorId(), s.categories(), s.severities(),
                r.ask().periodFrom(), r.ask().periodTo());
    }

    private DataRequestRepository.Row live(Actor actor, long requestId) {
        return repository.find(requestId, access.liveGrantScope(actor, today()))
                .orElseThrow(() -> new NotFoundException("grant", requestId));
    }

    /** The live grant if it includes records of {@code type}; a grant without them is 404 for that type. */
    private DataRequestRepository.Row live(Actor actor, long requestId, RecordType type) {
        DataRequestRepository.Row row = live(actor, requestId);
        if (!row.request().granted().includes(type)) {
            throw new NotFoundException("grant", requestId + "/" + type);
        }
        return row;
    }

    private void read(Actor actor, DataRequest grant, RecordType type, Long recordId, int rows) {
        repository.insertAccess(grant.id(), grant.parties().operatorId(), actor.username(), type, recordId, rows,
                clock.instant());
        events.publishEvent(new SharedDataRead(grant.id(), grant.parties().operatorId(), type, recordId, rows));
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
