package org.inspectorate.filing;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.inspectorate.organisation.Actor;
import org.inspectorate.organisation.Jurisdiction;
import org.inspectorate.organisation.Organisation;
import org.inspectorate.organisation.Organisations;
import org.inspectorate.system.ConflictException;
import org.inspectorate.system.InvalidInputException;
import org.inspectorate.system.NotFoundException;
import org.inspectorate.system.PageRequest;
import org.inspectorate.system.PageResult;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Network units and their filings (定级备案): the module's public API for pages, the REST API and
 * other modules.
 * <ul>
 * <li>Operators (单位管理员/工作人员) create, edit and submit the units of their organisation tree.</li>
 * <li>The routed authority reviews: a Ministry officer the filings routed to the Ministry, a provincial
 * officer those routed to their province. Both see the units in their jurisdiction.</li>
 * <li>Anything outside those scopes is {@link NotFoundException}; a stale version or a wrong state
 * is {@link ConflictException}; bad input is {@link InvalidInputException}, before anything changes.</li>
 * </ul>
 */
@Service
public class NetworkUnits {

    private final NetworkUnitRepository repository;
    private final UnitVersionRepository versions;
    private final FilingNumbers numbers;
    private final Organisations organisations;
    private final FilingAuthorityPolicy routing;
    private final FilingDeadlinePolicy deadlines;
    private final FilingAccess access;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    NetworkUnits(NetworkUnitRepository repository, UnitVersionRepository versions, FilingNumbers numbers,
            Organisations organisations, FilingAuthorityPolicy routing, FilingDeadlinePolicy deadlines,
            FilingAccess access, ApplicationEventPublisher events, Clock clock) {
        this.repository = repository;
        this.versions = versions;
        this.numbers = numbers;
        this.organisations = organisations;
        this.routing = routing;
        this.deadlines = deadlines;
        this.access = access;
        this.events = events;
        this.clock = clock;
    }

    // --- reading ----------------------------------------------------------------------------

    /** The units the actor may see: operators their organisation tree, regulators their jurisdiction. */
    @Transactional(readOnly = true)
    public PageResult<NetworkUnitSummary> list(Actor actor, UnitQuery query, PageRequest page) {
        if (!access.maySeeRegistry(actor)) {
            throw new AccessDeniedException("network units are listed for operators and regulators only");
        }
        return repository.search(query, access.viewScope(actor), page, "updatedAt");
    }

    /**
     * How many units of the actor's list are in the filing state (one COUNT; for dashboards): an
     * operator's drafts or returned filings. Zero for those who have no registry.
     */
    @Transactional(readOnly = true)
    public long count(Actor actor, FilingState state) {
        if (!access.maySeeRegistry(actor)) {
            return 0;
        }
        return repository.count(new UnitQuery(state, null, null, null), access.viewScope(actor));
    }

    /** How many filings wait for the actor's decision (one COUNT); zero for anyone but a regulator's officer. */
    @Transactional(readOnly = true)
    public long countAwaitingReview(Actor actor) {
        if (!access.reviewsFilings(actor)) {
            return 0;
        }
        return repository.count(new UnitQuery(FilingState.SUBMITTED, null, null, null), access.reviewScope(actor));
    }

    /** The unit, if the actor may see it; otherwise {@link NotFoundException}. */
    @Transactional(readOnly = true)
    public NetworkUnit get(Actor actor, long id) {
        return repository.find(id, access.viewScope(actor)).orElseThrow(() -> new NotFoundException("network unit", id));
    }

    /**
     * Unscoped, for a module with a gate of its own (a spot check's team sees the units in the check's scope while
     * assigned and cleared, 抽查): the unit, or empty.
     */
    @Transactional(readOnly = true)
    public Optional<NetworkUnit> findUnscoped(long id) {
        return repository.find(id, new Jurisdiction.SqlScope("1 = 1", Map.of()));
    }

    /**
     * The unit shown to the actor (a page or the API): as {@link #get}, and the view of the filing's
     * details is audited ({@code filing.viewed}).
     */
    @Transactional(readOnly = true)
    public NetworkUnit view(Actor actor, long id) {
        NetworkUnit unit = get(actor, id);
        events.publishEvent(new FilingViewed(id, unit.currentVersionNo(), unit.state()));
        return unit;
    }

    /**
     * The units of the organisation that the actor may see, with their assets (two queries whatever the
     * number of units), oldest first; retired units are left out. Empty when the organisation is outside the
     * actor's jurisdiction.
     */
    @Transactional(readOnly = true)
    public List<UnitAssets> assetsOf(Actor actor, long organisationId) {
        return repository.assetsOf(organisationId, access.viewScope(actor));
    }

    /** Every kept version of the unit, newest first. */
    @Transactional(readOnly = true)
    List<UnitVersion> versions(Actor actor, long id) {
        get(actor, id);
        return versions.versions(id);
    }

    /** Every kept version of the unit shown through the API: as {@link #versions}, and the view is audited. */
    @Transactional(readOnly = true)
    List<UnitVersion> viewVersions(Actor actor, long id) {
        NetworkUnit unit = get(actor, id);
        List<UnitVersion> kept = versions.versions(id);
        events.publishEvent(new FilingVersionsViewed(id, unit.currentVersionNo(), kept.size()));
        return kept;
    }

    /** One kept version's content. */
    @Transactional(readOnly = true)
    public UnitContent versionContent(Actor actor, long id, int versionNo) {
        get(actor, id);
        return versions.snapshot(id, versionNo).orElseThrow(() -> new NotFoundException("version", versionNo));
    }

    /** What changed from version {@code from} to version {@code to}, field by field; audited as a view. */
    @Transactional(readOnly = true)
    List<FieldChange> compare(Actor actor, long id, int from, int to) {
        UnitContent before = versionContent(actor, id, from);
        UnitContent after = versionContent(actor, id, to);
        events.publishEvent(new FilingCompared(id, to, from));
        return after.changesSince(before);
    }

    /**
     * Unscoped, for other modules' rules (a draw's target pool, 双随机): every unit with a filing in force that is
     * not retired, no jurisdiction applied; the caller filters and freezes it.
     */
    @Transactional(readOnly = true)
    public List<FiledUnit> filedUnitsUnscoped() {
        return repository.filedUnits();
    }

    /**
     * For a draw's planned checks (一公开 to the targets' reviewing authority): the province whose administration
     * reviews each unit's filings, by unit id; units reviewed by the Ministry are absent.
     */
    @Transactional(readOnly = true)
    public Map<Long, String> reviewingProvinces(Collection<Long> unitIds) {
        Map<Long, String> out = new HashMap<>();
        List<Long> ids = List.copyOf(unitIds);
        for (int from = 0; from < ids.size(); from += 1000) {
            out.putAll(repository.reviewingProvinces(ids.subList(from, Math.min(ids.size(), from + 1000))));
        }
        return out;
    }

    /** Filings waiting for the actor's decision, oldest submission first. */
    @Transactional(readOnly = true)
    public PageResult<NetworkUnitSummary> reviewQueue(Actor actor, PageRequest page) {
        return reviewQueue(actor, new UnitQuery(null, null, null, null),
                new PageRequest(page.page(), page.size(), "submittedAt", true, page.after()));
    }

    /**
     * The review queue filtered by level, category and text, sorted by the page's key (oldest
     * submission first when none is given).
     */
    @Transactional(readOnly = true)
    public PageResult<NetworkUnitSummary> reviewQueue(Actor actor, UnitQuery query, PageRequest page) {
        if (!access.reviewsFilings(actor)) {
            throw new AccessDeniedException("only the Ministry's and provincial officers review filings");
        }
        PageRequest sorted = page.sort() == null || page.sort().isBlank()
                ? new PageRequest(page.page(), page.size(), "submittedAt", true, page.after()) : page;
        return repository.search(new UnitQuery(FilingState.SUBMITTED, query.gradeLevel(), query.category(),
                query.text()), access.reviewScope(actor), sorted, "submittedAt");
    }

    /** The filing deadline's standing today, if the unit has one open. */
    public DueStatus dueStatus(NetworkUnit unit) {
        return unit.dueOn() == null ? null : deadlines.status(unit.dueOn(), LocalDate.now(clock));
    }

    // --- operator actions -------------------------------------------------------------------

    /** Creates a unit of the actor's own organisation as a DRAFT (version 1). */
    @Transactional
    public NetworkUnit create(Actor actor, UnitInput input) {
        requireOperator(actor);
        UnitContent content = validate(input);
        Organisation organisation = ownOrganisation(actor);
        FilingAuthority authority = routing.authorityFor(organisation);
        Instant now = clock.instant();
        long id = repository.insert(organisation.id(), authority, content,
                deadlines.filingDue(content.gradingReviewedOn()), now);
        repository.replaceAssets(id, content.assets());
        versions.insertVersion(id, 1, FilingState.DRAFT, FilingKind.INITIAL, content, authority, actor.username(), now);
        events.publishEvent(new UnitCreated(id, 1, content.name()));
        return repository.find(id, access.operatorScope(actor)).orElseThrow();
    }

    /**
     * Changes a unit's content. A DRAFT is changed in place; a RETURNED filing gets a new draft
     * version; a FILED unit gets a change filing (变更备案) as a new draft version, while the filed
     * version stays in force until the change is accepted. A unit under review cannot be changed.
     */
    @Transactional
    public NetworkUnit update(Actor actor, long id, int expectedVersion, UnitInput input) {
        Filing filing = editable(actor, id);
        filing.requireVersion(expectedVersion);
        Filing.Edited edited = filing.edit(validate(input), deadlines, today());
        Filing after = edited.filing();
        Instant now = clock.instant();
        if (!repository.updateContent(id, expectedVersion, after.content(), after.state(), after.kind(),
                after.versionNo(), after.dueOn(), now)) {
            throw new ConflictException("filing.conflict.stale");
        }
        repository.replaceAssets(id, after.content().assets());
        if (edited.newVersion()) {
            versions.insertVersion(id, after.versionNo(), FilingState.DRAFT, after.kind(), after.content(),
                    filing.authority(), actor.username(), now);
        } else {
            versions.updateDraftVersion(id, after.versionNo(), after.content());
        }
        events.publishEvent(edited.event());
        return repository.find(id, access.operatorScope(actor)).orElseThrow();
    }

    /**
     * Writes proposed additions into the unit's draft (a DRAFT in place; a FILED or RETURNED unit gets a new
     * draft version, for a FILED one a change filing 变更备案) for the operator to review and submit: the same
     * checks and history as {@link #update}. An asset already listed (same kind and value) gets the new ports
     * merged into its own; ports it already lists are not repeated.
     */
    @Transactional
    public NetworkUnit proposeAdditions(Actor actor, long id, FilingAdditions additions) {
        NetworkUnit unit = repository.find(id, access.operatorScope(actor))
                .orElseThrow(() -> new NotFoundException("network unit", id));
        if (additions.isEmpty()) {
            return unit;
        }
        return update(actor, id, unit.version(), UnitDrafts.withAdditions(unit.content(), additions));
    }

    /** Submits the draft to the authority the operator's type routes it to. */
    @Transactional
    public NetworkUnit submit(Actor actor, long id, int expectedVersion) {
        Filing filing = operated(actor, id);
        FilingAuthority authority = routedAuthority(filing);
        FilingSubmitted submitted = filing.submit(expectedVersion, authority);
        Instant now = clock.instant();
        claim(id, expectedVersion, filing.state(), FilingState.SUBMITTED, now);
        repository.markSubmitted(id, authority, now);
        versions.submitVersion(id, filing.versionNo(), authority, actor.username(), now);
        events.publishEvent(submitted);
        return repository.find(id, access.operatorScope(actor)).orElseThrow();
    }

    /**
     * Files the decommissioning (退网备案) of a filed unit: its filed content with the lifecycle stage
     * RETIRED goes to the authority as a new version at once; the filed version stays in force until
     * the authority accepts it, after which the unit is retired and read-only.
     */
    @Transactional
    public NetworkUnit decommission(Actor actor, long id, int expectedVersion) {
        Filing filing = operated(actor, id);
        FilingAuthority authority = routedAuthority(filing);
        Filing.Decommissioned decommissioned = filing.decommission(expectedVersion, authority, deadlines, today());
        Filing after = decommissioned.filing();
        Instant now = clock.instant();
        if (!repository.updateContent(id, expectedVersion, after.content(), after.state(), after.kind(),
                after.versionNo(), after.dueOn(), now)) {
            throw new ConflictException("filing.conflict.stale");
        }
        repository.markSubmitted(id, authority, now);
        versions.insertVersion(id, after.versionNo(), FilingState.DRAFT, after.kind(), after.content(), authority,
                actor.username(), now);
        versions.submitVersion(id, after.versionNo(), authority, actor.username(), now);
        events.publishEvent(decommissioned.event());
        return repository.find(id, access.operatorScope(actor)).orElseThrow();
    }

    // --- authority decisions ------------------------------------------------------------------

    /**
     * Accepts the submitted filing: a first filing gets its filing number
     * ({@code <authority code>-<year>-<6-digit sequence>}); an accepted change replaces the version in force.
     */
    @Transactional
    public NetworkUnit accept(Actor actor, long id, int expectedVersion) {
        Filing filing = reviewed(actor, id);
        Instant now = clock.instant();
        FilingAccepted accepted = filing.accept(expectedVersion, () -> numbers.next(filing.authority()));
        claim(id, expectedVersion, filing.state(), FilingState.FILED, now);
        if (filing.inForceVersionNo() != null) {
            versions.supersede(id, filing.inForceVersionNo());
        }
        repository.markFiled(id, filing.versionNo(), accepted.filingNumber());
        versions.decideVersion(id, filing.versionNo(), FilingState.FILED, actor.username(), now, null,
                accepted.filingNumber());
        events.publishEvent(accepted);
        return repository.find(id, access.reviewScope(actor)).orElseThrow();
    }

    /** Returns the submitted filing for correction (补正) with the reasons, which are required. */
    @Transactional
    public NetworkUnit returnForCorrection(Actor actor, long id, int expectedVersion, String reasons) {
        Filing filing = reviewed(actor, id);
        FilingReturned returned = filing.returnWith(expectedVersion, reasons);
        Instant now = clock.instant();
        claim(id, expectedVersion, filing.state(), FilingState.RETURNED, now);
        versions.decideVersion(id, filing.versionNo(), FilingState.RETURNED, actor.username(), now,
                returned.reasons(), null);
        events.publishEvent(returned);
        return repository.find(id, access.reviewScope(actor)).orElseThrow();
    }

    // --- bulk creation -----------------------------------------------------------------------

    /**
     * The one validation path of a unit's content, shared by single creation, editing and the bulk
     * upload ({@code filing.report}): every bad field at once as {@link InvalidInputException}, nothing changed.
     */
    public UnitContent validate(UnitInput input) {
        return UnitValidator.validate(input, today());
    }

    /**
     * Creates already validated units of the actor's own organisation as DRAFTs in one go (JDBC
     * batches for units, assets and versions), in the caller's transaction. The caller, the bulk upload
     * ({@code filing.report}), publishes the one audit event for the whole upload.
     *
     * @return the organisation the units were created for
     */
    @Transactional
    public long createAll(Actor actor, List<UnitContent> contents) {
        requireOperator(actor);
        Organisation organisation = ownOrganisation(actor);
        FilingAuthority authority = routing.authorityFor(organisation);
        Instant now = clock.instant();
        List<LocalDate> dues = contents.stream().map(c -> deadlines.filingDue(c.gradingReviewedOn())).toList();
        repository.insertAll(organisation.id(), authority, contents, dues, actor.username(), now);
        return organisation.id();
    }

    /**
     * The unit may be changed now by the actor (its content, its attachments in {@code filing.attachment}):
     * 404 outside the actor's organisation tree, 409 while under review or once retired.
     */
    public void requireEditable(Actor actor, long id) {
        editable(actor, id);
    }

    // --- helpers ----------------------------------------------------------------------------

    /** Only operators create units, one by one or in bulk ({@code filing.report}); 403 for anyone else. */
    public void requireOperator(Actor actor) {
        if (!access.mayOperate(actor)) {
            throw new AccessDeniedException("only operators create network units");
        }
    }

    private Organisation ownOrganisation(Actor actor) {
        return organisations.findUnscoped(actor.organisationId())
                .orElseThrow(() -> new NotFoundException("organisation", actor.organisationId()));
    }

    /** The authority the operator's type routes the unit's filings to, as of now. */
    private FilingAuthority routedAuthority(Filing filing) {
        return routing.authorityFor(organisations.findUnscoped(filing.organisationId()).orElseThrow());
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    /**
     * The unit's filing in the actor's organisation tree, if the operator may change it now (its content, its
     * attachments): 404 outside the tree, 409 while under review or once retired.
     */
    Filing editable(Actor actor, long id) {
        Filing filing = operated(actor, id);
        filing.requireEditable();
        return filing;
    }

    private Filing operated(Actor actor, long id) {
        return repository.findFiling(id, access.operatorScope(actor))
                .orElseThrow(() -> new NotFoundException("network unit", id));
    }

    private Filing reviewed(Actor actor, long id) {
        return repository.findFiling(id, access.reviewScope(actor))
                .orElseThrow(() -> new NotFoundException("filing", id));
    }

    /** The optimistic claim: exactly one of two concurrent changes of the same version wins. */
    private void claim(long id, int expectedVersion, FilingState from, FilingState to, Instant now) {
        boolean won;
        try {
            won = repository.transition(id, expectedVersion, from, to, now);
        } catch (ConcurrencyFailureException e) {
            won = false;
        }
        if (!won) {
            throw new ConflictException("filing.conflict.stale");
        }
    }

    /**
     * For the reminders of the notification module: the filings owed between the two days, soonest first, a page of
     * at most {@code limit} after the cursor (the last row's due day and unit id); no jurisdiction applied.
     */
    @Transactional(readOnly = true)
    public List<FilingDue> filingsDueUnscoped(LocalDate from, LocalDate to, LocalDate afterDue, long afterId,
            int limit) {
        return repository.dueBetween(from, to, afterDue, afterId, limit);
    }
}
