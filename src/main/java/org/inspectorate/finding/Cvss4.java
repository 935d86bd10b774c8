package org.inspectorate.finding;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/**
 * The CVSS v4.0 score of a vector (CVSS 4.0 评分), as the FIRST specification (section 8) computes it: the
 * vector falls into a MacroVector (six equivalence classes EQ1–EQ6) whose score the specification tabulates;
 * the vector's score is that score lowered by the mean of its proportional distances from the MacroVector's
 * highest-severity vectors toward the next lower MacroVector of each class. Threat (E) and environmental
 * metrics are applied where given (E missing counts as Attacked, CR/IR/AR missing as High, as the
 * specification says); supplemental metrics are accepted and do not change the score. Plain Java: the
 * calculator library the register uses for CVSS 2 and 3 has no version 4.
 */
final class Cvss4 {

    static final String PREFIX = "CVSS:4.0/";

    /** The metrics a vector may name and their values; the first eleven are the base metrics, all required. */
    private static final Map<String, Set<String>> METRICS = new LinkedHashMap<>();

    static {
        METRICS.put("AV", Set.of("N", "A", "L", "P"));
        METRICS.put("AC", Set.of("L", "H"));
        METRICS.put("AT", Set.of("N", "P"));
        METRICS.put("PR", Set.of("N", "L", "H"));
        METRICS.put("UI", Set.of("N", "P", "A"));
        for (String m : List.of("VC", "VI", "VA", "SC", "SI", "SA")) {
            METRICS.put(m, Set.of("N", "L", "H"));
        }
        METRICS.put("E", Set.of("X", "A", "P", "U"));
        for (String m : List.of("CR", "IR", "AR")) {
            METRICS.put(m, Set.of("X", "H", "M", "L"));
        }
        METRICS.put("MAV", Set.of("X", "N", "A", "L", "P"));
        METRICS.put("MAC", Set.of("X", "L", "H"));
        METRICS.put("MAT", Set.of("X", "N", "P"));
        METRICS.put("MPR", Set.of("X", "N", "L", "H"));
        METRICS.put("MUI", Set.of("X", "N", "P", "A"));
        for (String m : List.of("MVC", "MVI", "MVA", "MSC")) {
            METRICS.put(m, Set.of("X", "H", "L", "N"));
        }
        METRICS.put("MSI", Set.of("X", "S", "H", "L", "N"));
        METRICS.put("MSA", Set.of("X", "S", "H", "L", "N"));
        METRICS.put("S", Set.of("X", "N", "P"));
        METRICS.put("AU", Set.of("X", "N", "Y"));
        METRICS.put("R", Set.of("X", "A", "U", "I"));
        METRICS.put("V", Set.of("X", "D", "C"));
        METRICS.put("RE", Set.of("X", "L", "M", "H"));
        METRICS.put("U", Set.of("X", "Clear", "Green", "Amber", "Red"));
    }

    private static final List<String> BASE = List.copyOf(METRICS.keySet()).subList(0, 11);

    /** Each value's severity level in tenths (0 is the most severe), for the distance of a vector from another. */
    private static final Map<String, Map<String, Integer>> LEVELS = Map.ofEntries(
            Map.entry("AV", Map.of("N", 0, "A", 1, "L", 2, "P", 3)),
            Map.entry("PR", Map.of("N", 0, "L", 1, "H", 2)),
            Map.entry("UI", Map.of("N", 0, "P", 1, "A", 2)),
            Map.entry("AC", Map.of("L", 0, "H", 1)),
            Map.entry("AT", Map.of("N", 0, "P", 1)),
            Map.entry("VC", Map.of("H", 0, "L", 1, "N", 2)),
            Map.entry("VI", Map.of("H", 0, "L", 1, "N", 2)),
            Map.entry("VA", Map.of("H", 0, "L", 1, "N", 2)),
            Map.entry("SC", Map.of("H", 1, "L", 2, "N", 3)),
            Map.entry("SI", Map.of("S", 0, "H", 1, "L", 2, "N", 3)),
            Map.entry("SA", Map.of("S", 0, "H", 1, "L", 2, "N", 3)),
            Map.entry("CR", Map.of("H", 0, "M", 1, "L", 2)),
            Map.entry("IR", Map.of("H", 0, "M", 1, "L", 2)),
            Map.entry("AR", Map.of("H", 0, "M", 1, "L", 2)),
            Map.entry("E", Map.of("A", 0, "P", 1, "U", 2)));

    /** The highest-severity vectors of each class value (specification, section 8.2). */
    private static final List<List<String>> EQ1_MAX = List.of(List.of("AV:N/PR:N/UI:N"),
            List.of("AV:A/PR:N/UI:N", "AV:N/PR:L/UI:N", "AV:N/PR:N/UI:P"),
            List.of("AV:P/PR:N/UI:N", "AV:A/PR:L/UI:P"));
    private static final List<List<String>> EQ2_MAX = List.of(List.of("AC:L/AT:N"),
            List.of("AC:H/AT:N", "AC:L/AT:P"));
    /** By EQ3 then EQ6. */
    private static final Map<String, List<String>> EQ3_EQ6_MAX = Map.of(
            "00", List.of("VC:H/VI:H/VA:H/CR:H/IR:H/AR:H"),
            "01", List.of("VC:H/VI:H/VA:L/CR:M/IR:M/AR:H", "VC:H/VI:H/VA:H/CR:M/IR:M/AR:M"),
            "10", List.of("VC:L/VI:H/VA:H/CR:H/IR:H/AR:H", "VC:H/VI:L/VA:H/CR:H/IR:H/AR:H"),
            "11", List.of("VC:L/VI:H/VA:L/CR:H/IR:M/AR:H", "VC:L/VI:H/VA:H/CR:H/IR:M/AR:M",
                    "VC:H/VI:L/VA:H/CR:M/IR:H/AR:M", "VC:H/VI:L/VA:L/CR:M/IR:H/AR:H",
                    "VC:L/VI:L/VA:H/CR:H/IR:H/AR:M"),
            "21", List.of("VC:L/VI:L/VA:L/CR:H/IR:H/AR:H"));
    private static final List<List<String>> EQ4_MAX = List.of(List.of("SC:H/SI:S/SA:S"),
            List.of("SC:H/SI:H/SA:H"), List.of("SC:L/SI:L/SA:L"));
    private static final List<String> EQ5_MAX = List.of("E:A", "E:P", "E:U");

    /** The depth of each MacroVector in tenths (its maximal severity distance, plus one). */
    private static final int[] EQ1_DEPTH = {1, 4, 5};
    private static final int[] EQ2_DEPTH = {1, 2};
    private static final Map<String, Integer> EQ3_EQ6_DEPTH = Map.of("00", 7, "01", 6, "10", 8, "11", 8, "21", 10);
    private static final int[] EQ4_DEPTH = {6, 5, 4};

    private static final Map<String, Double> MACRO_SCORES = load();

    private Cvss4() {
    }

    private static Map<String, Double> load() {
        Properties table = new Properties();
        try (InputStream in = Cvss4.class.getResourceAsStream("cvss4-macrovectors.properties")) {
            table.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Double> scores = new HashMap<>();
        table.forEach((k, v) -> scores.put((String) k, Double.valueOf((String) v)));
        return Map.copyOf(scores);
    }

    /** The score (0.0–10.0, one decimal), or empty when the text is not a complete, valid CVSS v4.0 vector. */
    static Optional<Double> score(String vector) {
        Map<String, String> m = metrics(vector);
        if (m == null) {
            return Optional.empty();
        }
        return Optional.of(score(m));
    }

    private static Map<String, String> metrics(String vector) {
        if (vector == null || !vector.startsWith(PREFIX)) {
            return null;
        }
        Map<String, String> m = new HashMap<>();
        for (String part : vector.substring(PREFIX.length()).split("/", -1)) {
            int colon = part.indexOf(':');
            if (colon < 0) {
                return null;
            }
            String key = part.substring(0, colon);
            String value = part.substring(colon + 1);
            Set<String> allowed = METRICS.get(key);
            if (allowed == null || !allowed.contains(value) || m.put(key, value) != null) {
                return null;
            }
        }
        return m.keySet().containsAll(BASE) ? m : null;
    }

    /** The value that counts: the modified metric where given, the specification's worst case where missing. */
    private static String effective(Map<String, String> m, String metric) {
        String modified = m.get("M" + metric);
        if (modified != null && !modified.equals("X")) {
            return modified;
        }
        String value = m.getOrDefault(metric, "X");
        if (value.equals("X")) {
            return metric.equals("E") ? "A" : "H"; // E, CR, IR, AR: the only metrics that may be missing here
        }
        return value;
    }

    private static double score(Map<String, String> m) {
        Map<String, String> e = new HashMap<>();
        for (String metric : LEVELS.keySet()) {
            e.put(metric, effective(m, metric));
        }
        if (List.of("VC", "VI", "VA", "SC", "SI", "SA").stream().allMatch(x -> e.get(x).equals("N"))) {
            return 0.0;
        }
        int eq1 = eq1(e.get("AV"), e.get("PR"), e.get("UI"));
        int eq2 = e.get("AC").equals("L") && e.get("AT").equals("N") ? 0 : 1;
        boolean vcH = e.get("VC").equals("H");
        boolean viH = e.get("VI").equals("H");
        boolean vaH = e.get("VA").equals("H");
        int eq3 = vcH && viH ? 0 : vcH || viH || vaH ? 1 : 2;
        int eq4 = e.get("SI").equals("S") || e.get("SA").equals("S") ? 0
                : e.get("SC").equals("H") || e.get("SI").equals("H") || e.get("SA").equals("H") ? 1 : 2;
        int eq5 = LEVELS.get("E").get(e.get("E"));
        int eq6 = vcH && e.get("CR").equals("H") || viH && e.get("IR").equals("H")
                || vaH && e.get("AR").equals("H") ? 0 : 1;
        double value = MACRO_SCORES.get(macro(eq1, eq2, eq3, eq4, eq5, eq6));

        // the next lower MacroVector of each class; EQ3 and EQ6 move together (00 has two, the higher counts)
        Double lower1 = MACRO_SCORES.get(macro(eq1 + 1, eq2, eq3, eq4, eq5, eq6));
        Double lower2 = MACRO_SCORES.get(macro(eq1, eq2 + 1, eq3, eq4, eq5, eq6));
        Double lower36;
        if (eq3 == 0 && eq6 == 0) {
            Double left = MACRO_SCORES.get(macro(eq1, eq2, eq3, eq4, eq5, eq6 + 1));
            Double right = MACRO_SCORES.get(macro(eq1, eq2, eq3 + 1, eq4, eq5, eq6));
            lower36 = left == null || right == null ? null : Math.max(left, right);
        } else if (eq3 == 1 && eq6 == 0) {
            lower36 = MACRO_SCORES.get(macro(eq1, eq2, eq3, eq4, eq5, eq6 + 1));
        } else if (eq3 == 2) {
            lower36 = null;
        } else {
            lower36 = MACRO_SCORES.get(macro(eq1, eq2, eq3 + 1, eq4, eq5, eq6));
        }
        Double lower4 = MACRO_SCORES.get(macro(eq1, eq2, eq3, eq4 + 1, eq5, eq6));
        Double lower5 = MACRO_SCORES.get(macro(eq1, eq2, eq3, eq4, eq5 + 1, eq6));

        // the first highest-severity vector of the MacroVector that the vector does not exceed anywhere
        Map<String, Integer> distance = null;
        search:
        for (String a : EQ1_MAX.get(eq1)) {
            for (String b : EQ2_MAX.get(eq2)) {
                for (String c : EQ3_EQ6_MAX.get("" + eq3 + eq6)) {
                    for (String d : EQ4_MAX.get(eq4)) {
                        Map<String, Integer> dist = distances(e, String.join("/", a, b, c, d, EQ5_MAX.get(eq5)));
                        if (dist.values().stream().allMatch(x -> x >= 0)) {
                            distance = dist;
                            break search;
                        }
                    }
                }
            }
        }
        if (distance == null) {
            throw new IllegalStateException("no highest-severity vector for MacroVector "
                    + macro(eq1, eq2, eq3, eq4, eq5, eq6));
        }
        Map<String, Integer> d = distance;
        double sum = 0;
        int lowers = 0;
        if (lower1 != null) {
            lowers++;
            sum += (value - lower1) * (d.get("AV") + d.get("PR") + d.get("UI")) / EQ1_DEPTH[eq1];
        }
        if (lower2 != null) {
            lowers++;
            sum += (value - lower2) * (d.get("AC") + d.get("AT")) / EQ2_DEPTH[eq2];
        }
        if (lower36 != null) {
            lowers++;
            sum += (value - lower36) * (d.get("VC") + d.get("VI") + d.get("VA") + d.get("CR") + d.get("IR")
                    + d.get("AR")) / EQ3_EQ6_DEPTH.get("" + eq3 + eq6);
        }
        if (lower4 != null) {
            lowers++;
            sum += (value - lower4) * (d.get("SC") + d.get("SI") + d.get("SA")) / EQ4_DEPTH[eq4];
        }
        if (lower5 != null) {
            lowers++; // EQ5's proportional distance is always 0: it counts in the mean only
        }
        double mean = lowers == 0 ? 0 : sum / lowers;
        double raw = Math.max(0, Math.min(10, value - mean));
        // half up; the small addition keeps 1.45 that floating point computed as 1.4499… from rounding down
        return Math.round((raw + 1e-6) * 10) / 10.0;
    }

    private static int eq1(String av, String pr, String ui) {
        if (av.equals("N") && pr.equals("N") && ui.equals("N")) {
            return 0;
        }
        if ((av.equals("N") || pr.equals("N") || ui.equals("N")) && !av.equals("P")) {
            return 1;
        }
        return 2;
    }

    private static String macro(int... eqs) {
        StringBuilder s = new StringBuilder();
        for (int eq : eqs) {
            s.append(eq);
        }
        return s.toString();
    }

    private static Map<String, Integer> distances(Map<String, String> effective, String max) {
        Map<String, String> maxValues = new HashMap<>();
        for (String part : max.split("/")) {
            int colon = part.indexOf(':');
            maxValues.put(part.substring(0, colon), part.substring(colon + 1));
        }
        Map<String, Integer> d = new HashMap<>();
        LEVELS.forEach((metric, levels) -> d.put(metric,
                levels.get(effective.get(metric)) - levels.get(maxValues.get(metric))));
        return d;
    }
}
