package org.inspectorate.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.inspectorate.scoring.ScoringFixtures.category;
import static org.inspectorate.scoring.ScoringFixtures.d;
import static org.inspectorate.scoring.ScoringFixtures.deduction;
import static org.inspectorate.scoring.ScoringFixtures.fraction;
import static org.inspectorate.scoring.ScoringFixtures.fractionOf;
import static org.inspectorate.scoring.ScoringFixtures.occurrences;
import static org.inspectorate.scoring.ScoringFixtures.scored;
import static org.inspectorate.scoring.ScoringFixtures.standard;
import static org.inspectorate.scoring.ScoringFixtures.veto;
import static org.inspectorate.scoring.ScoringFixtures.vetoed;

import java.util.List;
import java.util.Map;

import org.inspectorate.scoring.ScoreCalculator.CategoryScore;
import org.inspectorate.scoring.ScoreCalculator.Mark;
import org.inspectorate.scoring.ScoreCalculator.SheetScore;
import org.inspectorate.scoring.ScoringStandard.Item;
import org.inspectorate.system.InvalidInputException.FieldProblem;
import org.junit.jupiter.api.Test;

/** Score computation, with the worked examples written out: deductions, floors, fractions, vetoes, exact decimals. */
class ScoreCalculatorTest {

    /** 弱口令: 10 points, 2 off per weak password found, never below 4. */
    private static final Item WEAK_PASSWORDS = deduction("C1", "10", "2", "4");
    /** 应急预案: 5 points, scored 0, 2.5 or 5. */
    private static final Item EMERGENCY_PLAN = fraction("D1", "5");
    /** 隐瞒重大事件: a veto. */
    private static final Item CONCEALED_INCIDENT = veto("D4");

    @Test
    void eachOccurrenceDeductsItsPointsFromTheItem() {
        // 10 - 2 × 2 = 6
        assertThat(ScoreCalculator.score(WEAK_PASSWORDS, occurrences(2, "两处弱口令"))).isEqualByComparingTo("6");
        // no occurrence: full points, no reason needed
        assertThat(ScoreCalculator.score(WEAK_PASSWORDS, occurrences(0, ""))).isEqualByComparingTo("10");
        assertThat(ScoreCalculator.check(WEAK_PASSWORDS, occurrences(0, ""))).isEmpty();
    }

    @Test
    void deductionsStopAtTheItemsFloor() {
        // 10 - 2 × 3 = 4 = the floor; 10 - 2 × 5 = 0, held at the floor 4
        assertThat(ScoreCalculator.score(WEAK_PASSWORDS, occurrences(3, "三处"))).isEqualByComparingTo("4");
        assertThat(ScoreCalculator.score(WEAK_PASSWORDS, occurrences(5, "五处"))).isEqualByComparingTo("4");
    }

    @Test
    void fractionalDeductionsAreExactDecimals() {
        // 3 points less 0.1 per occurrence, three times: 2.7 exactly (in doubles 3 - 0.1 × 3 = 2.7000000000000002)
        Item item = deduction("X", "3", "0.1", "0");
        assertThat(ScoreCalculator.score(item, occurrences(3, "三次"))).isEqualTo(d("2.70"));
    }

    @Test
    void aFractionItemScoresTheAllowedShareOfItsPoints() {
        // 5 × 0.5 = 2.5; 5 × 1 = 5; 5 × 0 = 0
        assertThat(ScoreCalculator.score(EMERGENCY_PLAN, fractionOf("0.5", "未演练"))).isEqualByComparingTo("2.5");
        assertThat(ScoreCalculator.score(EMERGENCY_PLAN, fractionOf("1", ""))).isEqualByComparingTo("5");
        assertThat(ScoreCalculator.score(EMERGENCY_PLAN, fractionOf("0", "无预案"))).isEqualByComparingTo("0");
        // a score equal to an allowed share is accepted too
        assertThat(ScoreCalculator.check(EMERGENCY_PLAN, scored("2.5", "未演练"))).isEmpty();
    }

    @Test
    void aFractionThatIsNotAllowedIsRefusedNamingTheAllowedOnes() {
        assertThat(ScoreCalculator.check(EMERGENCY_PLAN, fractionOf("0.7", "部分")))
                .extracting(FieldProblem::field, FieldProblem::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("fraction", "scoring.mark.fractionNotAllowed"));
        assertThat(ScoreCalculator.check(EMERGENCY_PLAN, scored("3", "部分")))
                .extracting(FieldProblem::code).containsExactly("scoring.mark.fractionNotAllowed");
        assertThat(ScoreCalculator.check(EMERGENCY_PLAN, fractionOf("0.7", "部分")).get(0).args())
                .containsExactly("0 / 0.5 / 1");
    }

    @Test
    void aScoreAboveTheItemsPointsOrBelowItsFloorIsRefused() {
        assertThat(ScoreCalculator.check(WEAK_PASSWORDS, scored("10.5", "")))
                .extracting(FieldProblem::field, FieldProblem::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("score", "scoring.mark.aboveMax"));
        assertThat(ScoreCalculator.check(WEAK_PASSWORDS, scored("3.5", "太多弱口令")))
                .extracting(FieldProblem::field, FieldProblem::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("score", "scoring.mark.belowFloor"));
        assertThat(ScoreCalculator.check(WEAK_PASSWORDS, scored("3.5", "太多弱口令")).get(0).args())
                .containsExactly("4");
        assertThat(ScoreCalculator.check(WEAK_PASSWORDS, scored("4", "三处"))).isEmpty();
    }

    @Test
    void aDeductionWithoutAReasonIsRefused() {
        assertThat(ScoreCalculator.check(WEAK_PASSWORDS, occurrences(1, "  ")))
                .extracting(FieldProblem::field, FieldProblem::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("reason", "scoring.mark.reasonRequired"));
        assertThat(ScoreCalculator.check(EMERGENCY_PLAN, fractionOf("0.5", null)))
                .extracting(FieldProblem::code).containsExactly("scoring.mark.reasonRequired");
        assertThat(ScoreCalculator.check(CONCEALED_INCIDENT, vetoed(true, "")))
                .extracting(FieldProblem::code).containsExactly("scoring.mark.reasonRequired");
        assertThat(ScoreCalculator.check(CONCEALED_INCIDENT, vetoed(false, ""))).isEmpty();
    }

    @Test
    void aMarkOfTheWrongShapeForItsItemIsRefused() {
        assertThat(ScoreCalculator.check(WEAK_PASSWORDS, new Mark(1, null, d("6"), false, "x", List.of())))
                .extracting(FieldProblem::code).containsExactly("scoring.mark.occurrencesOrScore");
        assertThat(ScoreCalculator.check(WEAK_PASSWORDS, new Mark(-1, null, null, false, "x", List.of())))
                .extracting(FieldProblem::code).containsExactly("scoring.mark.occurrencesRange");
        assertThat(ScoreCalculator.check(CONCEALED_INCIDENT, scored("0", "x")))
                .extracting(FieldProblem::code).containsExactly("scoring.mark.vetoOnly");
        assertThat(ScoreCalculator.check(WEAK_PASSWORDS, scored("6.125", "x")))
                .extracting(FieldProblem::code).containsExactly("scoring.mark.scale");
    }

    @Test
    void categoriesAndTotalAddTheItemsUpAndListWhatIsUnmarked() {
        ScoringStandard standard = standard("0", category("C", WEAK_PASSWORDS, deduction("C2", "15", "3", "0")),
                category("D", EMERGENCY_PLAN, CONCEALED_INCIDENT));
        // C: 6 (two weak passwords) + 15 − 3 × 1 = 12 → 18 of 25; D: 2.5 + veto not triggered → 2.5 of 5
        SheetScore score = ScoreCalculator.compute(standard, Map.of(
                "C1", occurrences(2, "两处"), "C2", occurrences(1, "一个高危漏洞"),
                "D1", fractionOf("0.5", "未演练"), "D4", vetoed(false, "")));
        assertThat(score.categories()).containsExactly(new CategoryScore("C", d("25"), d("18.00")),
                new CategoryScore("D", d("5"), d("2.50")));
        assertThat(score.sum()).isEqualTo(d("20.50"));
        assertThat(score.total()).isEqualTo(d("20.50"));
        assertThat(score.points()).isEqualByComparingTo("30");
        assertThat(score.complete()).isTrue();

        SheetScore partial = ScoreCalculator.compute(standard, Map.of("C1", occurrences(0, "")));
        assertThat(partial.unmarked()).containsExactly("C2", "D1", "D4");
        assertThat(partial.complete()).isFalse();
        assertThat(partial.total()).isEqualTo(d("10.00"));
    }

    @Test
    void aTriggeredVetoSetsTheTotalToTheFloorButNeverRaisesIt() {
        ScoringStandard floorOf60 = standard("60", category("C", WEAK_PASSWORDS, deduction("C2", "90", "10", "0")),
                category("D", CONCEALED_INCIDENT));
        // 10 + 90 = 100, vetoed → 60
        SheetScore vetoedHigh = ScoreCalculator.compute(floorOf60, Map.of("C1", occurrences(0, ""),
                "C2", occurrences(0, ""), "D4", vetoed(true, "隐瞒重大网络安全事件")));
        assertThat(vetoedHigh.sum()).isEqualTo(d("100.00"));
        assertThat(vetoedHigh.total()).isEqualTo(d("60.00"));
        assertThat(vetoedHigh.vetoedBy()).containsExactly("D4");
        // 4 (floor) + 90 − 10 × 5 = 40 → 44, below the veto floor: stays 44
        SheetScore vetoedLow = ScoreCalculator.compute(floorOf60, Map.of("C1", occurrences(9, "九处"),
                "C2", occurrences(5, "五个"), "D4", vetoed(true, "隐瞒")));
        assertThat(vetoedLow.total()).isEqualTo(d("44.00"));
        // not triggered: the sum stands
        SheetScore clean = ScoreCalculator.compute(floorOf60, Map.of("C1", occurrences(0, ""),
                "C2", occurrences(0, ""), "D4", vetoed(false, "")));
        assertThat(clean.total()).isEqualTo(d("100.00"));
        assertThat(clean.vetoedBy()).isEmpty();
    }
}
