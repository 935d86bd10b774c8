package org.inspectorate.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The CWE ids a SARIF result cites, read from the result and its rule as {@link SarifParser} holds them. */
final class SarifWeaknesses {

    private SarifWeaknesses() {
    }

    /**
     * The CWE ids a result cites: tags of the rule ({@code external/cwe/cwe-079}), and taxa of the result or
     * relationships of the rule whose tool component is named CWE ({@code {"id": "79", "toolComponent":
     * {"name": "CWE"}}}; the id may also be written {@code CWE-79}).
     */
    static void cite(Map<String, Object> result, Map<String, Object> rule, FindingBuilder finding) {
        for (Object tag : list(properties(rule), "tags")) {
            if (tag instanceof String text && text.toLowerCase(Locale.ROOT).contains("cwe")) {
                finding.references(text);
            }
        }
        List<Object> references = new ArrayList<>(list(result, "taxa"));
        for (Object relationship : list(rule, "relationships")) {
            if (relationship instanceof Map<?, ?> r) {
                references.add(r.get("target"));
            }
        }
        for (Object reference : references) {
            if (reference instanceof Map<?, ?> taxon && taxon.get("id") instanceof String id
                    && taxon.get("toolComponent") instanceof Map<?, ?> component
                    && "CWE".equalsIgnoreCase(String.valueOf(component.get("name")))) {
                finding.weakness(id);
                finding.references(id);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> properties(Map<String, Object> rule) {
        Object value = rule == null ? null : rule.get("properties");
        return value instanceof Map<?, ?> ? (Map<String, Object>) value : null;
    }

    private static List<?> list(Map<String, Object> from, String key) {
        Object value = from == null ? null : from.get(key);
        return value instanceof List<?> items ? items : List.of();
    }

}
