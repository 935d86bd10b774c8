package org.inspectorate.draw;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.inspectorate.draw.algorithm.Quota;
import org.inspectorate.system.InvalidInputException.FieldProblem;

/**
 * Quotas as officers type them, one per line: {@code operatorType=VALUE_ADDED_TELECOM; per=province; atLeast=10}
 * (match fields, then {@code per} as a comma list, then {@code atLeast}).
 */
final class QuotaText {

    private QuotaText() {
    }

    static List<Quota> parse(String text, List<FieldProblem> problems) {
        List<Quota> quotas = new ArrayList<>();
        if (text == null) {
            return quotas;
        }
        int lineNo = 0;
        for (String line : text.split("\\R")) {
            lineNo++;
            if (line.isBlank()) {
                continue;
            }
            Map<String, String> match = new LinkedHashMap<>();
            List<String> per = new ArrayList<>();
            Integer atLeast = null;
            try {
                for (String part : line.split(";")) {
                    if (part.isBlank()) {
                        continue;
                    }
                    String[] kv = part.split("=", 2);
                    if (kv.length != 2) {
                        throw new IllegalArgumentException(part.strip());
                    }
                    String k = kv[0].strip();
                    String v = kv[1].strip();
                    if ("per".equals(k)) {
                        for (String p : v.split(",")) {
                            if (!p.isBlank()) {
                                per.add(p.strip());
                            }
                        }
                    } else if ("atLeast".equals(k)) {
                        atLeast = Integer.parseInt(v);
                    } else {
                        match.put(k, v);
                    }
                }
                if (atLeast == null) {
                    throw new IllegalArgumentException("atLeast");
                }
                quotas.add(new Quota(match, per, atLeast));
            } catch (IllegalArgumentException e) {
                problems.add(new FieldProblem("quotas", "draw.quota.invalid", lineNo, e.getMessage()));
                return quotas;
            }
        }
        return quotas;
    }

    static String format(List<Quota> quotas) {
        StringBuilder s = new StringBuilder();
        for (Quota q : quotas) {
            q.match().forEach((k, v) -> s.append(k).append('=').append(v).append("; "));
            if (!q.per().isEmpty()) {
                s.append("per=").append(String.join(",", q.per())).append("; ");
            }
            s.append("atLeast=").append(q.atLeast()).append('\n');
        }
        return s.toString();
    }
}
