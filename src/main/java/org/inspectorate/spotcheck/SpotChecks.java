package org.inspectorate.spotcheck;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.inspectorate.agency.Agencies;
import org.inspectorate.agency.Clearance;
import org.inspectorate.draw.PlannedChecks;
import org.inspectorate.draw.PlannedSpotCheck;
import org.inspectorate.draw.PublishedCheck;
import org.inspectorate.filing.NetworkUnits;
import org.inspectorate.organisation.Actor;
import org.inspectorate.organisation.Jurisdiction.SqlScope;
import org.inspectorate.organisation.Organisation;
import org.inspectorate.organisation.Organisations;
import org.inspectorate.organisation.UserAccounts;
import org.inspectorate.system.AuditableEvent;
import org.inspectorate.system.ConflictException;
import org.inspectorate.system.InvalidInputException;
import org.inspectorate.system.InvalidInputException.FieldProblem;
import org.inspectorate.system.Keyset;
import org.inspectorate.system.NotFoundException;
import org.inspectorate.system.PageResult;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Spot checks (抽查): the module's public API. Each planned check of a published draw becomes a check
 * ({@link #takeOverDraw}); an authority may create one outside a draw with a reason; the authority or the leader
 * schedules it (the operator sees it from then on), the leader starts and reports it, the authority cancels it.
 * Each change reads: gate and scope ({@link SpotCheckGate}, 404 outside) → {@link SpotCheckAccess} → the
 * {@link SpotCheck} act → save under the version → publish the act's event. The work of a check (authorisations,
 * findings, notices, major problems, discipline) is {@link SpotCheckWork}'s.
 */
@Service
public class SpotChecks {

    static final int MAX_PAGE = 100;

    private final SpotCheckRepository repository;
    private final SpotCheckGate gate;
    private final PlannedChecks plannedChecks;
    private final Organisations organisations;
    private final NetworkUnits units;
    private final Agencies agencies;
    private final UserAccounts accounts;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    SpotChecks(SpotCheckRepository repository, SpotCheckGate gate, PlannedChecks plannedChecks, Organisations organisations,
            NetworkUnits units, Agencies agencies, UserAccounts accounts, ApplicationEventPublisher events, Clock clock) {
        this.accounts = accounts;
        this.repository = repository;
        this.gate = gate;
        this.plannedChecks = plannedChecks;
        this.organisations = organisations;
        this.units = units;
        this.agencies = agencies;
        this.events = events;
        this.clock = clock;
    }

    // --- reading ------------------------------------------------------------------------------

    /** The check if the actor may see it now (the gate asked afresh); otherwise {@link NotFoundException}. */
    @Transactional
    public SpotCheckView get(Actor actor, long id) {
        return repository.find(id, gate.scope(actor)).orElseThrow(() -> new NotFoundException("spot check", id));
    }

    /** As {@link #get}, for a page or the API showing the check: the view is audited. */
    @Transactional
    public SpotCheckView view(Actor actor, long id, int findings) {
        SpotCheckView check = get(actor, id);
        events.publishEvent(new SpotCheckViewed(id, findings));
        return check;
    }

    /**
     * The checks the actor sees, newest first, {@code size} (at most {@value #MAX_PAGE}) after the cursor, with a
     * bounded total; showing them is audited.
     */
    @Transactional
    public PageResult<SpotCheckView> list(Actor actor, SpotCheckQuery query, Keyset after, int size) {
        if (!SpotCheckAccess.hasChecks(actor)) {
            throw new NotFoundException("spot checks", "list");
        }
        int limit = Math.max(1, Math.min(size, MAX_PAGE));
        SqlScope scope = gate.scope(actor);
        List<SpotCheckView> rows = repository.page(scope, query, after == null ? null : after.id(), limit + 1);
        Keyset next = null;
        if (rows.size() > limit) {
            rows = rows.subList(0, limit);
            next = new Keyset("", rows.get(limit - 1).id());
        }
        if (!rows.isEmpty()) {
            events.publishEvent(new SpotChecksListed(query.outsideDraw() == Boolean.TRUE ? "outside-draw" : "checks",
                    rows.size()));
        }
        return new PageResult<>(List.copyOf(rows), 0, limit, repository.count(scope, query), next);
    }

    /**
     * Each province's progress (抽查进度) against the notice's minimum — its basic telecom companies plus at least ten
     * value-added enterprises — from the checks of operators of the province: the Ministry every province (all 31
     * rows), a provincial officer its own; anyone else 404. One grouped read of the checks; viewing it is audited.
     */
    @Transactional
    public List<ProvinceProgress> progress(Actor actor) {
        List<ProvinceProgress> rows = progressRows(actor);
        events.publishEvent(new SpotChecksListed("progress", rows.size()));
        return rows;
    }

    /** The progress as an XLSX download: the same rows and jurisdiction as the page; the export is audited. */
    @Transactional
    public List<ProvinceProgress> exportProgress(Actor actor) {
        List<ProvinceProgress> rows = progressRows(actor);
        events.publishEvent(new SpotCheckProgressExported(rows.size()));
        return rows;
    }

    private List<ProvinceProgress> progressRows(Actor actor) {
        if (!SpotCheckAccess.maySeeMajorProblems(actor)) {
            throw new NotFoundException("spot-check progress", "list");
        }
        SqlScope scope = actor.nationwide() ? new SqlScope("s.check_state <> 'CANCELLED'", Map.of())
                : new SqlScope("s.check_state <> 'CANCELLED' AND s.target_province_code = :p_province",
                        Map.of("p_province", actor.province().code()));
        Map<String, ProvinceProgress.Builder> byProvince = new java.util.LinkedHashMap<>();
        Map<String, Long> targets = organisations.countByProvinceUnscoped(
                org.inspectorate.organisation.OrganisationType.BASIC_TELECOM_PROVINCIAL);
        for (org.inspectorate.organisation.Province p : org.inspectorate.organisation.Province.values()) {
            if (actor.nationwide() || p == actor.province()) {
                byProvince.put(p.code(), new ProvinceProgress.Builder(p.code(), targets.getOrDefault(p.code(), 0L)));
            }
        }
        for (SpotCheckRepository.ProgressRow r : repository.progress(scope)) {
            ProvinceProgress.Builder b = byProvince.get(r.province());
            if (b != null) {
                b.add(r.operatorType(), r.state(), r.checks());
            }
        }
        return byProvince.values().stream().map(ProvinceProgress.Builder::build).toList();
    }

    /** Each team member's clearance today, for the leader and the authority; a lapse seen here is told once. */
    @Transactional
    public Map<Long, Clearance> teamClearance(Actor actor, SpotCheckView check) {
        if (!SpotCheckAccess.isAuthority(actor, check) && !SpotCheckAccess.isLeader(actor, check)) {
            return Map.of();
        }
        return gate.team(check);
    }

    /** The lapses recorded on the check, for the leader and the authority; empty for anyone else. */
    @Transactional(readOnly = true)
    public List<ClearanceLapse> lapses(Actor actor, SpotCheckView check) {
        if (!SpotCheckAccess.isAuthority(actor, check) && !SpotCheckAccess.isLeader(actor, check)) {
            return List.of();
        }
        return repository.lapses(check.id());
    }

    /** Display names of the inspectors and the target of checks, for pages. */
    @Transactional(readOnly = true)
    public Names names(List<SpotCheckView> checks) {
        List<Long> users = checks.stream().flatMap(c -> c.team().stream()).distinct().toList();
        List<Long> targets = checks.stream().map(SpotCheckView::targetOrganisationId).distinct().toList();
        return new Names(organisations.namesUnscoped(targets), users.isEmpty() ? Map.of()
                : accounts.labelsUnscoped(users));
    }

    /** Operators' names by id, for a list that shows them (the major problems). */
    @Transactional(readOnly = true)
    public Map<Long, String> operatorNames(java.util.Collection<Long> ids) {
        return organisations.namesUnscoped(ids);
    }

    /** The names of the check's units in scope, by id (the check already read through the gate). */
    @Transactional(readOnly = true)
    public Map<Long, String> unitNames(SpotCheckView check) {
        Map<Long, String> out = new java.util.LinkedHashMap<>();
        for (Long unit : check.targetUnitIds()) {
            out.put(unit, units.findUnscoped(unit).map(u -> u.content().name()).orElse("#" + unit));
        }
        return out;
    }

    /** Names for display: targets by organisation id, inspectors by user id. */
    public record Names(Map<Long, String> targets, Map<Long, String> inspectors) {

        public String target(long id) {
            return targets.getOrDefault(id, "#" + id);
        }

        public String inspector(long id) {
            return inspectors.getOrDefault(id, "#" + id);
        }
    }

    // --- from a draw --------------------------------------------------------------------------

    /**
     * Takes over a published draw's planned checks in force: each becomes a PLANNED spot check with its target, the
     * target's units drawn and the team; a check of this draw whose planned check a re-draw cancelled is cancelled
     * too if it has not started. Run again after a later publication, it adds only what is new.
     */
    @Transactional
    public int takeOverDraw(long drawId) {
        List<PublishedCheck> inForce = plannedChecks.publishedChecksUnscoped(drawId);
        List<SpotCheckView> existing = repository.ofDraw(drawId);
        Set<Long> taken = new java.util.HashSet<>();
        existing.forEach(c -> taken.add(c.plannedCheckId()));
        Set<Long> current = new java.util.HashSet<>();
        Instant now = clock.instant();
        int created = 0;
        for (PublishedCheck p : inForce) {
            PlannedSpotCheck c = p.check();
            current.add(c.id());
            if (taken.contains(c.id())) {
                continue;
            }
            Organisation target = organisations.findUnscoped(c.targetOrganisationId()).orElseThrow();
            SpotCheckView row = new SpotCheckView(0, c.id(), drawId, c.targetOrganisationId(),
                    target.province() == null ? null : target.province().code(), List.of(c.targetUnitId()),
                    p.authorityProvinceCode(), c.leaderUserId(), c.memberUserIds(), SpotCheckState.PLANNED, Set.of(),
                    c.plannedOn(), null, null, null, null, null, null, null, null, "draw:" + drawId, now, 0);
            long id = repository.insert(row, target.type().name(), now);
            events.publishEvent(new SpotCheckCreated(id, c.id(), drawId, c.targetOrganisationId(), null));
            created++;
        }
        for (SpotCheckView c : existing) {
            if (!current.contains(c.plannedCheckId()) && SpotCheck.restore(c).allows(SpotCheck.Act.CANCEL)) {
                SpotCheck check = SpotCheck.restore(c);
                save(check, check.cancel("re-draw (重新抽取) of draw " + drawId), now);
            }
        }
        return created;
    }

    // --- outside a draw -------------------------------------------------------------------------

    /** Refuses (403) anyone who may not create a check outside a draw, before the form is shown. */
    public void requireCreator(Actor actor) {
        if (!SpotCheckAccess.mayCreate(actor)) {
            throw new AccessDeniedException("only the Ministry's and provincial officers create spot checks");
        }
    }

    /**
     * Creates a check outside a draw (listed apart): the reason is required and recorded; the operator must be in the
     * actor's jurisdiction, the units its own, the team inspectors cleared today. The authority is the actor's
     * (the Ministry, or the officer's province).
     */
    @Transactional
    public SpotCheckView create(Actor actor, NewSpotCheck in) {
        requireCreator(actor);
        List<FieldProblem> problems = new ArrayList<>();
        String reason = in.reason() == null ? "" : in.reason().strip();
        if (reason.isEmpty()) {
            problems.add(new FieldProblem("reason", "spotcheck.outside.reasonRequired"));
        } else if (reason.length() > SpotCheck.MAX_REASON) {
            problems.add(new FieldProblem("reason", "spotcheck.field.tooLong", SpotCheck.MAX_REASON));
        }
        Organisation target = target(actor, in.organisationId(), problems);
        List<Long> unitIds = ids("unitIds", in.unitIds(), problems);
        if (target != null) {
            for (Long unit : unitIds) {
                if (units.findUnscoped(unit).filter(u -> u.organisationId() == target.id()).isEmpty()) {
                    problems.add(new FieldProblem("unitIds", "spotcheck.unit.notTargets", unit));
                }
            }
        }
        if (unitIds.isEmpty() && !problems.stream().anyMatch(p -> "unitIds".equals(p.field()))) {
            problems.add(new FieldProblem("unitIds", "spotcheck.field.required"));
        }
        List<Long> leader = ids("leaderUserId", in.leaderUserId(), problems);
        List<Long> members = ids("memberUserIds", in.memberUserIds(), problems);
        if (leader.size() != 1) {
            problems.add(new FieldProblem("leaderUserId", "spotcheck.field.required"));
        }
        cleared("leaderUserId", leader, problems);
        cleared("memberUserIds", members, problems);
        LocalDate plannedOn = date("plannedOn", in.plannedOn(), problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Instant now = clock.instant();
        List<Long> team = members.stream().filter(m -> !m.equals(leader.get(0))).distinct().toList();
        SpotCheckView row = new SpotCheckView(0, null, null, target.id(),
                target.province() == null ? null : target.province().code(), unitIds,
                actor.nationwide() ? null : actor.province().code(), leader.get(0), team, SpotCheckState.PLANNED,
                Set.of(), plannedOn, null, null, null, reason, null, null, null, null, actor.username(), now, 0);
        long id = repository.insert(row, target.type().name(), now);
        events.publishEvent(new SpotCheckCreated(id, null, null, target.id(), reason));
        return get(actor, id);
    }

    private Organisation target(Actor actor, String text, List<FieldProblem> problems) {
        List<Long> id = ids("organisationId", text, problems);
        if (id.size() != 1) {
            problems.add(new FieldProblem("organisationId", "spotcheck.field.required"));
            return null;
        }
        try {
            return organisations.operatorInJurisdiction(actor, id.get(0));
        } catch (NotFoundException e) {
            problems.add(new FieldProblem("organisationId", "spotcheck.target.outsideJurisdiction", id.get(0)));
            return null;
        }
    }

    private void cleared(String field, List<Long> users, List<FieldProblem> problems) {
        LocalDate today = LocalDate.now(clock);
        for (Long user : users) {
            Clearance c = agencies.clearance(user, today);
            if (!c.valid()) {
                problems.add(new FieldProblem(field, "spotcheck.team.notCleared." + c.lapse(), user));
            }
        }
    }

    static List<Long> ids(String field, String text, List<FieldProblem> problems) {
        List<Long> out = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return out;
        }
        for (String part : text.split("[,\\s]+")) {
            if (part.isBlank()) {
                continue;
            }
            try {
                out.add(Long.parseLong(part.strip()));
            } catch (NumberFormatException e) {
                problems.add(new FieldProblem(field, "spotcheck.field.notANumber", part.strip()));
            }
        }
        return out;
    }

    static LocalDate date(String field, String text, List<FieldProblem> problems) {
        if (text == null || text.isBlank()) {
            problems.add(new FieldProblem(field, "spotcheck.field.required"));
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            problems.add(new FieldProblem(field, "spotcheck.field.date", text.strip()));
            return null;
        }
    }

    // --- the life of a check -----------------------------------------------------------------------

    /** Sets or changes the methods, schedule and documents to prepare (the authority or the leader). */
    @Transactional
    public SpotCheckView schedule(Actor actor, long id, int version, ScheduleInput in) {
        List<FieldProblem> problems = new ArrayList<>();
        Set<InspectionMethod> methods = EnumSet.noneOf(InspectionMethod.class);
        for (String m : in.methods()) {
            try {
                methods.add(InspectionMethod.valueOf(m.strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                problems.add(new FieldProblem("methods", "spotcheck.field.unknownValue", m));
            }
        }
        LocalDate from = in.startsOn() == null || in.startsOn().isBlank() ? null : date("startsOn", in.startsOn(), problems);
        LocalDate until = in.endsOn() == null || in.endsOn().isBlank() ? null : date("endsOn", in.endsOn(), problems);
        return act(actor, id, version, SpotCheckAccess::maySchedule, check -> {
            if (!problems.isEmpty()) {
                throw new InvalidInputException(problems);
            }
            return check.schedule(methods, from, until, in.documents(), LocalDate.now(clock), clock.instant());
        });
    }

    /** The leader starts the inspection; the day goes onto the draw's planned check too ("last inspected"). */
    @Transactional
    public SpotCheckView start(Actor actor, long id, int version) {
        SpotCheckView after = act(actor, id, version, SpotCheckAccess::mayLead,
                check -> check.start(LocalDate.now(clock)));
        if (after.plannedCheckId() != null) {
            plannedChecks.recordStart(after.plannedCheckId(), after.startedOn());
        }
        return after;
    }

    /** The leader reports the inspection finished. */
    @Transactional
    public SpotCheckView report(Actor actor, long id, int version) {
        return act(actor, id, version, SpotCheckAccess::mayLead, check -> check.report(LocalDate.now(clock)));
    }

    /** The authority cancels the check before it starts, with a reason. */
    @Transactional
    public SpotCheckView cancel(Actor actor, long id, int version, String reason) {
        return act(actor, id, version, SpotCheckAccess::mayCancel, check -> check.cancel(reason));
    }

    interface Allowed {
        boolean test(Actor actor, SpotCheckView check);
    }

    interface Move {
        AuditableEvent take(SpotCheck check);
    }

    private SpotCheckView act(Actor actor, long id, int version, Allowed allowed, Move move) {
        SpotCheckView before = get(actor, id);
        if (!allowed.test(actor, before)) {
            throw new AccessDeniedException("not permitted on spot check " + id);
        }
        if (version >= 0 && before.version() != version) {
            throw new ConflictException("spotcheck.conflict.stale");
        }
        SpotCheck check = SpotCheck.restore(before);
        save(check, move.take(check), clock.instant());
        return get(actor, id);
    }

    private void save(SpotCheck check, AuditableEvent event, Instant now) {
        if (!repository.save(check.view(), now)) {
            throw new ConflictException("spotcheck.conflict.stale");
        }
        events.publishEvent(event);
    }
}
