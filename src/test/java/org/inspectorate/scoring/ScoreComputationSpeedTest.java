package org.inspectorate.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.inspectorate.scoring.ScoreCalculator.Mark;
import org.inspectorate.scoring.ScoringStandard.Item;
import org.junit.jupiter.api.Test;

/** The bar for scoring, kept by every build: a 200-item sheet computes in under 5 ms (after warm-up). */
class ScoreComputationSpeedTest {

    @Test
    void aTwoHundredItemSheetIsCheckedAndComputedInUnderFiveMilliseconds() {
        ScoringStandard standard = ScoringFixtures.large(200);
        Map<String, Mark> marks = new LinkedHashMap<>();
        for (Item item : standard.items()) {
            marks.put(item.code(), switch (item.kind()) {
                case DEDUCTION -> new Mark(2, null, null, false, "两处", List.of());
                case FRACTION -> new Mark(null, item.fractions().get(1), null, false, "一半", List.of());
                case VETO -> new Mark(null, null, null, false, "", List.of());
            });
        }
        assertThat(standard.items()).hasSize(200);
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 2_000; i++) {
            long start = System.nanoTime();
            standard.items().forEach(item -> ScoreCalculator.check(item, marks.get(item.code())));
            ScoreCalculator.SheetScore score = ScoreCalculator.compute(standard, marks);
            best = Math.min(best, System.nanoTime() - start);
            assertThat(score.complete()).isTrue();
        }
        // the best of 2,000 runs, so that a busy build machine's pauses do not decide it
        assertThat(best).isLessThan(5_000_000L);
    }
}
