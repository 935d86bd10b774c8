package org.inspectorate.scoring;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.inspectorate.scoring.ScoringStandard.Category;
import org.inspectorate.scoring.ScoringStandard.Item;
import org.inspectorate.scoring.ScoringStandard.ItemKind;
import org.inspectorate.system.InvalidInputException.FieldProblem;

/**
 * The score of a sheet against its standard (计分), in exact decimal arithmetic: plain Java, no Spring, no state.
 *
 * <ul>
 * <li>A DEDUCTION item scores its points less {@code deduction × occurrences}, never below its floor; the team may
 * instead give the score itself, which must lie between the floor and the points.</li>
 * <li>A FRACTION item scores {@code points × fraction} for one of its allowed fractions (or a score equal to
 * one).</li>
 * <li>A VETO item scores nothing; triggered, it sets the total to the standard's veto floor, or leaves it where
 * it is when the sum is already lower (a veto never raises a score).</li>
 * <li>Anything below full points, and any triggered veto, needs a reason.</li>
 * </ul>
 * Scores carry at most two decimals.
 */
public final class ScoreCalculator {

    /** The most a reason may say. */
    public static final int MAX_REASON = 2000;
    /** The most occurrences one mark may count. */
    public static final int MAX_OCCURRENCES = 1000;
    private static final int SCALE = 2;

    private ScoreCalculator() {
    }

    /**
     * The team's mark of one item (评分).
     *
     * @param occurrences how often the deduction applies (DEDUCTION items), or null
     * @param fraction    the fraction of the points awarded (FRACTION items), or null
     * @param score       the score itself instead (DEDUCTION or FRACTION items), or null
     * @param vetoed      whether the veto is triggered (VETO items)
     * @param reason      why (required below full points and for a triggered veto)
     * @param findingIds  findings of the register the mark rests on
     */
    public record Mark(Integer occurrences, BigDecimal fraction, BigDecimal score, boolean vetoed, String reason,
            List<Long> findingIds) {
        public Mark {
            findingIds = findingIds == null ? List.of() : List.copyOf(findingIds);
            reason = reason == null ? "" : reason.strip();
        }
    }

    /** A category's score against its points. */
    public record CategoryScore(String code, BigDecimal points, BigDecimal score) {
    }

    /**
     * A sheet's score: the sum of the items marked, the total after any veto, the vetoes triggered, each category's
     * and each item's score, and the items still without a mark (the sheet is complete when there are none).
     */
    public record SheetScore(BigDecimal points, BigDecimal sum, BigDecimal total, List<String> vetoedBy,
            List<CategoryScore> categories, Map<String, BigDecimal> items, List<String> unmarked) {
        public boolean complete() {
            return unmarked.isEmpty();
        }
    }

    /** The problems of {@code mark} for {@code item}, field by field (empty when it is valid). */
    public static List<FieldProblem> check(Item item, Mark mark) {
        List<FieldProblem> problems = new ArrayList<>();
        switch (item.kind()) {
            case DEDUCTION -> checkDeduction(item, mark, problems);
            case FRACTION -> checkFraction(item, mark, problems);
            case VETO -> {
                if (mark.occurrences() != null || mark.fraction() != null || mark.score() != null) {
                    problems.add(new FieldProblem("score", "scoring.mark.vetoOnly"));
                }
            }
        }
        if (problems.isEmpty()) {
            boolean deducted = item.kind() == ItemKind.VETO ? mark.vetoed() : score(item, mark).compareTo(item.points()) < 0;
            if (deducted && mark.reason().isEmpty()) {
                problems.add(new FieldProblem("reason", "scoring.mark.reasonRequired"));
            }
        }
        if (mark.reason().length() > MAX_REASON) {
            problems.add(new FieldProblem("reason", "scoring.mark.reasonTooLong", MAX_REASON));
        }
        return problems;
    }

    private static void checkDeduction(Item item, Mark mark, List<FieldProblem> problems) {
        if (mark.fraction() != null || mark.vetoed()) {
            problems.add(new FieldProblem("score", "scoring.mark.deductionOnly"));
        } else if ((mark.occurrences() == null) == (mark.score() == null)) {
            problems.add(new FieldProblem("score", "scoring.mark.occurrencesOrScore"));
        } else if (mark.occurrences() != null) {
            if (mark.occurrences() < 0 || mark.occurrences() > MAX_OCCURRENCES) {
                problems.add(new FieldProblem("occurrences", "scoring.mark.occurrencesRange", MAX_OCCURRENCES));
            }
        } else {
            checkRange(item, mark.score(), item.floor(), problems);
        }
    }

    private static void checkFraction(Item item, Mark mark, List<FieldProblem> problems) {
        if (mark.occurrences() != null || mark.vetoed()) {
            problems.add(new FieldProblem("score", "scoring.mark.fractionOnly", fractions(item)));
        } else if ((mark.fraction() == null) == (mark.score() == null)) {
            problems.add(new FieldProblem("score", "scoring.mark.fractionOrScore", fractions(item)));
        } else if (mark.fraction() != null) {
            if (item.fractions().stream().noneMatch(f -> f.compareTo(mark.fraction()) == 0)) {
                problems.add(new FieldProblem("fraction", "scoring.mark.fractionNotAllowed", fractions(item)));
            }
        } else if (checkRange(item, mark.score(), BigDecimal.ZERO, problems)
                && item.fractions().stream().noneMatch(f -> item.points().multiply(f).compareTo(mark.score()) == 0)) {
            problems.add(new FieldProblem("score", "scoring.mark.fractionNotAllowed", fractions(item)));
        }
    }

    private static boolean checkRange(Item item, BigDecimal score, BigDecimal floor, List<FieldProblem> problems) {
        if (score.compareTo(item.points()) > 0) {
            problems.add(new FieldProblem("score", "scoring.mark.aboveMax", plain(item.points())));
        } else if (score.compareTo(floor) < 0) {
            problems.add(new FieldProblem("score", "scoring.mark.belowFloor", plain(floor)));
        } else if (score.stripTrailingZeros().scale() > SCALE) {
            problems.add(new FieldProblem("score", "scoring.mark.scale", SCALE));
        } else {
            return true;
        }
        return false;
    }

    /**
     * The score of a valid {@code mark} of {@code item} (see {@link #check}): for example an item of 10 points
     * deducting 2 per occurrence down to a floor of 4 scores 6 for two occurrences and 4 for five.
     */
    public static BigDecimal score(Item item, Mark mark) {
        BigDecimal score = switch (item.kind()) {
            case DEDUCTION -> mark.score() != null ? mark.score()
                    : item.points().subtract(item.deduction().multiply(BigDecimal.valueOf(mark.occurrences())))
                            .max(item.floor());
            case FRACTION -> mark.score() != null ? mark.score() : item.points().multiply(mark.fraction());
            case VETO -> BigDecimal.ZERO;
        };
        return score.setScale(SCALE, java.math.RoundingMode.UNNECESSARY);
    }

    /**
     * The sheet's score: every marked item, its category's sum, the sum of the categories and the total after the
     * vetoes; {@code marks} by item code, each valid for its item (unknown codes are ignored).
     */
    public static SheetScore compute(ScoringStandard standard, Map<String, Mark> marks) {
        Map<String, BigDecimal> items = new LinkedHashMap<>();
        List<CategoryScore> categories = new ArrayList<>();
        List<String> vetoedBy = new ArrayList<>();
        List<String> unmarked = new ArrayList<>();
        BigDecimal sum = BigDecimal.ZERO.setScale(SCALE);
        for (Category category : standard.categories()) {
            BigDecimal categoryScore = BigDecimal.ZERO.setScale(SCALE);
            for (Item item : category.items()) {
                Mark mark = marks.get(item.code());
                if (mark == null) {
                    unmarked.add(item.code());
                    continue;
                }
                BigDecimal s = score(item, mark);
                items.put(item.code(), s);
                categoryScore = categoryScore.add(s);
                if (item.kind() == ItemKind.VETO && mark.vetoed()) {
                    vetoedBy.add(item.code());
                }
            }
            categories.add(new CategoryScore(category.code(), category.points(), categoryScore));
            sum = sum.add(categoryScore);
        }
        BigDecimal total = vetoedBy.isEmpty() ? sum : sum.min(standard.vetoFloor().setScale(SCALE));
        return new SheetScore(standard.points(), sum, total, List.copyOf(vetoedBy), List.copyOf(categories),
                java.util.Collections.unmodifiableMap(items), List.copyOf(unmarked));
    }

    private static String fractions(Item item) {
        return String.join(" / ", item.fractions().stream().map(ScoreCalculator::plain).toList());
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
