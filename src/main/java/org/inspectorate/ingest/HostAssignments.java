package org.inspectorate.ingest;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.inspectorate.filing.UnitAssets;
import org.inspectorate.finding.ScanImports;
import org.inspectorate.organisation.Actor;
import org.inspectorate.system.ConflictException;
import org.inspectorate.system.InvalidInputException;
import org.inspectorate.system.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Assigns an unmatched host of a finished import to a unit of its scope (主机归属): its waiting findings are
 * imported into that unit now, and later imports of the operator match the host without asking again.
 */
@Component
class HostAssignments {

    private final ImportJobRepository repository;
    private final ImportExpiry expiry;
    private final ScanImports scans;
    private final IngestAccess access;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final TransactionTemplate transaction;

    HostAssignments(ImportJobRepository repository, ImportExpiry expiry, ScanImports scans, IngestAccess access,
            ApplicationEventPublisher events, Clock clock, PlatformTransactionManager transactions) {
        this.repository = repository;
        this.expiry = expiry;
        this.scans = scans;
        this.access = access;
        this.events = events;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
    }

    /**
     * Assigns the host of {@code job} (which the actor sees) to a unit of {@code scope}, the units of its scope
     * the actor sees: 409 unless the import succeeded or while another import of the operator runs, 404 for a
     * unit outside the scope, 400 for a host with no waiting findings.
     */
    void assign(Actor actor, ImportJob job, List<UnitAssets> scope, String host, long unitId) {
        if (!access.mayAssign(actor, job)) {
            throw new AccessDeniedException("only operators and regulators assign the hosts of an import");
        }
        repository.lifecycle(job.id()).orElseThrow().requireAssignable();
        if (scope.stream().noneMatch(u -> u.unitId() == unitId)) {
            throw new NotFoundException("network unit", unitId);
        }
        transaction.executeWithoutResult(status -> {
            Instant now = clock.instant();
            expiry.expire(now);
            List<String> payloads = repository.staged(job.id(), host);
            if (payloads.isEmpty()) {
                throw new InvalidInputException("host", "ingest.import.hostUnknown", host);
            }
            if (!repository.lock(job.organisationId(), job.id(), now)) {
                throw new ConflictException("ingest.import.busy");
            }
            ImportLifecycle lifecycle = repository.lifecycle(job.id()).orElseThrow();
            ScanImports.ImportSession session = scans.open(actor, new ScanImports.Target(job.organisationId(),
                    Set.of(unitId), job.format().name(), job.id(), false));
            Map<String, Boolean> vectors = new HashMap<>();
            for (String payload : payloads) {
                session.add(ScanMapping.item(unitId, StagedFindings.read(payload), vectors));
            }
            ScanImports.Counts c = session.finish();
            int moved = repository.unstage(job.id(), host);
            if (!UnmatchedHost.CODE.equals(host)) {
                repository.assign(job.organisationId(), host, unitId, actor.username(), now);
            }
            UnmatchedHostAssigned assigned = lifecycle.assign(host, unitId, moved, c.created(), c.updated(),
                    c.unchanged(), actor.username());
            repository.saveAssignment(assigned);
            repository.unlock(job.organisationId(), job.id());
            events.publishEvent(assigned);
        });
    }
}
