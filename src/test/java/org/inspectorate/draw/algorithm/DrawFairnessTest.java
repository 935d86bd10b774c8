package org.inspectorate.draw.algorithm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.inspectorate.draw.algorithm.DrawFixtures.DRAW_DATE;
import static org.inspectorate.draw.algorithm.DrawFixtures.inspectors;
import static org.inspectorate.draw.algorithm.DrawFixtures.rules;
import static org.inspectorate.draw.algorithm.DrawFixtures.seed;
import static org.inspectorate.draw.algorithm.DrawFixtures.snapshot;
import static org.inspectorate.draw.algorithm.DrawFixtures.targets;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Every eligible target is drawn equally often: a chi-square goodness-of-fit test over many fixed seeds. */
class DrawFairnessTest {

    private static final int DRAWS = 20_000;
    private static final int SAMPLE = 5;
    private static final int ELIGIBLE = 20;
    /** Upper 0.1 % point of the chi-square distribution with 19 degrees of freedom. */
    private static final double CRITICAL_19_DF_P001 = 43.820;

    static double chiSquare(long[] observed, double expected) {
        double chi = 0;
        for (long o : observed) {
            chi += (o - expected) * (o - expected) / expected;
        }
        return chi;
    }

    @Test
    void everyEligibleTargetIsDrawnWithTheExpectedFrequency() {
        List<TargetCandidate> pool = new ArrayList<>(targets(ELIGIBLE));
        for (int i = 0; i < 3; i++) {
            pool.add(new TargetCandidate("recent-" + i, "op-r" + i, "VALUE_ADDED_TELECOM", "44", "PUBLIC_NETWORK", "2",
                    DRAW_DATE.minusMonths(2)));
        }
        PoolSnapshot snapshot = snapshot(pool, inspectors(10, 2), List.of());
        DrawRules rules = rules(SAMPLE);
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < ELIGIBLE; i++) {
            index.put(String.format("t%02d", i), i);
        }
        long[] counts = new long[ELIGIBLE];
        long[] firstPlace = new long[ELIGIBLE];

        for (int d = 0; d < DRAWS; d++) {
            List<TeamAssignment> drawn = DoubleRandomDraw.select(snapshot, rules, DRAW_DATE, seed(d), List.of());
            assertThat(drawn).hasSize(SAMPLE);
            for (TeamAssignment a : drawn) {
                counts[index.get(a.targetId())]++; // recently inspected targets have no index: a failure
            }
            firstPlace[index.get(drawn.get(0).targetId())]++;
        }

        double expected = (double) DRAWS * SAMPLE / ELIGIBLE;
        assertThat(chiSquare(counts, expected)).isLessThan(CRITICAL_19_DF_P001);
        assertThat(chiSquare(firstPlace, (double) DRAWS / ELIGIBLE)).isLessThan(CRITICAL_19_DF_P001);
        // The test has power: one target drawn 8 % more often than its share, another 8 % less, fails it.
        long[] biased = new long[ELIGIBLE];
        Arrays.fill(biased, (long) expected);
        biased[0] += 400;
        biased[1] -= 400;
        assertThat(chiSquare(biased, expected)).isGreaterThan(CRITICAL_19_DF_P001);
    }
}
