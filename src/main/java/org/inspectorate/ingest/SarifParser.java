package org.inspectorate.ingest;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.inspectorate.finding.Severity;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.json.JsonFactory;

/**
 * SARIF 2.1.0 ({@code runs[].results[]}) read token by token with Jackson's streaming parser: only one
 * run's rule table and one result at a time are held, never the whole file. Every result is a CODE_DEFECT
 * (or WEAK_PASSWORD when the {@link WeakCredentialPolicy} sees explicit wording) without host; its
 * location is the first physical location's {@code uri:startLine}.
 *
 * <p>Severity: the rule's {@code properties.security-severity} score when present (as CodeQL gives it) by
 * {@link FindingBuilder#ofScore(double)}; otherwise the result's {@code level}, else the rule's
 * {@code defaultConfiguration.level}, else {@code warning} (the SARIF default): {@code error} → HIGH,
 * {@code warning} → MEDIUM, {@code note} → LOW, {@code none} → informational; a result whose {@code kind} is other
 * than {@code fail} and that has no level is informational. Title: the rule's short description, else its name,
 * else the rule id; description: the result message (templates from the rule's {@code messageStrings}
 * filled with the arguments) and the rule's full description; solution: the rule's help text; evidence:
 * the region's snippet. Rule tables must come before results in a run (as every tool writes them);
 * results before their rules are still read, with the SARIF defaults.
 */
final class SarifParser implements StreamingReportParser {

    private static final JsonFactory JSON = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(200)
                    .maxStringLength(16 * 1024 * 1024)
                    .maxNameLength(10_000)
                    .maxNumberLength(100)
                    .build())
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
            .build();

    /** Result members that can be large and that a finding does not use. */
    private static final Set<String> SKIPPED = Set.of("codeFlows", "graphs", "graphTraversals", "stacks",
            "relatedLocations", "fixes", "attachments", "webRequest", "webResponse", "provenance");

    private static final int MAX_RULES = 100_000;

    private final WeakCredentialPolicy weakCredentials;

    SarifParser(WeakCredentialPolicy weakCredentials) {
        this.weakCredentials = weakCredentials;
    }

    @Override
    public ReportFormat format() {
        return ReportFormat.SARIF;
    }

    @Override
    public void parse(InputStream in, ReportSink sink) {
        JsonParser json = null;
        try {
            json = JSON.createParser(ObjectReadContext.empty(), in);
            JsonToken first = json.nextToken();
            if (first == null) {
                throw problem(json, "ingest.parse.empty");
            }
            if (first != JsonToken.START_OBJECT) {
                throw problem(json, "ingest.parse.wrong-format", ReportFormat.SARIF, first.asString());
            }
            boolean sawRuns = false;
            String version = null;
            while (json.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = json.currentName();
                JsonToken value = json.nextToken();
                if (name.equals("version")) {
                    version = json.getValueAsString();
                    if (!"2.1.0".equals(version)) {
                        throw problem(json, "ingest.parse.sarif-version", String.valueOf(version));
                    }
                } else if (name.equals("runs") && value == JsonToken.START_ARRAY) {
                    sawRuns = true;
                    runs(json, sink);
                } else {
                    json.skipChildren();
                }
            }
            if (version == null || !sawRuns) {
                throw problem(json, "ingest.parse.wrong-format", ReportFormat.SARIF,
                        version == null ? "version" : "runs");
            }
            if (json.nextToken() != null) {
                throw problem(json, "ingest.parse.malformed-json");
            }
        } catch (ReportParseException e) {
            throw e;
        } catch (JacksonException e) {
            TokenStreamLocation at = e.getLocation();
            throw new ReportParseException(new ParseProblem("ingest.parse.malformed-json",
                    at == null ? 0 : Math.max(at.getLineNr(), 0), at == null ? 0 : Math.max(at.getColumnNr(), 0)), e);
        } finally {
            if (json != null) {
                json.close();
            }
        }
    }

    private void runs(JsonParser json, ReportSink sink) {
        JsonToken token;
        while ((token = json.nextToken()) != JsonToken.END_ARRAY) {
            if (token != JsonToken.START_OBJECT) {
                throw problem(json, "ingest.parse.malformed-sarif", "runs");
            }
            List<Map<String, Object>> rules = new ArrayList<>();
            Map<String, Map<String, Object>> rulesById = new HashMap<>();
            while (json.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = json.currentName();
                JsonToken value = json.nextToken();
                if (name.equals("tool") && value == JsonToken.START_OBJECT) {
                    tool(json, rules, rulesById);
                } else if (name.equals("results") && value == JsonToken.START_ARRAY) {
                    while (json.nextToken() == JsonToken.START_OBJECT) {
                        long line = json.currentLocation().getLineNr();
                        long column = json.currentLocation().getColumnNr();
                        Map<String, Object> result = object(json, SKIPPED);
                        sink.accept(result(result, rules, rulesById, line, column));
                    }
                    if (json.currentToken() != JsonToken.END_ARRAY) {
                        throw problem(json, "ingest.parse.malformed-sarif", "results");
                    }
                } else {
                    json.skipChildren();
                }
            }
        }
    }

    /** Reads {@code tool}: keeps the driver's rules (metadata, small next to the results). */
    private void tool(JsonParser json, List<Map<String, Object>> rules,
            Map<String, Map<String, Object>> rulesById) {
        while (json.nextToken() == JsonToken.PROPERTY_NAME) {
            String name = json.currentName();
            JsonToken value = json.nextToken();
            if (name.equals("driver") && value == JsonToken.START_OBJECT) {
                while (json.nextToken() == JsonToken.PROPERTY_NAME) {
                    String member = json.currentName();
                    JsonToken memberValue = json.nextToken();
                    if (member.equals("rules") && memberValue == JsonToken.START_ARRAY) {
                        while (json.nextToken() == JsonToken.START_OBJECT) {
                            if (rules.size() >= MAX_RULES) {
                                throw problem(json, "ingest.parse.limit-exceeded");
                            }
                            Map<String, Object> rule = object(json, Set.of());
                            rules.add(rule);
                            Object id = rule.get("id");
                            if (id instanceof String ruleId) {
                                rulesById.putIfAbsent(ruleId, rule);
                            }
                        }
                    } else {
                        json.skipChildren();
                    }
                }
            } else {
                json.skipChildren();
            }
        }
    }

    private ScannedFinding result(Map<String, Object> result, List<Map<String, Object>> rules,
            Map<String, Map<String, Object>> rulesById, long line, long column) {
        String ruleId = string(result, "ruleId");
        Map<String, Object> rule = null;
        Object index = result.get("ruleIndex");
        if (index instanceof Number number && number.intValue() >= 0 && number.intValue() < rules.size()) {
            rule = rules.get(number.intValue());
        }
        if (rule == null && ruleId != null) {
            rule = rulesById.get(ruleId);
        }
        if (rule == null && map(result, "rule") != null) {
            String id = string(map(result, "rule"), "id");
            rule = id == null ? null : rulesById.get(id);
            ruleId = ruleId == null ? id : ruleId;
        }
        if (rule == null) {
            rule = Map.of();
        }
        if (ruleId == null) {
            ruleId = string(rule, "id");
        }
        FindingBuilder finding = new FindingBuilder(ReportFormat.SARIF);
        finding.ruleId = FindingBuilder.clean(ruleId);
        String message = message(map(result, "message"), rule);
        String title = text(map(rule, "shortDescription"));
        if (title == null) {
            title = string(rule, "name");
        }
        if (title == null) {
            title = ruleId != null ? ruleId : firstLine(message);
        }
        finding.title(title);
        String full = text(map(rule, "fullDescription"));
        finding.description(full == null || full.equals(message) ? message
                : message == null ? full : message + "\n\n" + full);
        finding.solution(text(map(rule, "help")));
        finding.severity = severity(result, rule);
        finding.location = location(result);
        finding.evidence(snippet(result));
        finding.references(ruleId);
        finding.references(string(map(rule, "properties"), "cve"));
        finding.category = weakCredentials.showsWeakCredentials(ReportFormat.SARIF, ruleId, title, null, message)
                ? FindingCategory.WEAK_PASSWORD : FindingCategory.CODE_DEFECT;
        if (finding.location == null) {
            finding.location = "-";
        }
        try {
            return finding.build();
        } catch (IllegalArgumentException e) {
            throw new ReportParseException(new ParseProblem("ingest.parse.item-invalid", line, column,
                    Hosts.abbreviate(String.valueOf(e.getMessage()))), e);
        }
    }

    static Severity severity(Map<String, Object> result, Map<String, Object> rule) {
        Object score = map(rule, "properties") == null ? null : map(rule, "properties").get("security-severity");
        if (score != null) {
            try {
                return FindingBuilder.ofScore(Double.parseDouble(String.valueOf(score).strip()));
            } catch (NumberFormatException e) {
                // fall back to the level
            }
        }
        String level = string(result, "level");
        String kind = string(result, "kind");
        if (level == null && kind != null && !kind.equals("fail")) {
            return FindingBuilder.INFORMATIONAL;
        }
        if (level == null) {
            level = string(map(rule, "defaultConfiguration"), "level");
        }
        switch (level == null ? "warning" : level.toLowerCase(Locale.ROOT)) {
            case "error":
                return Severity.HIGH;
            case "note":
                return Severity.LOW;
            case "none":
                return FindingBuilder.INFORMATIONAL;
            default:
                return Severity.MEDIUM;
        }
    }

    private static String message(Map<String, Object> message, Map<String, Object> rule) {
        if (message == null) {
            return null;
        }
        String text = string(message, "text");
        if (text == null && string(message, "id") != null) {
            Map<String, Object> strings = map(rule, "messageStrings");
            text = text(map(strings, string(message, "id")));
        }
        if (text == null) {
            return null;
        }
        Object args = message.get("arguments");
        if (args instanceof List<?> list) {
            for (int i = 0; i < list.size() && i < 100; i++) {
                text = text.replace("{" + i + "}", String.valueOf(list.get(i)));
            }
        }
        return text;
    }

    private static String location(Map<String, Object> result) {
        Map<String, Object> physical = firstPhysicalLocation(result);
        if (physical == null) {
            Map<String, Object> target = map(result, "analysisTarget");
            return string(target, "uri");
        }
        String uri = string(map(physical, "artifactLocation"), "uri");
        Object line = map(physical, "region") == null ? null : map(physical, "region").get("startLine");
        if (uri == null) {
            return null;
        }
        return line instanceof Number ? uri + ":" + line : uri;
    }

    private static String snippet(Map<String, Object> result) {
        Map<String, Object> physical = firstPhysicalLocation(result);
        String snippet = text(map(map(physical, "region"), "snippet"));
        return snippet != null ? snippet : text(map(map(physical, "contextRegion"), "snippet"));
    }

    private static Map<String, Object> firstPhysicalLocation(Map<String, Object> result) {
        Object locations = result.get("locations");
        if (locations instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof Map<?, ?>) {
            @SuppressWarnings("unchecked")
            Map<String, Object> first = (Map<String, Object>) list.get(0);
            return map(first, "physicalLocation");
        }
        return null;
    }

    /** A SARIF multiformatMessageString or message: its {@code text}. */
    private static String text(Map<String, Object> message) {
        return string(message, "text");
    }

    private static String firstLine(String text) {
        if (text == null) {
            return null;
        }
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> from, String key) {
        if (from == null || key == null) {
            return null;
        }
        Object value = from.get(key);
        return value instanceof Map<?, ?> ? (Map<String, Object>) value : null;
    }

    private static String string(Map<String, Object> from, String key) {
        if (from == null) {
            return null;
        }
        Object value = from.get(key);
        return value instanceof String text ? text : null;
    }

    /** Reads the object the parser is at into maps and lists, skipping the named members. */
    private static Map<String, Object> object(JsonParser json, Set<String> skipped) {
        Map<String, Object> object = new LinkedHashMap<>();
        while (json.nextToken() == JsonToken.PROPERTY_NAME) {
            String name = json.currentName();
            json.nextToken();
            if (skipped.contains(name)) {
                json.skipChildren();
            } else {
                object.put(name, value(json));
            }
        }
        return object;
    }

    private static Object value(JsonParser json) {
        JsonToken token = json.currentToken();
        switch (token) {
            case START_OBJECT:
                return object(json, Set.of());
            case START_ARRAY:
                List<Object> list = new ArrayList<>();
                JsonToken next;
                while ((next = json.nextToken()) != JsonToken.END_ARRAY) {
                    if (next == null) {
                        throw problem(json, "ingest.parse.malformed-json");
                    }
                    list.add(value(json));
                }
                return list;
            case VALUE_STRING:
                return json.getString();
            case VALUE_NUMBER_INT:
                return json.getValueAsLong();
            case VALUE_NUMBER_FLOAT:
                return json.getValueAsDouble();
            case VALUE_TRUE:
                return Boolean.TRUE;
            case VALUE_FALSE:
                return Boolean.FALSE;
            default:
                return null;
        }
    }

    private static ReportParseException problem(JsonParser json, String key, Object... args) {
        TokenStreamLocation at = json.currentLocation();
        return ReportParseException.of(key, Math.max(at.getLineNr(), 0), Math.max(at.getColumnNr(), 0), args);
    }
}
