package org.inspectorate.filing;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.inspectorate.organisation.Actor;
import org.inspectorate.organisation.Jurisdiction.SqlScope;
import org.inspectorate.organisation.Organisation;
import org.inspectorate.organisation.Organisations;
import org.inspectorate.organisation.Role;
import org.inspectorate.system.ConflictException;
import org.inspectorate.system.InvalidInputException;
import org.inspectorate.system.NotFoundException;
import org.inspectorate.system.PageRequest;
import org.inspectorate.system.PageResult;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

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

    private static final int MAX_REASONS = 2000;

    private final NetworkUnitRepository repository;
    private final Organisations organisations;
    private final FilingAuthorityPolicy routing;
    private final FilingDeadlinePolicy deadlines;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final TransactionTemplate separateTransaction;

    NetworkUnits(NetworkUnitRepository repository, Organisations organisations, FilingAuthorityPolicy routing,
            FilingDeadlinePolicy deadlines, ApplicationEventPublisher events, Clock clock,
            PlatformTransactionManager transactions) {
        this.repository = repository;
        this.organisations = organisations;
        this.routing = routing;
        this.deadlines = deadlines;
        this.events = events;
        this.clock = clock;
        this.separateTransaction = new TransactionTemplate(transactions);
        this.separateTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    // --- reading ----------------------------------------------------------------------------

    /** The units the actor may see: operators their organisation tree, regulators their jurisdiction. */
    @Transactional(readOnly = true)
    public PageResult<NetworkUnitSummary> list(Actor actor, UnitQuery query, PageRequest page) {
        requireOperatorOrRegulator(actor);
        return repository.search(query, viewScope(actor), page, "updatedAt");
    }

    /**
     * How many units of the actor's list are in the filing state (one COUNT; for dashboards): an
     * operator's drafts or returned filings. Zero for those who have no registry.
     */
    @Transactional(readOnly = true)
    public long count(Actor actor, FilingState state) {
        if (!operates(actor) && !actor.has(Role.MINISTRY_OFFICER) && !actor.has(Role.PROVINCIAL_OFFICER)) {
            return 0;
        }
        return repository.count(new UnitQuery(state, null, null, null), viewScope(actor));
    }

    /** How many filings wait for the actor's decision (one COUNT); zero for anyone but a regulator's officer. */
    @Transactional(readOnly = true)
    public long countAwaitingReview(Actor actor) {
        if (!actor.has(Role.MINISTRY_OFFICER) && !actor.has(Role.PROVINCIAL_OFFICER)) {
            return 0;
        }
        return repository.count(new UnitQuery(FilingState.SUBMITTED, null, null, null), reviewScope(actor));
    }

    /** The unit, if the actor may see it; otherwise {@link NotFoundException}. */
    @Transactional(readOnly = true)
    public NetworkUnit get(Actor actor, long id) {
        return repository.find(id, viewScope(actor)).orElseThrow(() -> new NotFoundException("network unit", id));
    }

    /**
     * The unit shown to the actor (a page or the API): as {@link #get}, and the view of the filing's
     * details is audited ({@code filing.viewed}).
     */
    @Transactional(readOnly = true)
    public NetworkUnit view(Actor actor, long id) {
        NetworkUnit unit = get(actor, id);
        events.publishEvent(new FilingEvent("filing.viewed", id, unit.currentVersionNo(), "state=" + unit.state()));
        return unit;
    }

    /**
     * The units of the organisation that the actor may see, with their assets (two queries whatever the
     * number of units), oldest first; retired units are left out. Empty when the organisation is outside the
     * actor's jurisdiction.
     */
    @Transactional(readOnly = true)
    public List<UnitAssets> assetsOf(Actor actor, long organisationId) {
        return repository.assetsOf(organisationId, viewScope(actor));
    }

    /** Every kept version of the unit, newest first. */
    @Transactional(readOnly = true)
    public List<UnitVersion> versions(Actor actor, long id) {
        get(actor, id);
        return repository.versions(id);
    }

    /** Every kept version of the unit shown through the API: as {@link #versions}, and the view is audited. */
    @Transactional(readOnly = true)
    public List<UnitVersion> viewVersions(Actor actor, long id) {
        NetworkUnit unit = get(actor, id);
        List<UnitVersion> versions = repository.versions(id);
        events.publishEvent(new FilingEvent("filing.versions.viewed", id, unit.currentVersionNo(),
                "versions=" + versions.size()));
        return versions;
    }

    /** One kept version's content. */
    @Transactional(readOnly = true)
    public UnitContent versionContent(Actor actor, long id, int versionNo) {
        get(actor, id);
        return repository.snapshot(id, versionNo).orElseThrow(() -> new NotFoundException("version", versionNo));
    }

    /** What changed from version {@code from} to version {@code to}, field by field; audited as a view. */
    @Transactional(readOnly = true)
    public List<FieldChange> compare(Actor actor, long id, int from, int to) {
        UnitContent before = versionContent(actor, id, from);
        UnitContent after = versionContent(actor, id, to);
        events.publishEvent(new FilingEvent("filing.compared", id, to, "from=v" + from));
        return after.changesSince(before);
    }

    /**
     * For other modules' rules (a draw's target pool, 双随机): every unit with a filing in force that is not
     * retired, no jurisdiction applied; the caller filters and freezes it.
     */
    @Transactional(readOnly = true)
    public List<FiledUnit> filedUnitsForRules() {
        return repository.filedUnits();
    }

    /**
     * For a draw's planned checks (一公开 to the targets' reviewing authority): the province whose administration
     * reviews each unit's filings, by unit id; units reviewed by the Ministry are absent.
     */
    @Transactional(readOnly = true)
    public java.util.Map<Long, String> reviewingProvinces(java.util.Collection<Long> unitIds) {
        java.util.Map<Long, String> out = new java.util.HashMap<>();
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
                new PageRequest(page.page(), page.size(), "submittedAt", true));
    }

    /**
     * The review queue filtered by level, category and text, sorted by the page's key (oldest
     * submission first when none is given).
     */
    @Transactional(readOnly = true)
    public PageResult<NetworkUnitSummary> reviewQueue(Actor actor, UnitQuery query, PageRequest page) {
        if (!actor.has(Role.MINISTRY_OFFICER) && !actor.has(Role.PROVINCIAL_OFFICER)) {
            throw new AccessDeniedException("only the Ministry's and provincial officers review filings");
        }
        PageRequest sorted = page.sort() == null || page.sort().isBlank()
                ? new PageRequest(page.page(), page.size(), "submittedAt", true) : page;
        return repository.search(new UnitQuery(FilingState.SUBMITTED, query.gradeLevel(), query.category(),
                query.text()), reviewScope(actor), sorted, "submittedAt");
    }

    /** Whether the actor is the authority this unit's filing is routed to (whatever its state). */
    public boolean reviews(Actor actor, NetworkUnit unit) {
        FilingAuthority authority = unit.authority();
        if (authority.isMinistry()) {
            return actor.has(Role.MINISTRY_OFFICER);
        }
        return actor.has(Role.PROVINCIAL_OFFICER) && authority.province() == actor.province();
    }

    /** Whether the actor may create, edit and submit units (an operator's admin or staff). */
    public boolean operates(Actor actor) {
        return actor.has(Role.OPERATOR_ADMIN) || actor.has(Role.OPERATOR_STAFF);
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
        repository.insertVersion(id, 1, FilingState.DRAFT, FilingKind.INITIAL, content, authority, actor.username(), now);
        events.publishEvent(new FilingEvent("filing.unit.created", id, 1, content.name()));
        return repository.find(id, operatorScope(actor)).orElseThrow();
    }

    /**
     * Changes a unit's content. A DRAFT is changed in place; a RETURNED filing gets a new draft
     * version; a FILED unit gets a change filing (变更备案) as a new draft version, while the filed
     * version stays in force until the change is accepted. A unit under review cannot be changed.
     */
    @Transactional
    public NetworkUnit update(Actor actor, long id, int expectedVersion, UnitInput input) {
        NetworkUnit unit = editable(actor, id);
        requireVersion(unit, expectedVersion);
        UnitContent content = validate(input);
        if (unit.kind() == FilingKind.DECOMMISSION && unit.state() != FilingState.FILED
                && content.lifecycleStage() != LifecycleStage.RETIRED) {
            throw new InvalidInputException("lifecycleStage", "filing.decommission.stage");
        }
        Instant now = clock.instant();
        int versionNo = unit.currentVersionNo();
        FilingKind kind = unit.kind();
        LocalDate dueOn = unit.dueOn();
        String action = "filing.unit.updated";
        if (unit.state() != FilingState.DRAFT) {
            versionNo++;
        }
        if (unit.state() == FilingState.FILED) {
            kind = FilingKind.CHANGE;
            dueOn = deadlines.changeFilingDue(today());
            action = "filing.change.opened";
        } else if (kind == FilingKind.INITIAL) {
            // a first filing is due 30 days after the grading review, whichever date the operator corrects it to
            dueOn = deadlines.filingDue(content.gradingReviewedOn());
        }
        if (!repository.updateContent(id, expectedVersion, content, FilingState.DRAFT, kind, versionNo, dueOn, now)) {
            throw new ConflictException("filing.conflict.stale");
        }
        repository.replaceAssets(id, content.assets());
        if (versionNo == unit.currentVersionNo()) {
            repository.updateDraftVersion(id, versionNo, content);
        } else {
            repository.insertVersion(id, versionNo, FilingState.DRAFT, kind, content, unit.authority(),
                    actor.username(), now);
        }
        events.publishEvent(new FilingEvent(action, id, versionNo, content.name()));
        return repository.find(id, operatorScope(actor)).orElseThrow();
    }

    /** Submits the draft to the authority the operator's type routes it to. */
    @Transactional
    public NetworkUnit submit(Actor actor, long id, int expectedVersion) {
        NetworkUnit unit = operated(actor, id);
        if (unit.state() != FilingState.DRAFT) {
            throw new ConflictException("filing.conflict.state", unit.state().name(), FilingState.DRAFT.name());
        }
        requireVersion(unit, expectedVersion);
        Organisation organisation = organisations.findForRules(unit.organisationId()).orElseThrow();
        FilingAuthority authority = routing.authorityFor(organisation);
        Instant now = clock.instant();
        claim(id, expectedVersion, FilingState.DRAFT, FilingState.SUBMITTED, now);
        repository.markSubmitted(id, authority, now);
        repository.submitVersion(id, unit.currentVersionNo(), authority, actor.username(), now);
        events.publishEvent(new FilingEvent("filing.submitted", id, unit.currentVersionNo(),
                unit.kind() + " to " + authority.code()));
        return repository.find(id, operatorScope(actor)).orElseThrow();
    }

    /**
     * Files the decommissioning (退网备案) of a filed unit: its filed content with the lifecycle stage
     * RETIRED goes to the authority as a new version at once; the filed version stays in force until
     * the authority accepts it, after which the unit is retired and read-only.
     */
    @Transactional
    public NetworkUnit decommission(Actor actor, long id, int expectedVersion) {
        NetworkUnit unit = operated(actor, id);
        if (!unit.decommissionable()) {
            throw new ConflictException("filing.conflict.state", unit.state().name(), FilingState.FILED.name());
        }
        requireVersion(unit, expectedVersion);
        UnitContent c = unit.content();
        UnitContent retired = new UnitContent(c.name(), c.category(), c.description(), c.keyLocations(),
                c.responsiblePerson(), c.responsibleContact(), c.gradeLevel(), c.gradingReasoning(),
                c.gradingReviewedOn(), c.mainHardware(), c.securitySystems(), c.baseSoftware(),
                c.applicationSoftware(), c.protocolsAndPorts(), LifecycleStage.RETIRED, c.assets());
        Organisation organisation = organisations.findForRules(unit.organisationId()).orElseThrow();
        FilingAuthority authority = routing.authorityFor(organisation);
        Instant now = clock.instant();
        int versionNo = unit.currentVersionNo() + 1;
        if (!repository.updateContent(id, expectedVersion, retired, FilingState.SUBMITTED, FilingKind.DECOMMISSION,
                versionNo, deadlines.changeFilingDue(today()), now)) {
            throw new ConflictException("filing.conflict.stale");
        }
        repository.markSubmitted(id, authority, now);
        repository.insertVersion(id, versionNo, FilingState.DRAFT, FilingKind.DECOMMISSION, retired, authority,
                actor.username(), now);
        repository.submitVersion(id, versionNo, authority, actor.username(), now);
        events.publishEvent(new FilingEvent("filing.decommission.submitted", id, versionNo, authority.code()));
        return repository.find(id, operatorScope(actor)).orElseThrow();
    }

    // --- authority decisions ------------------------------------------------------------------

    /**
     * Accepts the submitted filing: a first filing gets its filing number
     * ({@code <authority code>-<year>-<6-digit sequence>}); an accepted change replaces the version in force.
     */
    @Transactional
    public NetworkUnit accept(Actor actor, long id, int expectedVersion) {
        NetworkUnit unit = reviewed(actor, id);
        if (unit.state() != FilingState.SUBMITTED) {
            throw new ConflictException("filing.conflict.state", unit.state().name(), FilingState.SUBMITTED.name());
        }
        requireVersion(unit, expectedVersion);
        Instant now = clock.instant();
        claim(id, expectedVersion, FilingState.SUBMITTED, FilingState.FILED, now);
        String number = unit.filingNumber() != null ? unit.filingNumber() : nextFilingNumber(unit.authority());
        if (unit.inForceVersionNo() != null) {
            repository.supersede(id, unit.inForceVersionNo());
        }
        repository.markFiled(id, unit.currentVersionNo(), number);
        repository.decideVersion(id, unit.currentVersionNo(), FilingState.FILED, actor.username(), now, null, number);
        events.publishEvent(new FilingEvent("filing.accepted", id, unit.currentVersionNo(), number));
        return repository.find(id, reviewScope(actor)).orElseThrow();
    }

    /** Returns the submitted filing for correction (补正) with the reasons, which are required. */
    @Transactional
    public NetworkUnit returnForCorrection(Actor actor, long id, int expectedVersion, String reasons) {
        NetworkUnit unit = reviewed(actor, id);
        String text = reasons == null ? "" : reasons.strip();
        if (text.isEmpty()) {
            throw new InvalidInputException("reasons", "filing.reasons.required");
        }
        if (text.length() > MAX_REASONS) {
            throw new InvalidInputException("reasons", "filing.field.tooLong", MAX_REASONS);
        }
        if (unit.state() != FilingState.SUBMITTED) {
            throw new ConflictException("filing.conflict.state", unit.state().name(), FilingState.SUBMITTED.name());
        }
        requireVersion(unit, expectedVersion);
        Instant now = clock.instant();
        claim(id, expectedVersion, FilingState.SUBMITTED, FilingState.RETURNED, now);
        repository.decideVersion(id, unit.currentVersionNo(), FilingState.RETURNED, actor.username(), now, text, null);
        events.publishEvent(new FilingEvent("filing.returned", id, unit.currentVersionNo(),
                text.length() > 200 ? text.substring(0, 200) : text));
        return repository.find(id, reviewScope(actor)).orElseThrow();
    }

    // --- bulk creation -----------------------------------------------------------------------

    /**
     * The one validation path of a unit's content, shared by single creation, editing and the bulk
     * upload: every bad field at once as {@link InvalidInputException}, nothing changed.
     */
    UnitContent validate(UnitInput input) {
        return UnitValidator.validate(input, today());
    }

    /**
     * Creates already validated units of the actor's own organisation as DRAFTs in one go (JDBC
     * batches for units, assets and versions), in the caller's transaction, with one audit event
     * for the whole upload.
     */
    @Transactional
    int createAll(Actor actor, List<UnitContent> contents, String source) {
        requireOperator(actor);
        Organisation organisation = ownOrganisation(actor);
        FilingAuthority authority = routing.authorityFor(organisation);
        Instant now = clock.instant();
        List<LocalDate> dues = contents.stream().map(c -> deadlines.filingDue(c.gradingReviewedOn())).toList();
        repository.insertAll(organisation.id(), authority, contents, dues, actor.username(), now);
        events.publishEvent(new FilingBulkUploaded(organisation.id(), contents.size(), source));
        return contents.size();
    }

    // --- helpers ----------------------------------------------------------------------------

    /** The registry is for operators and their regulators; administrators and inspectors have no list of it. */
    private void requireOperatorOrRegulator(Actor actor) {
        if (!operates(actor) && !actor.has(Role.MINISTRY_OFFICER) && !actor.has(Role.PROVINCIAL_OFFICER)) {
            throw new AccessDeniedException("network units are listed for operators and regulators only");
        }
    }

    void requireOperator(Actor actor) {
        if (!operates(actor)) {
            throw new AccessDeniedException("only operators create network units");
        }
    }

    private Organisation ownOrganisation(Actor actor) {
        return organisations.findForRules(actor.organisationId())
                .orElseThrow(() -> new NotFoundException("organisation", actor.organisationId()));
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    /**
     * The unit of the actor's organisation tree, if the operator may change it now (its content, its
     * attachments): 404 outside the tree, 409 while under review or once retired.
     */
    NetworkUnit editable(Actor actor, long id) {
        NetworkUnit unit = operated(actor, id);
        if (unit.state() == FilingState.SUBMITTED) {
            throw new ConflictException("filing.conflict.underReview");
        }
        if (unit.retired()) {
            throw new ConflictException("filing.conflict.retired");
        }
        return unit;
    }

    private NetworkUnit operated(Actor actor, long id) {
        return repository.find(id, operatorScope(actor)).orElseThrow(() -> new NotFoundException("network unit", id));
    }

    private NetworkUnit reviewed(Actor actor, long id) {
        return repository.find(id, reviewScope(actor)).orElseThrow(() -> new NotFoundException("filing", id));
    }

    private static void requireVersion(NetworkUnit unit, int expectedVersion) {
        if (unit.version() != expectedVersion) {
            throw new ConflictException("filing.conflict.stale");
        }
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

    private String nextFilingNumber(FilingAuthority authority) {
        int year = today().getYear();
        String code = authority.code();
        if (!repository.sequenceExists(code, year)) {
            // Created in its own transaction so that a lost race on the first number of a year does
            // not abort the decision's transaction (PostgreSQL aborts a transaction after any error).
            try {
                separateTransaction.executeWithoutResult(s -> repository.createSequence(code, year));
            } catch (DuplicateKeyException e) {
                // another node created it first
            }
        }
        return String.format("%s-%d-%06d", code, year, repository.nextSequence(code, year));
    }

    private static SqlScope operatorScope(Actor actor) {
        if (actor.has(Role.OPERATOR_ADMIN) || actor.has(Role.OPERATOR_STAFF)) {
            return actor.jurisdiction().organisationScope("u.organisation_id");
        }
        return new SqlScope("1 = 0", Map.of());
    }

    /** Operators: their organisation tree; regulators: their jurisdiction and what is routed to them. */
    private static SqlScope viewScope(Actor actor) {
        SqlScope own = actor.jurisdiction().organisationScope("u.organisation_id");
        if (actor.has(Role.PROVINCIAL_OFFICER) && actor.province() != null) {
            Map<String, Object> params = new HashMap<>(own.params());
            params.put("view_province", actor.province().code());
            return new SqlScope("(" + own.sql() + ") OR (u.authority_province_code = :view_province"
                    + " AND u.submitted_at IS NOT NULL)", params);
        }
        return own;
    }

    /** The filings routed to the actor's authority. */
    private static SqlScope reviewScope(Actor actor) {
        List<String> parts = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (actor.has(Role.MINISTRY_OFFICER)) {
            parts.add("u.authority_province_code IS NULL");
        }
        if (actor.has(Role.PROVINCIAL_OFFICER) && actor.province() != null) {
            parts.add("u.authority_province_code = :review_province");
            params.put("review_province", actor.province().code());
        }
        return parts.isEmpty() ? new SqlScope("1 = 0", Map.of()) : new SqlScope(String.join(" OR ", parts), params);
    }
}
