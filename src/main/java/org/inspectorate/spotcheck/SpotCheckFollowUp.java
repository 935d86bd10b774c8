package org.inspectorate.spotcheck;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.inspectorate.organisation.Actor;
import org.inspectorate.organisation.Jurisdiction.SqlScope;
import org.inspectorate.organisation.Role;
import org.inspectorate.system.ConflictException;
import org.inspectorate.system.InvalidInputException;
import org.inspectorate.system.InvalidInputException.FieldProblem;
import org.inspectorate.system.Keyset;
import org.inspectorate.system.NotFoundException;
import org.inspectorate.system.PageResult;
import org.inspectorate.system.Total;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What follows from the checks: the Ministry's list of major problems (重大问题, a province sees its own) with the
 * authority's assessments, and the operator's declaration of the team's discipline (检查纪律) after a check — a breach
 * read only by the authority's leadership and the Ministry, never by the team.
 */
@Service
public class SpotCheckFollowUp {

    static final int MAX_PAGE = 100;
    static final int MAX_BREACHES = 200;

    private final SpotChecks checks;
    private final SpotCheckWorkRepository repository;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    SpotCheckFollowUp(SpotChecks checks, SpotCheckWorkRepository repository, ApplicationEventPublisher events,
            Clock clock) {
        this.checks = checks;
        this.repository = repository;
        this.events = events;
        this.clock = clock;
    }

    /**
     * The major problems the actor reads, newest first: a page of at most {@value #MAX_PAGE} after the cursor (its
     * value the instant marked major). Showing them is audited. Anyone but a regulator: 404 (no such list).
     */
    @Transactional
    public PageResult<CheckFinding> majorProblems(Actor actor, Keyset after, int size) {
        if (!SpotCheckAccess.maySeeMajorProblems(actor)) {
            throw new NotFoundException("major problems", "list");
        }
        int limit = Math.max(1, Math.min(size, MAX_PAGE));
        Instant afterAt = null;
        Long afterId = null;
        if (after != null) {
            try {
                afterAt = Instant.parse(after.value());
                afterId = after.id();
            } catch (java.time.format.DateTimeParseException e) {
                throw new InvalidInputException("after", "spotcheck.field.cursor");
            }
        }
        List<CheckFinding> rows = repository.majorProblems(SpotCheckAccess.majorProblems(actor), afterAt, afterId,
                limit + 1);
        Keyset next = null;
        if (rows.size() > limit) {
            rows = new ArrayList<>(rows.subList(0, limit));
            CheckFinding last = rows.get(limit - 1);
            next = new Keyset(last.majorAt().toString(), last.findingId());
        }
        events.publishEvent(new MajorProblemsViewed(rows.size()));
        return new PageResult<>(List.copyOf(rows), 0, limit, Total.exact(rows.size()), next);
    }

    /** The check's authority adds (or replaces) its assessment of a major problem (研判意见). */
    @Transactional
    public CheckFinding assess(Actor actor, long checkId, long findingId, String text) {
        SpotCheckView check = checks.get(actor, checkId);
        CheckFinding f = repository.finding(checkId, findingId).filter(CheckFinding::major)
                .orElseThrow(() -> new NotFoundException("major problem", findingId));
        if (!SpotCheckAccess.isAuthority(actor, check)) {
            throw new AccessDeniedException("only the check's authority assesses its major problems");
        }
        List<FieldProblem> problems = new ArrayList<>();
        String assessment = SpotCheckWork.text("assessment", text, 2000, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        repository.assess(f.findingId(), assessment, actor.username(), clock.instant());
        events.publishEvent(new MajorProblemAssessed(checkId, findingId));
        return repository.finding(checkId, findingId).orElseThrow();
    }

    // --- discipline --------------------------------------------------------------------------------

    /**
     * The target operator declares, once the check is reported, that no fee was charged and no product or service
     * required of it — or reports a breach ({@code breach} with its text).
     */
    @Transactional
    public DisciplineDeclaration declare(Actor actor, long checkId, boolean breach, String text) {
        SpotCheckView check = checks.get(actor, checkId);
        if (!SpotCheckAccess.mayAnswer(actor, check)) {
            throw new AccessDeniedException("only the inspected operator declares the team's discipline");
        }
        if (check.state() != SpotCheckState.REPORTED) {
            throw new ConflictException("spotcheck.conflict.notReported", check.state().name());
        }
        List<FieldProblem> problems = new ArrayList<>();
        String breachText = breach ? SpotCheckWork.text("breachText", text, 4000, problems) : null;
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        DisciplineDeclaration d = new DisciplineDeclaration(checkId, breach, breachText, actor.username(),
                clock.instant());
        if (!repository.declare(d)) {
            throw new ConflictException("spotcheck.conflict.declared");
        }
        events.publishEvent(breach ? new DisciplineBreachReported(checkId, check.authorityProvinceCode())
                : new DisciplineConfirmed(checkId));
        return d;
    }

    /**
     * The check's declaration as the actor may read it: the breach's text only for the authority's leadership and
     * the Ministry; the operator that declared it reads its own; anyone else (the team) nothing of it.
     */
    @Transactional
    public Optional<DisciplineDeclaration> discipline(Actor actor, SpotCheckView check) {
        Optional<DisciplineDeclaration> d = repository.discipline(check.id());
        if (d.isEmpty() || SpotCheckAccess.maySeeBreaches(actor, check) || SpotCheckAccess.isTarget(actor, check)) {
            return d;
        }
        return Optional.empty();
    }

    /** The breach reports of the checks whose authority the actor leads (404 for anyone else); audited. */
    @Transactional
    public List<DisciplineDeclaration> breaches(Actor actor) {
        if (!actor.regulates() || actor.has(Role.INSPECTOR)) {
            throw new NotFoundException("discipline breaches", "list");
        }
        SqlScope scope = actor.nationwide() ? new SqlScope("1 = 1", Map.of())
                : new SqlScope("s.authority_province_code = :b_province", Map.of("b_province", actor.province().code()));
        List<DisciplineDeclaration> rows = repository.breaches(scope, MAX_BREACHES);
        events.publishEvent(new DisciplineBreachesViewed(rows.size()));
        return rows;
    }
}
