package org.inspectorate.exposure;

import java.time.Clock;
import java.util.List;

import org.inspectorate.filing.AssetInput;
import org.inspectorate.filing.FilingAccepted;
import org.inspectorate.filing.FilingAdditions;
import org.inspectorate.filing.NetworkUnit;
import org.inspectorate.filing.NetworkUnits;
import org.inspectorate.finding.Finding;
import org.inspectorate.finding.FindingSource;
import org.inspectorate.finding.Findings;
import org.inspectorate.finding.NewFinding;
import org.inspectorate.organisation.Actor;
import org.inspectorate.system.ConflictException;
import org.inspectorate.system.NotFoundException;
import org.inspectorate.system.PageRequest;
import org.inspectorate.system.PageResult;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Open ports a unit's filing does not declare (备案不符) and what the operator does about them.
 * <ul>
 * <li>An import opens them ({@link ObservedServices}); an accepted filing that declares the port settles them.</li>
 * <li>The operator declares the port in a change filing ({@link NetworkUnits#proposeAdditions}: a draft to review
 * and submit) or opens a MISCONFIGURATION finding on {@code host:port/protocol}; the table is {@link Discrepancy}.</li>
 * <li>Regulators see the counts per operator of their area; everything outside the actor's view is 404.</li>
 * </ul>
 */
@Service
public class Discrepancies {

    private final DiscrepancyRepository repository;
    private final NetworkUnits units;
    private final Findings findings;
    private final ExposureAccess access = new ExposureAccess();
    private final ApplicationEventPublisher events;
    private final MessageSource messages;
    private final Clock clock;

    Discrepancies(DiscrepancyRepository repository, NetworkUnits units, Findings findings,
            ApplicationEventPublisher events, MessageSource messages, Clock clock) {
        this.repository = repository;
        this.units = units;
        this.findings = findings;
        this.events = events;
        this.messages = messages;
        this.clock = clock;
    }

    /** Whether the actor may resolve discrepancies (the unit page's buttons). */
    public boolean mayResolve(Actor actor) {
        return access.mayResolve(actor);
    }

    /** Whether the actor sees the per-operator counts (the navigation's link). */
    public boolean mayCount(Actor actor) {
        return access.mayCount(actor);
    }

    /** A page of the unit's discrepancies, open ones first, if the actor sees the unit (404 otherwise); audited. */
    @Transactional(readOnly = true)
    public PageResult<ServiceDiscrepancy> ofUnit(Actor actor, long unitId, PageRequest page) {
        units.get(actor, unitId);
        PageResult<ServiceDiscrepancy> result = repository.page(unitId, access.viewScope(actor, "d.organisation_id"),
                page);
        events.publishEvent(new DiscrepanciesViewed(unitId, result.page(), result.items().size(), result.total()));
        return result;
    }

    /** One discrepancy, if the actor sees it. */
    @Transactional(readOnly = true)
    public ServiceDiscrepancy get(Actor actor, long id) {
        return repository.view(id, access.viewScope(actor, "s.organisation_id"))
                .orElseThrow(() -> new NotFoundException("discrepancy", id));
    }

    /**
     * Declares the port in the unit's change filing (在变更备案中申报): the host as an asset with the port, merged into
     * the asset of the same kind and value if the filing lists it; the draft is the operator's to submit.
     */
    @Transactional
    public ServiceDiscrepancy declare(Actor actor, long id) {
        Discrepancy d = resolvable(actor, id);
        ServiceDiscrepancy.Service s = d.service();
        Discrepancy.next(d.state(), Discrepancy.Act.DECLARE)
                .orElseThrow(() -> new ConflictException("exposure.conflict.state", "DECLARE", d.state().name()));
        NetworkUnit draft = units.proposeAdditions(actor, s.unitId(), new FilingAdditions(
                List.of(new AssetInput(kind(s.host()), s.host(), Integer.toString(s.port()))), null));
        DiscrepancyDeclared declared = d.declare(actor.username(), clock.instant(), draft.currentVersionNo());
        save(d);
        events.publishEvent(declared);
        return get(actor, id);
    }

    /**
     * Opens a MISCONFIGURATION finding (问题) on {@code host:port/protocol} in the unit, through the register's API,
     * owned by the unit's responsible person; severity MEDIUM, due by the register's SLA for it.
     */
    @Transactional
    public ServiceDiscrepancy openFinding(Actor actor, long id) {
        Discrepancy d = resolvable(actor, id);
        ServiceDiscrepancy.Service s = d.service();
        Discrepancy.next(d.state(), Discrepancy.Act.OPEN_FINDING)
                .orElseThrow(() -> new ConflictException("exposure.conflict.state", "OPEN_FINDING", d.state().name()));
        NetworkUnit unit = units.get(actor, s.unitId());
        String asset = unit.content().assets().stream().filter(a -> a.value().equalsIgnoreCase(s.host()))
                .map(a -> a.value()).findFirst().orElse(null);
        var locale = LocaleContextHolder.getLocale();
        String service = s.serviceName() == null ? "" : s.serviceName();
        Finding finding = findings.open(actor, new NewFinding(s.organisationId(), s.unitId(), asset,
                messages.getMessage("exposure.finding.title", new Object[] {s.address()}, locale),
                messages.getMessage("exposure.finding.description", new Object[] {s.address(), service}, locale),
                "MISCONFIGURATION", "MEDIUM", null, null, unit.content().responsiblePerson(),
                unit.content().responsibleContact(), null, null, null, FindingSource.MANUAL,
                "discrepancy:" + id, null));
        DiscrepancyFindingOpened opened = d.openFinding(finding.id(), actor.username(), clock.instant());
        save(d);
        events.publishEvent(opened);
        return get(actor, id);
    }

    /** The operators of the actor's area with discrepancies, their counts by state; regulators only (else 404). */
    @Transactional(readOnly = true)
    public PageResult<OperatorDiscrepancies> counts(Actor actor, String name, PageRequest page) {
        if (!access.mayCount(actor)) {
            throw new NotFoundException("discrepancy counts", 0);
        }
        PageResult<OperatorDiscrepancies> result = repository.counts(access.countScope(actor, "d.organisation_id"),
                name, page);
        events.publishEvent(new DiscrepancyCountsViewed(name, result.page(), result.items().size()));
        return result;
    }

    /**
     * An accepted filing settles the unit's discrepancies whose port it now declares.
     *
     * <p>A plain {@link EventListener}, in the acceptance's own transaction: the filing in force is what settles a
     * discrepancy, so the two change together or not at all, and the unit's content is read as accepted. A unit's
     * discrepancies are few (its undeclared ports), so they are read whole.
     */
    @EventListener
    void filingAccepted(FilingAccepted accepted) {
        if (accepted.decommissions()) {
            return;
        }
        List<Discrepancy> open = repository.unsettled(accepted.unitId());
        if (open.isEmpty()) {
            return;
        }
        DeclaredPorts declared = repository.filedPorts(accepted.unitId());
        for (Discrepancy d : open) {
            if (declared.declares(d.service().host(), d.service().port())) {
                DiscrepancySettled settled = d.settle(clock.instant(), accepted.versionNo());
                save(d);
                events.publishEvent(settled);
            }
        }
    }

    private Discrepancy resolvable(Actor actor, long id) {
        if (!access.mayResolve(actor)) {
            throw new AccessDeniedException("only operators resolve discrepancies");
        }
        return repository.find(id, access.resolveScope(actor, "s.organisation_id"))
                .orElseThrow(() -> new NotFoundException("discrepancy", id));
    }

    private void save(Discrepancy d) {
        if (!repository.save(d)) {
            throw new ConflictException("exposure.conflict.stale");
        }
    }

    private static String kind(String host) {
        return host.indexOf(':') >= 0 || host.chars().allMatch(c -> c == '.' || Character.isDigit(c))
                ? "IP_ADDRESS" : "DOMAIN";
    }
}
