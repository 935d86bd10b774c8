package org.inspectorate.draw;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.inspectorate.agency.Skill;
import org.inspectorate.draw.algorithm.DoubleRandomDraw;
import org.inspectorate.filing.NetworkCategory;
import org.inspectorate.organisation.Actor;
import org.inspectorate.organisation.OrganisationType;
import org.inspectorate.organisation.Province;
import org.inspectorate.system.InvalidInputException.FieldProblem;
import org.inspectorate.system.InvalidInputException;
import org.springframework.stereotype.Component;

/**
 * Turns what officers type into what a draw stores, or every problem per field ({@link InvalidInputException}): a
 * draw's preparation ({@link #plan}), the witnesses' entropy of a run ({@link #witnesses}), and the numbers and skills
 * of rules.
 */
@Component
class DrawInputs {

    static final int MAX_TITLE = 200;

    private static final List<String> GRADES = List.of("1", "2", "3.1", "3.2", "4", "5");

    private final DrawRulesRepository repository;
    private final Clock clock;

    DrawInputs(DrawRulesRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    /** A draw's preparation, checked; a provincial officer's draw is of their own province. */
    DrawPlan plan(Actor actor, DrawInput in) {
        List<FieldProblem> problems = new ArrayList<>();
        String title = in.title() == null ? "" : in.title().strip();
        if (title.isEmpty()) {
            problems.add(new FieldProblem("title", "draw.field.required"));
        } else if (title.length() > MAX_TITLE) {
            problems.add(new FieldProblem("title", "draw.field.tooLong", MAX_TITLE));
        }
        long rulesId = 0;
        try {
            rulesId = Long.parseLong(in.rulesId() == null ? "" : in.rulesId().strip());
            if (repository.rules(rulesId, DrawAccess.usableRules(actor)).isEmpty()) {
                problems.add(new FieldProblem("rulesId", "draw.rules.unknown"));
            }
        } catch (NumberFormatException e) {
            problems.add(new FieldProblem("rulesId", "draw.field.required"));
        }
        String province = blank(in.province());
        if (DrawAccess.drawsInOwnProvinceOnly(actor)) {
            String own = DrawAccess.ownProvince(actor).orElse(null);
            if (province != null && !province.equals(own)) {
                problems.add(new FieldProblem("province", "draw.province.own"));
            }
            province = own;
        } else if (province != null && Province.ofCode(province).isEmpty()) {
            problems.add(new FieldProblem("province", "draw.province.invalid"));
        }
        String type = blank(in.operatorType());
        if (type != null) {
            try {
                if (!OrganisationType.valueOf(type).isOperator()) {
                    problems.add(new FieldProblem("operatorType", "draw.operatorType.invalid"));
                }
            } catch (IllegalArgumentException e) {
                problems.add(new FieldProblem("operatorType", "draw.operatorType.invalid"));
            }
        }
        String category = blank(in.category());
        if (category != null) {
            try {
                NetworkCategory.valueOf(category);
            } catch (IllegalArgumentException e) {
                problems.add(new FieldProblem("category", "draw.category.invalid"));
            }
        }
        String grade = blank(in.gradeLevel());
        if (grade != null && !GRADES.contains(grade)) {
            problems.add(new FieldProblem("gradeLevel", "draw.gradeLevel.invalid"));
        }
        EnumSet<Skill> skills = EnumSet.noneOf(Skill.class);
        for (String s : in.inspectorSkills()) {
            skill(s, "inspectorSkills", problems).ifPresent(skills::add);
        }
        LocalDate date = null;
        if (blank(in.drawDate()) == null) {
            problems.add(new FieldProblem("drawDate", "draw.field.required"));
        } else {
            try {
                date = LocalDate.parse(in.drawDate().strip());
                if (date.isBefore(LocalDate.now(clock))) {
                    problems.add(new FieldProblem("drawDate", "draw.date.past", date));
                }
            } catch (DateTimeParseException e) {
                problems.add(new FieldProblem("drawDate", "draw.date.invalid"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        String skillText = skills.stream().map(Skill::name).collect(Collectors.joining(","));
        return new DrawPlan(title, province, rulesId, province, type, category, grade,
                skillText.isEmpty() ? null : skillText, date);
    }

    /** The witnesses' entropy of a run, one non-blank line each, within the algorithm's limits. */
    static List<String> witnesses(String text) {
        List<String> out = new ArrayList<>();
        if (text != null) {
            for (String line : text.split("\\R")) {
                String w = line.strip();
                if (!w.isEmpty()) {
                    out.add(w);
                }
            }
        }
        if (out.size() > DoubleRandomDraw.MAX_WITNESS_ENTRIES
                || out.stream().anyMatch(w -> w.length() > DoubleRandomDraw.MAX_WITNESS_LENGTH)) {
            throw new InvalidInputException("witnessEntropy", "draw.witness.invalid",
                    DoubleRandomDraw.MAX_WITNESS_ENTRIES, DoubleRandomDraw.MAX_WITNESS_LENGTH);
        }
        return out;
    }

    static Optional<Skill> skill(String s, String field, List<FieldProblem> problems) {
        try {
            return Optional.of(Skill.valueOf(s == null ? "" : s.strip()));
        } catch (IllegalArgumentException e) {
            problems.add(new FieldProblem(field, "draw.skill.invalid", s));
            return Optional.empty();
        }
    }

    static int number(String s, String field, int min, int max, List<FieldProblem> problems) {
        try {
            int v = Integer.parseInt(s == null ? "" : s.strip());
            if (v < min || v > max) {
                problems.add(new FieldProblem(field, "draw.number.range", min, max));
            }
            return v;
        } catch (NumberFormatException e) {
            problems.add(new FieldProblem(field, "draw.number.invalid"));
            return 0;
        }
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
