package org.inspectorate.scoring;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.inspectorate.scoring.ScoreCalculator.Mark;
import org.inspectorate.system.InvalidInputException;
import org.inspectorate.system.InvalidInputException.FieldProblem;

/**
 * A mark as a form or the API sends it, as text: numbers that do not read are bad input on their own field.
 * {@code findingIds} is a list of finding ids separated by commas or spaces.
 */
public record MarkInput(String occurrences, String fraction, String score, boolean vetoed, String reason,
        String findingIds) {

    /** The mark this input says; invalid input naming each field that does not read. */
    public Mark toMark() {
        List<FieldProblem> problems = new ArrayList<>();
        Integer occ = null;
        BigDecimal frac = null;
        BigDecimal given = null;
        try {
            occ = blank(occurrences) ? null : Integer.valueOf(occurrences.strip());
        } catch (NumberFormatException e) {
            problems.add(new FieldProblem("occurrences", "scoring.mark.notNumber"));
        }
        try {
            frac = blank(fraction) ? null : new BigDecimal(fraction.strip());
        } catch (NumberFormatException e) {
            problems.add(new FieldProblem("fraction", "scoring.mark.notNumber"));
        }
        try {
            given = blank(score) ? null : new BigDecimal(score.strip());
        } catch (NumberFormatException e) {
            problems.add(new FieldProblem("score", "scoring.mark.notNumber"));
        }
        List<Long> ids = new ArrayList<>();
        if (!blank(findingIds)) {
            for (String part : findingIds.strip().split("[,\\s]+")) {
                try {
                    ids.add(Long.valueOf(part));
                } catch (NumberFormatException e) {
                    problems.add(new FieldProblem("findingIds", "scoring.mark.findingIds"));
                    break;
                }
            }
            if (ids.size() > 50) {
                problems.add(new FieldProblem("findingIds", "scoring.mark.findingIds"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new Mark(occ, frac, given, vetoed, reason, ids);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
