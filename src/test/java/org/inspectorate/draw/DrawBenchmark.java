package org.inspectorate.draw;

import java.io.ByteArrayInputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;

import org.inspectorate.draw.algorithm.AgencyRelation;
import org.inspectorate.draw.algorithm.CanonicalJson;
import org.inspectorate.draw.algorithm.DoubleRandomDraw;
import org.inspectorate.draw.algorithm.DrawCommitment;
import org.inspectorate.draw.algorithm.DrawResult;
import org.inspectorate.draw.algorithm.DrawRules;
import org.inspectorate.draw.algorithm.DrawSeed;
import org.inspectorate.draw.algorithm.DrawVerifier;
import org.inspectorate.draw.algorithm.InspectorCandidate.Employment;
import org.inspectorate.draw.algorithm.InspectorCandidate;
import org.inspectorate.draw.algorithm.PackedSnapshot;
import org.inspectorate.draw.algorithm.PoolSnapshot;
import org.inspectorate.draw.algorithm.PublishedDraw;
import org.inspectorate.draw.algorithm.Quota;
import org.inspectorate.draw.algorithm.TargetCandidate;
import org.inspectorate.draw.algorithm.Verification;

/**
 * Benchmark (not a test): a draw over 100,000 targets and 2,000 inspectors with quotas and conflicts, and its
 * verification. Run as documented in docs/BENCHMARKS.md; prints the median and worst of the measured runs.
 */
public final class DrawBenchmark {

    private static final LocalDate DRAW_DATE = LocalDate.of(2026, 11, 25);
    private static final String[] TYPES = {"VALUE_ADDED_TELECOM", "VALUE_ADDED_TELECOM", "VALUE_ADDED_TELECOM",
        "BASIC_TELECOM_PROVINCIAL", "INTERNET_ENTERPRISE", "DOMAIN_REGISTRAR"};
    private static final String[] SKILLS = {"PENETRATION_TESTING", "CODE_REVIEW", "ON_SITE_TESTING", "MANAGEMENT_REVIEW"};

    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    private DrawBenchmark() {
    }

    public static void main(String[] args) {
        int warmup = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 15;
        DrawRules rules = fixtureRules();
        long t = System.nanoTime();
        PoolSnapshot snapshot = fixtureSnapshot();
        DrawSeed seed = DrawSeed.of(CanonicalJson.sha256(new byte[] {1}));
        DrawCommitment commitment = DrawCommitment.of(seed, snapshot, rules, DRAW_DATE);
        System.out.printf("schedule (generate and freeze the pools, hash the snapshot, commit): %d ms%n", (System.nanoTime() - t) / 1_000_000);

        List<String> witness = List.of("witness A: 1207", "witness B: 5531");
        DrawResult result = null;
        long[] draw = new long[runs];
        long[] drawCpu = new long[runs];
        for (int i = 0; i < warmup + runs; i++) {
            long s = System.nanoTime();
            long cpu0 = CPU.getCurrentThreadCpuTime();
            result = DoubleRandomDraw.draw(snapshot, rules, commitment, seed, witness);
            if (i >= warmup) {
                draw[i - warmup] = System.nanoTime() - s;
                drawCpu[i - warmup] = CPU.getCurrentThreadCpuTime() - cpu0;
            }
        }
        long[] verify = new long[runs];
        long[] verifyCpu = new long[runs];
        for (int i = 0; i < warmup + runs; i++) {
            // A fresh snapshot object, so the verification hashes the whole pool again as an outsider would.
            PublishedDraw published = new PublishedDraw(new PoolSnapshot(snapshot.targets(), snapshot.inspectors(),
                    snapshot.relations()), rules, commitment, seed, witness, result.assignments());
            long s = System.nanoTime();
            long cpu0 = CPU.getCurrentThreadCpuTime();
            Verification v = DrawVerifier.verify(published);
            if (!v.matches()) {
                throw new IllegalStateException(v.reasons().toString());
            }
            if (i >= warmup) {
                verify[i - warmup] = System.nanoTime() - s;
                verifyCpu[i - warmup] = CPU.getCurrentThreadCpuTime() - cpu0;
            }
        }
        byte[] packed = PackedSnapshot.pack(snapshot);
        DrawResult drawn = result;
        long[] stored = measure(warmup, runs, () -> new PublishedDraw(PackedSnapshot.unpack(packed), rules, commitment,
                seed, witness, drawn.assignments()));
        byte[] json = result.publish(snapshot, rules).toJson().getBytes(StandardCharsets.UTF_8);
        long[] cli = measure(2, 5, () -> PublishedDraw.fromJson(new ByteArrayInputStream(json)));
        System.out.printf("drawn: %d targets with teams of %d; stored snapshot %.1f MB; published file %.1f MB%n",
                result.assignments().size(), rules.teamSize(), packed.length / 1e6, json.length / 1e6);
        report("draw (commitment check + selection), wall", draw);
        report("draw (commitment check + selection), thread CPU", drawCpu);
        report("verify (hash snapshot and rules + recompute + compare), wall", verify);
        report("verify (hash snapshot and rules + recompute + compare), thread CPU", verifyCpu);
        report("verify from the stored, packed snapshot (unpack + hash + recompute + compare), wall",
                Arrays.copyOf(stored, runs));
        report("verify from the stored, packed snapshot (unpack + hash + recompute + compare), thread CPU",
                Arrays.copyOfRange(stored, runs, 2 * runs));
        report("verify from the published JSON (parse + verify), wall", Arrays.copyOf(cli, 5));
        report("verify from the published JSON (parse + verify), thread CPU", Arrays.copyOfRange(cli, 5, 10));
    }

    /** The benchmark's pools: 100,000 targets, 2,000 inspectors in 40 agencies, 5,000 relations (fixed seed). */
    static PoolSnapshot fixtureSnapshot() {
        Random r = new Random(20261125);
        List<TargetCandidate> targets = new ArrayList<>(100_000);
        for (int i = 0; i < 100_000; i++) {
            String province = String.valueOf(11 + r.nextInt(31));
            LocalDate last = r.nextInt(10) == 0 ? DRAW_DATE.minusDays(r.nextInt(700)) : null;
            targets.add(new TargetCandidate(String.format("NU%07d", i), "OP" + r.nextInt(30_000), TYPES[r.nextInt(6)],
                    province, r.nextBoolean() ? "WEB" : "CORE", new String[] {"2", "3.1", "3.2", "4"}[r.nextInt(4)], last,
                    Map.of("city", province + "0" + r.nextInt(5))));
        }
        List<InspectorCandidate> inspectors = new ArrayList<>(2_000);
        for (int i = 0; i < 2_000; i++) {
            List<String> skills = new ArrayList<>();
            for (String s : SKILLS) {
                if (r.nextInt(3) == 0) {
                    skills.add(s);
                }
            }
            if (r.nextInt(5) == 0) {
                skills.add("TEAM_LEADER");
            }
            List<Employment> employment = new ArrayList<>();
            for (int e = r.nextInt(3); e > 0; e--) {
                LocalDate from = LocalDate.of(2010 + r.nextInt(10), 1, 1);
                employment.add(new Employment("OP" + r.nextInt(30_000), from, from.plusYears(1 + r.nextInt(8))));
            }
            Set<String> declared = r.nextInt(10) == 0 ? Set.of("operator:OP" + r.nextInt(30_000)) : Set.of();
            LocalDate commitment = r.nextInt(20) == 0 ? DRAW_DATE.minusDays(1) : DRAW_DATE.plusYears(1);
            inspectors.add(new InspectorCandidate(String.format("IN%05d", i), "AG" + (i % 40), Set.copyOf(skills),
                    employment, declared, DRAW_DATE.plusYears(2), commitment));
        }
        List<AgencyRelation> relations = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            relations.add(new AgencyRelation("AG" + r.nextInt(40), "OP" + r.nextInt(30_000),
                    DRAW_DATE.minusDays(r.nextInt(2_000)), i % 2 == 0 ? "EVALUATED" : "ADVISED"));
        }
        return new PoolSnapshot(targets, inspectors, relations);
    }

    /** 400 targets, ten value-added enterprises per province at least, teams of three with a leader. */
    static DrawRules fixtureRules() {
        return new DrawRules("benchmark", 1, 400,
                List.of(new Quota(Map.of("operatorType", "VALUE_ADDED_TELECOM"), List.of("province"), 10)), 3,
                Set.of("PENETRATION_TESTING", "CODE_REVIEW"), "TEAM_LEADER", 15, 3, 12);
    }

    /**
     * Wall and thread CPU nanoseconds of reading a published draw with {@code read} and verifying it, after
     * {@code warmup} unmeasured rounds: the first {@code runs} values are wall times, the next {@code runs} CPU times.
     */
    private static long[] measure(int warmup, int runs, Supplier<PublishedDraw> read) {
        long[] nanos = new long[2 * runs];
        for (int i = 0; i < warmup + runs; i++) {
            long s = System.nanoTime();
            long cpu0 = CPU.getCurrentThreadCpuTime();
            Verification v = DrawVerifier.verify(read.get());
            if (!v.matches()) {
                throw new IllegalStateException(v.reasons().toString());
            }
            if (i >= warmup) {
                nanos[i - warmup] = System.nanoTime() - s;
                nanos[runs + i - warmup] = CPU.getCurrentThreadCpuTime() - cpu0;
            }
        }
        return nanos;
    }

    private static void report(String what, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        System.out.printf("%s: median %.1f ms, worst %.1f ms over %d runs%n", what, sorted[sorted.length / 2] / 1e6,
                sorted[sorted.length - 1] / 1e6, sorted.length);
    }
}
