package org.inspectorate.ingest;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.inspectorate.exposure.ObservationSession;
import org.inspectorate.exposure.ObservedServices;
import org.inspectorate.filing.AssetInput;
import org.inspectorate.filing.FilingAdditions;
import org.inspectorate.filing.NetworkUnits;
import org.inspectorate.filing.UnitAssets;
import org.inspectorate.finding.ScanImports;
import org.inspectorate.organisation.Actor;
import org.inspectorate.system.ConflictException;
import org.inspectorate.system.InvalidInputException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Assigns unmatched hosts of a finished import to a unit of its scope (主机归属) — one host, several, or every
 * host of a CIDR range or a domain in one step: their waiting findings are imported into that unit now, later
 * imports of the operator match the hosts without asking again and, if asked, the hosts are proposed as the
 * unit's assets in its draft (a change filing 变更备案 for a filed unit). All of it in one transaction under
 * the operator's import lock: it lands whole or not at all.
 */
@Component
class HostAssignments {

    /** Assets proposed to the unit's draft per call (each call is one draft update). */
    private static final int PROPOSE_BATCH = 500;

    private final ImportJobRepository repository;
    private final ImportExpiry expiry;
    private final ScanImports scans;
    private final NetworkUnits units;
    private final IngestAccess access;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final TransactionTemplate transaction;
    private final ImportSettings settings;
    private final ObservedServices observed;

    HostAssignments(ImportJobRepository repository, ImportExpiry expiry, ScanImports scans, NetworkUnits units,
            IngestAccess access, ApplicationEventPublisher events, Clock clock, PlatformTransactionManager transactions,
            ImportSettings settings, ObservedServices observed) {
        this.repository = repository;
        this.expiry = expiry;
        this.scans = scans;
        this.units = units;
        this.access = access;
        this.events = events;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
        this.settings = settings;
        this.observed = observed;
    }

    /**
     * Assigns the selected hosts of {@code job} (which the actor sees) to a unit of {@code scope}, the units of
     * its scope the actor sees: 409 unless the import succeeded or while another import of the operator runs;
     * 400 naming the field for a unit outside the scope or a selection that takes no waiting host
     * ({@code field} names the field the selection came from).
     */
    UnmatchedHostAssigned assign(Actor actor, ImportJob job, List<UnitAssets> scope, HostSelection selection,
            String field, long unitId, boolean addToAssets) {
        if (!access.mayAssign(actor, job)) {
            throw new AccessDeniedException("only operators and regulators assign the hosts of an import");
        }
        repository.lifecycle(job.id()).orElseThrow().requireAssignable();
        if (scope.stream().noneMatch(u -> u.unitId() == unitId)) {
            throw new InvalidInputException("unitId", "ingest.import.unitOutsideScope", unitId);
        }
        if (addToAssets && !access.mayProposeAssets(actor, job)) {
            throw new InvalidInputException("addToAssets", "ingest.import.assign.assetsOperatorOnly");
        }
        return transaction.execute(status -> {
            Instant now = clock.instant();
            expiry.expire(now);
            long[] selected = repository.selected(job.id(), selection);
            if (selected[0] == 0) {
                throw new InvalidInputException(field,
                        "host".equals(field) ? "ingest.import.hostUnknown" : "ingest.import.assign.noneMatch",
                        selection.label());
            }
            if (!repository.lock(job.organisationId(), job.id(), now)) {
                throw new ConflictException("ingest.import.busy");
            }
            ImportLifecycle lifecycle = repository.lifecycle(job.id()).orElseThrow();
            ScanImports.Counts c = importStaged(actor, job, selection, unitId);
            boolean proposed = addToAssets && propose(actor, job, selection, unitId);
            int[] taken = repository.assignSelected(job.organisationId(), job.id(), selection, unitId,
                    actor.username(), now);
            UnmatchedHostAssigned assigned = lifecycle.assign(selection.label(), unitId, taken[0], c.created(),
                    c.updated(), c.unchanged(), actor.username(), taken[1], proposed);
            repository.saveAssignment(assigned);
            repository.unlock(job.organisationId(), job.id());
            events.publishEvent(assigned);
            return assigned;
        });
    }

    /**
     * Imports the selected hosts' waiting findings into the unit, and their informational items as the unit's
     * observed services, as the import would have had the hosts matched. They are read into a temporary file first:
     * on PostgreSQL the session streams COPY on the connection, which then runs no query; the file keeps memory
     * bounded whatever the number of findings.
     */
    private ScanImports.Counts importStaged(Actor actor, ImportJob job, HostSelection selection, long unitId) {
        Path file;
        try {
            file = Files.createTempFile(settings.tempDir, "assign-" + job.id() + "-", ".staged");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                repository.eachStaged(job.id(), selection, payload -> line(out, payload));
            }
            ScanImports.ImportSession session = scans.open(actor, new ScanImports.Target(job.organisationId(),
                    Set.of(unitId), job.format().name(), job.id(), false, ScanImports.Target.Coverage.none()));
            try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                    ObservationSession services = observed.session(actor, job.organisationId(), job.id())) {
                for (String payload = in.readLine(); payload != null; payload = in.readLine()) {
                    ScannedFinding finding = StagedFindings.read(payload);
                    if (finding.informational()) {
                        ImportRun.observe(services, unitId, finding);
                    } else {
                        session.add(ScanMapping.item(unitId, finding));
                    }
                }
                ScanImports.Counts counts = session.finish();
                // after the register's COPY has given the connection back
                services.finish();
                return counts;
            } catch (RuntimeException e) {
                session.abort();
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            TempFiles.delete(file);
        }
    }

    private static void line(BufferedWriter out, String payload) {
        try {
            // a payload is one line of JSON: its strings' line breaks are escaped
            out.write(payload);
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Proposes the selected hosts (not code findings) as the unit's assets: addresses and domains. */
    private boolean propose(Actor actor, ImportJob job, HostSelection selection, long unitId) {
        List<String> hosts = repository.selectedHosts(job.id(), selection).stream()
                .filter(h -> !UnmatchedHost.CODE.equals(h)).toList();
        for (int from = 0; from < hosts.size(); from += PROPOSE_BATCH) {
            List<AssetInput> assets = hosts.subList(from, Math.min(hosts.size(), from + PROPOSE_BATCH)).stream()
                    .map(h -> new AssetInput(HostSortKey.of(h).startsWith("3") ? "DOMAIN" : "IP_ADDRESS", h, null))
                    .toList();
            units.proposeAdditions(actor, unitId, new FilingAdditions(assets, null));
        }
        return !hosts.isEmpty();
    }
}
