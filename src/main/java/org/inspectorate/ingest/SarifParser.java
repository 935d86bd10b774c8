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
 * location is the first physical location's {@code uri:startLine}; its tool the run's {@code tool.driver.name}.
 *
 * <p>What a result means follows SARIF 2.1.0: {@code kind} defaults to {@code fail}; {@code pass} and
 * {@code notApplicable} results are no items, nor is a result whose {@code baselineState} is {@code absent}
 * (gone since the baseline); {@code informational} ones are informational items; {@code review} and
 * {@code open} are findings flagged {@link FindingFlag#NEEDS_REVIEW}. Severity: see
 * {@link #severity(String, Map, Map, Double)}; the {@code security-severity} score is kept as the scanner's
 * score. A result with an accepted suppression (or one without status) carries it as its
 * {@link ScannedFinding.Suppression}. Title: the rule's short description, else its name,
 * else the rule id; description: the result message (templates from the rule's {@code messageStrings}
 * filled with the arguments) and the rule's full description; solution: the rule's help text; evidence:
 * the region's snippet. References: CVE/CWE ids in the rule id, the rule's {@code properties.cve} and
 * {@code properties.tags} (CodeQL's {@code external/cwe/cwe-079}), and the result's and the rule's
 * {@code relationships}/{@code taxa} naming a CWE taxon. Rule tables must come before results in a run (as every tool writes them);
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
            String toolName = null;
            while (json.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = json.currentName();
                JsonToken value = json.nextToken();
                if (name.equals("tool") && value == JsonToken.START_OBJECT) {
                    toolName = tool(json, rules, rulesById);
                } else if (name.equals("results") && value == JsonToken.START_ARRAY) {
                    while (json.nextToken() == JsonToken.START_OBJECT) {
                        long line = json.currentLocation().getLineNr();
                        long column = json.currentLocation().getColumnNr();
                        Map<String, Object> result = object(json, SKIPPED);
                        ScannedFinding finding = result(result, rules, rulesById, toolName, line, column);
                        if (finding != null) {
                            sink.accept(finding);
                        }
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

    /**
     * Reads {@code tool}: keeps the driver's rules (metadata, small next to the results); returns the driver's
     * {@code name} as written, {@code null} when it has none.
     */
    private String tool(JsonParser json, List<Map<String, Object>> rules,
            Map<String, Map<String, Object>> rulesById) {
        String driverName = null;
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
                    } else if (member.equals("name") && memberValue == JsonToken.VALUE_STRING) {
                        driverName = json.getString();
                    } else {
                        json.skipChildren();
                    }
                }
            } else {
                json.skipChildren();
            }
        }
        return driverName;
    }

    /** The item a result makes, or {@code null} for a result that is no item (§3.27.9, §3.27.24). */
    private ScannedFinding result(Map<String, Object> result, List<Map<String, Object>> rules,
            Map<String, Map<String, Object>> rulesById, String toolName, long line, long column) {
        String kind = string(result, "kind");
        kind = kind == null ? "fail" : kind;
        if (kind.equals("pass") || kind.equals("notApplicable") || "absent".equals(string(result, "baselineState"))) {
            // a check that passed or did not apply, or a result gone since the baseline: nothing to record
            return null;
        }
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
        finding.tool = toolName;
        finding.scannerScore = securitySeverity(result, rule);
        finding.severity = severity(kind, result, rule, finding.scannerScore);
        if (kind.equals("review") || kind.equals("open")) {
            finding.flag(FindingFlag.NEEDS_REVIEW);
        }
        suppression(result, finding);
        finding.location = location(result);
        finding.evidence(snippet(result));
        finding.references(ruleId);
        finding.references(string(map(rule, "properties"), "cve"));
        SarifWeaknesses.cite(result, rule, finding);
        finding.category = weakCredentials.showsWeakCredentials(ReportFormat.SARIF, ruleId, title, null, message)
                ? FindingCategory.WEAK_PASSWORD
                : finding.severity == FindingBuilder.INFORMATIONAL ? FindingCategory.INFORMATIONAL
                : FindingCategory.CODE_DEFECT;
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

    /**
     * The register's severity of a result of the given kind (SARIF 2.1.0 §3.27.9, §3.27.10):
     * <ul>
     * <li>{@code informational}: none (not a problem);</li>
     * <li>{@code review}, {@code open}: the {@code security-severity} score, else the result's own {@code level}
     * (a level other than {@code none}), else LOW: the tool cannot tell and a person must look;</li>
     * <li>{@code fail} (the default, and any value the spec does not name): its level, defaulting to the
     * rule's {@code defaultConfiguration.level}, else {@code warning}; {@code none} is informational; otherwise
     * the {@code security-severity} score where given, else {@code error} → HIGH, {@code warning} → MEDIUM,
     * {@code note} → LOW.</li>
     * </ul>
     */
    static Severity severity(String kind, Map<String, Object> result, Map<String, Object> rule, Double score) {
        if (kind.equals("informational")) {
            return FindingBuilder.INFORMATIONAL;
        }
        String level = string(result, "level");
        if (kind.equals("review") || kind.equals("open")) {
            Severity severity = score != null ? FindingBuilder.ofScore(score)
                    : level == null ? FindingBuilder.INFORMATIONAL : ofLevel(level);
            return severity == FindingBuilder.INFORMATIONAL ? Severity.LOW : severity;
        }
        if (level == null) {
            level = string(map(rule, "defaultConfiguration"), "level");
        }
        Severity byLevel = ofLevel(level == null ? "warning" : level);
        if (byLevel == FindingBuilder.INFORMATIONAL || score == null) {
            return byLevel;
        }
        return FindingBuilder.ofScore(score);
    }

    private static Severity ofLevel(String level) {
        switch (level.toLowerCase(Locale.ROOT)) {
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

    /**
     * The {@code security-severity} score (0.0–10.0, as CodeQL and GitHub code scanning give it) of the result's
     * properties, else of its rule's; {@code null} when neither gives a usable one.
     */
    private static Double securitySeverity(Map<String, Object> result, Map<String, Object> rule) {
        Object score = map(result, "properties") == null ? null : map(result, "properties").get("security-severity");
        if (score == null && map(rule, "properties") != null) {
            score = map(rule, "properties").get("security-severity");
        }
        return score == null ? null : FindingBuilder.score(String.valueOf(score));
    }

    /**
     * Marks a suppressed result (§3.27.23, §3.35): one at least of its suppressions is {@code accepted} (a
     * suppression without {@code status} is accepted); suppressions only {@code underReview} or
     * {@code rejected} leave it an ordinary result. The kind is the first accepted one's, the justifications
     * of all accepted ones are joined.
     */
    private static void suppression(Map<String, Object> result, FindingBuilder finding) {
        if (!(result.get("suppressions") instanceof List<?> suppressions)) {
            return;
        }
        String kind = null;
        StringBuilder justification = new StringBuilder();
        boolean suppressed = false;
        for (Object entry : suppressions) {
            if (!(entry instanceof Map<?, ?>)) {
                continue;
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> suppression = (Map<String, Object>) entry;
            String status = string(suppression, "status");
            if (status != null && !status.equals("accepted")) {
                continue;
            }
            if (!suppressed) {
                kind = string(suppression, "kind");
                suppressed = true;
            }
            String why = FindingBuilder.clean(string(suppression, "justification"));
            if (why != null && justification.length() <= ScannedFinding.MAX_EVIDENCE) {
                justification.append(justification.length() == 0 ? "" : "\n").append(why);
            }
        }
        if (suppressed) {
            finding.suppression(kind, justification.length() == 0 ? null : justification.toString());
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
