package org.inspectorate.draw.algorithm;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A minimum per stratum: among targets matching {@code match}, grouped by the fields in {@code per},
 * at least {@code atLeast} are drawn in every group. "At least ten value-added telecom enterprises per
 * province" is {@code match={operatorType=VALUE_ADDED_TELECOM}, per=[province], atLeast=10}.
 * Fields are {@code operatorId}, {@code operatorType}, {@code province}, {@code networkCategory},
 * {@code gradeLevel} and {@code attributes.<name>}.
 */
public record Quota(Map<String, String> match, List<String> per, int atLeast) {

    public Quota {
        Checks.required(match, "quota match");
        TreeMap<String, String> m = new TreeMap<>();
        match.forEach((field, value) -> m.put(field(field), Checks.code(value, "quota match value of " + field)));
        match = Collections.unmodifiableMap(m);
        Checks.required(per, "quota per");
        per.forEach(Quota::field);
        if (per.stream().distinct().count() != per.size()) {
            throw new IllegalArgumentException("quota per names a field twice: " + per);
        }
        per = List.copyOf(per);
        Checks.atLeast(atLeast, 1, "quota atLeast");
    }

    private static String field(String name) {
        Checks.code(name, "quota field");
        if (!TargetCandidate.isField(name)) {
            throw new IllegalArgumentException("unknown quota field '" + name + "'; known: "
                    + new TreeSet<>(TargetCandidate.FIELDS) + " and attributes.<name>");
        }
        return name;
    }

    boolean matches(TargetCandidate t) {
        for (Map.Entry<String, String> e : match.entrySet()) {
            if (!e.getValue().equals(t.field(e.getKey()))) {
                return false;
            }
        }
        return true;
    }

    /** How the quota reads in a report, e.g. {@code operatorType=VALUE_ADDED_TELECOM per [province] at least 10}. */
    String describe() {
        StringBuilder s = new StringBuilder();
        match.forEach((k, v) -> s.append(s.length() == 0 ? "" : ", ").append(k).append('=').append(v));
        if (s.length() == 0) {
            s.append("all targets");
        }
        if (!per.isEmpty()) {
            s.append(" per ").append(per);
        }
        return s.append(" at least ").append(atLeast).toString();
    }

    Map<String, Object> canonical() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("match", match);
        m.put("per", per);
        m.put("atLeast", atLeast);
        return m;
    }
}
