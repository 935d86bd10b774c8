package org.inspectorate.campaign;

import java.math.BigDecimal;
import java.util.List;

/**
 * One item of a scoring standard (考核要点): its requirement, how it is checked, the points it
 * carries, the deduction per occurrence of a shortcoming (never below zero for the item), and
 * whether it is a veto item (一票否决) whose failure zeroes its whole category.
 */
public record ScoringItem(String id, LocalizedText requirement, List<CheckMethod> checkedBy, BigDecimal points,
        BigDecimal deductionPerOccurrence, boolean veto) {

    public ScoringItem {
        checkedBy = List.copyOf(checkedBy);
    }

    /** The item's score after {@code occurrences} shortcomings: points minus deductions, at least zero. */
    public BigDecimal scoreAfter(int occurrences) {
        BigDecimal score = points.subtract(deductionPerOccurrence.multiply(BigDecimal.valueOf(Math.max(0, occurrences))));
        return score.signum() < 0 ? BigDecimal.ZERO.setScale(points.scale()) : score;
    }
}
