package org.inspectorate.draw;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.inspectorate.agency.Skill;
import org.inspectorate.draw.algorithm.DrawRules;
import org.inspectorate.draw.algorithm.Quota;
import org.inspectorate.organisation.Actor;
import org.inspectorate.system.InvalidInputException.FieldProblem;
import org.inspectorate.system.InvalidInputException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The draws' detailed rules (细则), versioned: a change is a new version under the same name, kept by the authority
 * that first stored the name (the Ministry's national rules, or a province's), and a draw is prepared under one
 * version, whose hash its commitment binds.
 */
@Service
public class DrawRuleVersions {

    private final DrawRulesRepository repository;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    DrawRuleVersions(DrawRulesRepository repository, ApplicationEventPublisher events, Clock clock) {
        this.repository = repository;
        this.events = events;
        this.clock = clock;
    }

    /** Every version of the rules the officer may draw under, by name and newest version first. */
    @Transactional(readOnly = true)
    public List<DrawRulesVersion> list(Actor actor) {
        requireManager(actor);
        return repository.allRules(DrawAccess.usableRules(actor));
    }

    /** Stores a new version of the named rules (the next number after the latest). */
    @Transactional
    public DrawRulesVersion save(Actor actor, RulesInput input) {
        requireManager(actor);
        List<FieldProblem> problems = new ArrayList<>();
        String name = input.name() == null ? "" : input.name().strip();
        if (!name.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,99}")) {
            problems.add(new FieldProblem("name", "draw.rules.name.invalid"));
        }
        int sample = DrawInputs.number(input.sampleSize(), "sampleSize", 1, 100_000, problems);
        int team = DrawInputs.number(input.teamSize(), "teamSize", 2, 20, problems);
        int perAgency = DrawInputs.number(input.maxTargetsPerAgency(), "maxTargetsPerAgency", 1, 100_000, problems);
        int lookback = DrawInputs.number(input.conflictLookbackYears(), "conflictLookbackYears", 0, 50, problems);
        int recent = DrawInputs.number(input.recentInspectionMonths(), "recentInspectionMonths", 0, 120, problems);
        Set<String> required = new TreeSet<>();
        for (String s : input.requiredSkills()) {
            DrawInputs.skill(s, "requiredSkills", problems).ifPresent(k -> required.add(k.name()));
        }
        Optional<Skill> leader = DrawInputs.skill(input.leaderSkill(), "leaderSkill", problems);
        List<Quota> quotas = QuotaText.parse(input.quotas(), problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Optional<String> existing = repository.rulesOwner(name);
        if (existing.isPresent() && !DrawAccess.mayExtendRules(actor, existing.get())) {
            throw new InvalidInputException("name", "draw.rules.name.otherAuthority");
        }
        // a name keeps the authority that first stored it ("" for the Ministry's national rules)
        String owner = existing.isPresent() ? (existing.get().isEmpty() ? null : existing.get())
                : DrawAccess.ownProvince(actor).orElse(null);
        int version = repository.latestRulesVersion(name) + 1;
        DrawRules rules;
        try {
            rules = new DrawRules(name, version, sample, quotas, team, required, leader.get().name(), perAgency, lookback,
                    recent);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("quotas", "draw.rules.invalid", e.getMessage());
        }
        long id = repository.insertRules(rules, owner, actor.username(), clock.instant());
        events.publishEvent(new DrawRulesSaved(name, version, rules.hash()));
        return repository.rules(id).orElseThrow();
    }

    private static void requireManager(Actor actor) {
        if (!DrawAccess.mayManageDraws(actor)) {
            throw new AccessDeniedException("only regulators' officers run draws");
        }
    }
}
