package org.inspectorate.bench;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.inspectorate.scoring.ScoreCalculator;
import org.inspectorate.scoring.ScoreCalculator.Mark;
import org.inspectorate.scoring.ScoreCalculator.SheetScore;
import org.inspectorate.scoring.ScoringFixtures;
import org.inspectorate.scoring.ScoringStandard;
import org.inspectorate.scoring.ScoringStandard.Item;

/**
 * Issue 15's scoring benchmark: a 200-item sheet (ten categories of deduction and graded items and a veto) checked
 * mark by mark and computed — what a mark or a sheet read costs the server — timed {@code --reps} times after a
 * warm-up, printed as p50, p95 and max in microseconds. Not a test; run by hand as docs/benchmarks/scoring.md
 * records:
 *
 * <pre>
 * mvn -o -q test-compile &amp;&amp; java -cp "target/test-classes:target/classes:$(cat cp.txt)" \
 *     org.inspectorate.bench.ScoringBenchmark [--items 200] [--reps 2000]
 * </pre>
 */
public final class ScoringBenchmark {

    private ScoringBenchmark() {
    }

    public static void main(String[] args) {
        int items = intArg(args, "--items", 200);
        int reps = intArg(args, "--reps", 2000);
        ScoringStandard standard = ScoringFixtures.large(items);
        Map<String, Mark> marks = marks(standard);
        long sink = 0;
        for (int i = 0; i < 20_000; i++) {
            sink += once(standard, marks).total().unscaledValue().longValue();
        }
        long[] nanos = new long[reps];
        for (int i = 0; i < reps; i++) {
            long start = System.nanoTime();
            sink += once(standard, marks).total().unscaledValue().longValue();
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        SheetScore score = once(standard, marks);
        System.out.printf("| %d items, %d categories | total %s of %s | p50 %.1f µs | p95 %.1f µs | max %.1f µs |%n",
                standard.items().size(), standard.categories().size(), score.total(), score.points(),
                nanos[reps / 2] / 1000.0, nanos[(int) (reps * 0.95)] / 1000.0, nanos[reps - 1] / 1000.0);
        if (sink == 42) {
            System.out.println();
        }
    }

    /** Every mark checked against its item, then the sheet computed: the server's work for a sheet. */
    static SheetScore once(ScoringStandard standard, Map<String, Mark> marks) {
        for (Item item : standard.items()) {
            if (!ScoreCalculator.check(item, marks.get(item.code())).isEmpty()) {
                throw new IllegalStateException("invalid mark of " + item.code());
            }
        }
        return ScoreCalculator.compute(standard, marks);
    }

    /** Marks for every item: deductions of 0–3 occurrences, grades cycling 0 / 0.5 / 1, the veto triggered. */
    static Map<String, Mark> marks(ScoringStandard standard) {
        Map<String, Mark> marks = new LinkedHashMap<>();
        int n = 0;
        for (Item item : standard.items()) {
            n++;
            Mark mark = switch (item.kind()) {
                case DEDUCTION -> new Mark(n % 4, null, null, false, "发现问题 " + n, List.of((long) n));
                case FRACTION -> new Mark(null, item.fractions().get(n % item.fractions().size()), null, false,
                        "分档 " + n, List.of());
                case VETO -> new Mark(null, null, null, true, "一票否决", List.of());
            };
            marks.put(item.code(), mark);
        }
        return marks;
    }

    private static int intArg(String[] args, String name, int fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return Integer.parseInt(args[i + 1]);
            }
        }
        return fallback;
    }
}
