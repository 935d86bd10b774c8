package org.inspectorate.exposure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.inspectorate.filing.NetworkUnit;
import org.inspectorate.filing.NetworkUnits;
import org.inspectorate.filing.UnitContent;
import org.inspectorate.organisation.Actor;
import org.inspectorate.system.PageRequest;
import org.inspectorate.system.PageResult;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The services scanners saw on the units' hosts (已观测服务): what an import hands over instead of informational
 * findings, and a unit's list of them. Not findings: they stay out of the register and its unresolved counts.
 * <ul>
 * <li>An import opens a {@link #session} in its own transaction and hands it every open port it matched to a
 * unit; a service is kept once per unit, host, port and protocol, with its first and last sighting.</li>
 * <li>A service new to the unit whose port the unit's filing does not declare ({@link DeclaredPorts}: the filing
 * in force, or the draft of a unit never filed) opens a {@link ServiceDiscrepancy}.</li>
 * <li>Everyone who sees the unit sees its services; every view is audited.</li>
 * </ul>
 */
@Service
public class ObservedServices {

    private final ObservedServiceRepository repository;
    private final DiscrepancyRepository discrepancies;
    private final NetworkUnits units;
    private final ExposureAccess access = new ExposureAccess();
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Path tempDir;

    ObservedServices(ObservedServiceRepository repository, DiscrepancyRepository discrepancies, NetworkUnits units,
            ApplicationEventPublisher events, Clock clock,
            @Value("${inspectorate.import.temp-dir:${java.io.tmpdir}}") String tempDir) {
        this.repository = repository;
        this.discrepancies = discrepancies;
        this.units = units;
        this.events = events;
        this.clock = clock;
        this.tempDir = Path.of(tempDir);
    }

    /**
     * Opens the observation session of an import (导入观测会话), to be used and finished inside the import's one
     * transaction and closed afterwards. The actor must see every unit handed to it.
     */
    public ObservationSession session(Actor actor, long organisationId, long importId) {
        try {
            Files.createDirectories(tempDir);
            Path file = Files.createTempFile(tempDir, "import-" + importId + "-", ".observed");
            return new ObservationSession(this, actor, organisationId, importId, file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A page of the unit's services by host and port, if the actor sees the unit (404 otherwise); audited. */
    @Transactional(readOnly = true)
    public PageResult<ObservedService> ofUnit(Actor actor, long unitId, PageRequest page) {
        units.get(actor, unitId);
        PageResult<ObservedService> result = repository.page(unitId, access.viewScope(actor, "s.organisation_id"),
                page);
        events.publishEvent(new ObservedServicesViewed(unitId, result.page(), result.items().size(), result.total()));
        return result;
    }

    // --- the session's steps, in the import's transaction ----------------------------------------

    Map<ObservedServiceRepository.Key, ObservedServiceRepository.Known> known(ObservationSession session, long unitId,
            Collection<String> hosts) {
        unit(session, unitId);
        return repository.known(unitId, hosts);
    }

    void store(ObservationSession session, List<ServiceObservation> fresh, Map<Long, ServiceObservation> again,
            long importId) {
        Map<Long, Long> organisationOf = new HashMap<>();
        fresh.forEach(o -> organisationOf.put(o.unitId(), unit(session, o.unitId()).organisationId()));
        Instant now = clock.instant();
        repository.insert(fresh, organisationOf, importId, now);
        repository.seen(again, importId, now);
    }

    /** Opens a discrepancy for each service of the units that this import saw, has none, and is not declared. */
    int openDiscrepancies(ObservationSession session, Set<Long> unitIds, long importId) {
        int opened = 0;
        Instant now = clock.instant();
        for (long unitId : unitIds) {
            DeclaredPorts declared = DeclaredPorts.of(declaredContent(session, unit(session, unitId)));
            long after = 0;
            for (List<ServiceDiscrepancy.Service> page = repository.withoutDiscrepancy(unitId, importId, after,
                    ObservationSession.BATCH); !page.isEmpty(); page = repository.withoutDiscrepancy(unitId, importId,
                    after, ObservationSession.BATCH)) {
                List<ServiceDiscrepancy.Service> undeclared = new ArrayList<>();
                for (ServiceDiscrepancy.Service s : page) {
                    if (!declared.declares(s.host(), s.port())) {
                        undeclared.add(s);
                    }
                    after = s.id();
                }
                discrepancies.open(undeclared, importId, now);
                opened += undeclared.size();
            }
        }
        return opened;
    }

    void finished(ObservationSession session, long importId, ObservationCounts counts) {
        events.publishEvent(new ServicesObserved(importId, session.organisationId(), counts.observed(),
                counts.newServices(), counts.seenAgain(), counts.discrepanciesOpened(), session.skipped()));
    }

    /** What the unit's filing declares: the version in force, or the working copy while none is. */
    private UnitContent declaredContent(ObservationSession session, NetworkUnit unit) {
        Integer inForce = unit.inForceVersionNo();
        if (inForce == null || inForce == unit.currentVersionNo()) {
            return unit.content();
        }
        return units.versionContent(session.actor(), unit.id(), inForce);
    }

    /** The unit, read once per session whatever the number of its ports. */
    private NetworkUnit unit(ObservationSession session, long unitId) {
        return session.units().computeIfAbsent(unitId, id -> units.get(session.actor(), id));
    }
}
