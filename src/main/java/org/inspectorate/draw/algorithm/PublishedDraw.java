package org.inspectorate.draw.algorithm;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A draw as published (一公开) for anyone to verify: the snapshot, the rules, the commitment, the revealed
 * seed, the witness entropy and the claimed result of the current round, and every round run before it
 * ({@link EarlierRound}: infeasible attempts and superseded results, in order). Written as canonical JSON; read
 * strictly (unknown or duplicate members are errors, so nothing in the file goes unchecked).
 */
public record PublishedDraw(PoolSnapshot snapshot, DrawRules rules, DrawCommitment commitment, DrawSeed seed,
        List<String> witnessEntropy, List<TeamAssignment> result, List<EarlierRound> earlierRounds) {

    static final String FORMAT = "inspectorate-published-draw-v2";

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    public PublishedDraw {
        Checks.required(snapshot, "snapshot");
        Checks.required(rules, "rules");
        Checks.required(commitment, "commitment");
        Checks.required(seed, "seed");
        witnessEntropy = List.copyOf(Checks.required(witnessEntropy, "witnessEntropy"));
        result = List.copyOf(Checks.required(result, "result"));
        earlierRounds = List.copyOf(Checks.required(earlierRounds, "earlierRounds"));
        for (int i = 0; i < earlierRounds.size(); i++) {
            if (earlierRounds.get(i).round() != i + 1) {
                throw new IllegalArgumentException("earlierRounds must be rounds 1, 2, … in order; item " + (i + 1)
                        + " is round " + earlierRounds.get(i).round());
            }
        }
    }

    /** A draw published after its first run, with no earlier round. */
    public PublishedDraw(PoolSnapshot snapshot, DrawRules rules, DrawCommitment commitment, DrawSeed seed,
            List<String> witnessEntropy, List<TeamAssignment> result) {
        this(snapshot, rules, commitment, seed, witnessEntropy, result, List.of());
    }

    /** Canonical JSON of the whole published draw (the format read by {@link #fromJson}). */
    public String toJson() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            writeJson(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /**
     * Writes the UTF-8 bytes of {@link #toJson()} to {@code out} (not closed), the snapshot member by member as it
     * goes ({@link PoolSnapshot#writeCanonical}): no text of the whole pool in memory. The members come in canonical
     * order, the snapshot second to last.
     */
    public void writeJson(OutputStream out) throws IOException {
        Map<String, Object> before = new TreeMap<>(canonicalWithoutSnapshot());
        Object witness = before.remove("witnessEntropy");
        String head = CanonicalJson.write(before);
        out.write((head.substring(0, head.length() - 1) + ",\"snapshot\":").getBytes(StandardCharsets.UTF_8));
        snapshot.writeCanonical(out);
        out.write((",\"witnessEntropy\":" + CanonicalJson.write(witness) + "}").getBytes(StandardCharsets.UTF_8));
    }

    /** The members of the published draw as generic values; with the snapshot's, what {@link #toJson()} writes. */
    Map<String, Object> canonical() {
        Map<String, Object> m = canonicalWithoutSnapshot();
        m.put("snapshot", snapshot.canonical());
        return m;
    }

    private Map<String, Object> canonicalWithoutSnapshot() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format", FORMAT);
        m.put("algorithm", DoubleRandomDraw.ALGORITHM);
        m.put("rules", rules.canonical());
        m.put("commitment", commitment.canonical());
        m.put("seed", seed.hex());
        m.put("witnessEntropy", witnessEntropy);
        m.put("result", result.stream().map(TeamAssignment::canonical).toList());
        m.put("earlierRounds", earlierRounds.stream().map(EarlierRound::canonical).toList());
        return m;
    }

    /**
     * Reads a published draw.
     *
     * @throws IllegalArgumentException naming the first problem (with its JSON path) when the text is not one
     */
    public static PublishedDraw fromJson(String json) {
        return fromJson(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * Reads a published draw from a UTF-8 stream (read to its end and closed), the large snapshot token by token
     * ({@link SnapshotReader}) and the small rest of the document as a tree.
     *
     * @throws IllegalArgumentException naming the first problem (with its JSON path) when the text is not one
     */
    public static PublishedDraw fromJson(InputStream in) {
        ObjectNode rest = MAPPER.createObjectNode();
        PoolSnapshot snapshot = null;
        try (JsonParser parser = MAPPER.createParser(in)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException("$ must be a JSON object");
            }
            for (JsonToken t = parser.nextToken(); t == JsonToken.PROPERTY_NAME; t = parser.nextToken()) {
                String name = parser.currentName();
                parser.nextToken(); // a member given twice is refused by the parser (strict duplicate detection)
                if (name.equals("snapshot")) {
                    snapshot = SnapshotReader.read(parser, "$.snapshot");
                } else {
                    rest.set(name, parser.readValueAsTree());
                }
            }
            if (parser.nextToken() != null) {
                throw new IllegalArgumentException("$: unexpected content after the published draw");
            }
        } catch (JacksonException e) {
            throw new IllegalArgumentException("not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (snapshot == null) {
            throw new IllegalArgumentException("$.snapshot is missing");
        }
        return fromTree(new Obj(rest, "$"), snapshot);
    }

    private static PublishedDraw fromTree(Obj draw, PoolSnapshot snapshot) {
        draw.constant("format", FORMAT);
        draw.constant("algorithm", DoubleRandomDraw.ALGORITHM);
        DrawRules rules = rules(draw.obj("rules"));
        DrawCommitment commitment = commitment(draw.obj("commitment"));
        DrawSeed seed = draw.make(() -> DrawSeed.fromHex(draw.string("seed")));
        List<String> witness = draw.strings("witnessEntropy");
        List<TeamAssignment> result = assignments(draw, "result");
        List<EarlierRound> earlier = new ArrayList<>();
        for (Obj e : draw.objects("earlierRounds")) {
            earlier.add(earlierRound(e));
        }
        draw.end();
        return draw.make(() -> new PublishedDraw(snapshot, rules, commitment, seed, witness, result, earlier));
    }

    private static List<TeamAssignment> assignments(Obj o, String name) {
        List<TeamAssignment> result = new ArrayList<>();
        for (Obj a : o.objects(name)) {
            result.add(a.make(() -> new TeamAssignment(a.string("target"), a.string("leader"), a.strings("members"))));
            a.end();
        }
        return result;
    }

    private static EarlierRound earlierRound(Obj e) {
        DrawCommitment commitment = commitment(e.obj("commitment"));
        DrawSeed seed = e.make(() -> DrawSeed.fromHex(e.string("seed")));
        List<String> witness = e.strings("witnessEntropy");
        String outcome = e.string("outcome");
        Integer infeasibleAt = e.optionalInteger("infeasibleAt");
        List<TeamAssignment> result = assignments(e, "result");
        int round = e.integer("round");
        e.end();
        return e.make(() -> new EarlierRound(round, commitment, seed, witness, outcome(outcome), infeasibleAt, result));
    }

    private static EarlierRound.Outcome outcome(String name) {
        for (EarlierRound.Outcome o : EarlierRound.Outcome.values()) {
            if (o.name().equals(name)) {
                return o;
            }
        }
        throw new IllegalArgumentException("outcome must be INFEASIBLE or SUPERSEDED, was \"" + name + "\"");
    }

    private static DrawCommitment commitment(Obj c) {
        c.constant("format", DrawCommitment.FORMAT);
        DrawCommitment commitment = c.make(() -> new DrawCommitment(c.string("seedHash"), c.string("snapshotHash"),
                c.string("rulesHash"), c.date("drawDate")));
        c.end();
        return commitment;
    }

    /** Reads the rules' canonical JSON (as {@link DrawRules#canonicalJson()} writes it). */
    public static DrawRules rulesFromJson(String json) {
        return rules(new Obj(tree(json), "$"));
    }

    /** Reads assignments written as the canonical JSON array of a result. */
    public static List<TeamAssignment> assignmentsFromJson(String json) {
        List<TeamAssignment> result = new ArrayList<>();
        JsonNode root = tree(json);
        if (!root.isArray()) {
            throw new IllegalArgumentException("$: expected an array of assignments");
        }
        int i = 0;
        for (JsonNode node : root) {
            Obj a = new Obj(node, "$[" + i++ + "]");
            result.add(a.make(() -> new TeamAssignment(a.string("target"), a.string("leader"), a.strings("members"))));
            a.end();
        }
        return result;
    }

    public static String assignmentsJson(List<TeamAssignment> assignments) {
        return CanonicalJson.write(assignments.stream().map(TeamAssignment::canonical).toList());
    }

    public static List<String> stringsFromJson(String json) {
        List<String> out = new ArrayList<>();
        for (JsonNode node : tree(json)) {
            if (!node.isString()) {
                throw new IllegalArgumentException("$: expected an array of strings");
            }
            out.add(node.asString());
        }
        return out;
    }

    private static JsonNode tree(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static DrawRules rules(Obj r) {
        r.constant("format", DrawRules.FORMAT);
        List<Quota> quotas = new ArrayList<>();
        for (Obj q : r.objects("quotas")) {
            quotas.add(q.make(() -> new Quota(q.stringMap("match"), q.strings("per"), q.integer("atLeast"))));
            q.end();
        }
        DrawRules rules = r.make(() -> new DrawRules(r.string("name"), r.integer("version"), r.integer("sampleSize"),
                quotas, r.integer("teamSize"), Set.copyOf(r.uniqueStrings("requiredSkills")), r.string("leaderSkill"),
                r.integer("maxTargetsPerAgency"), r.integer("conflictLookbackYears"),
                r.integer("recentInspectionMonths")));
        r.end();
        return rules;
    }

    /** A JSON object read strictly: every member must be read once, and every problem names its path. */
    private static final class Obj {

        private final JsonNode node;
        private final String path;
        private final Set<String> read = new HashSet<>();

        Obj(JsonNode node, String path) {
            if (node == null || !node.isObject()) {
                throw new IllegalArgumentException(path + " must be a JSON object");
            }
            this.node = node;
            this.path = path;
        }

        private JsonNode member(String name) {
            read.add(name);
            JsonNode v = node.get(name);
            if (v == null) {
                throw new IllegalArgumentException(path + "." + name + " is missing");
            }
            return v;
        }

        String string(String name) {
            JsonNode v = member(name);
            if (!v.isString()) {
                throw new IllegalArgumentException(path + "." + name + " must be a string");
            }
            return v.stringValue();
        }

        void constant(String name, String expected) {
            String v = string(name);
            if (!expected.equals(v)) {
                throw new IllegalArgumentException(path + "." + name + " must be \"" + expected + "\", was \"" + v + "\"");
            }
        }

        int integer(String name) {
            JsonNode v = member(name);
            if (!v.isIntegralNumber() || !v.canConvertToInt()) {
                throw new IllegalArgumentException(path + "." + name + " must be an integer");
            }
            return v.intValue();
        }

        Integer optionalInteger(String name) {
            JsonNode v = member(name);
            if (v.isNull()) {
                return null;
            }
            if (!v.isIntegralNumber() || !v.canConvertToInt()) {
                throw new IllegalArgumentException(path + "." + name + " must be an integer or null");
            }
            return v.intValue();
        }

        LocalDate date(String name) {
            LocalDate d = optionalDate(name);
            if (d == null) {
                throw new IllegalArgumentException(path + "." + name + " must be a date, not null");
            }
            return d;
        }

        LocalDate optionalDate(String name) {
            JsonNode v = member(name);
            if (v.isNull()) {
                return null;
            }
            if (!v.isString() || !v.stringValue().matches("\\d{4}-\\d{2}-\\d{2}")) {
                throw new IllegalArgumentException(path + "." + name + " must be a yyyy-MM-dd date or null");
            }
            try {
                return LocalDate.parse(v.stringValue());
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(path + "." + name + " is not a valid date: " + v.stringValue(), e);
            }
        }

        Obj obj(String name) {
            return new Obj(member(name), path + "." + name);
        }

        private JsonNode array(String name) {
            JsonNode v = member(name);
            if (!v.isArray()) {
                throw new IllegalArgumentException(path + "." + name + " must be an array");
            }
            return v;
        }

        List<Obj> objects(String name) {
            List<Obj> list = new ArrayList<>();
            int i = 0;
            for (JsonNode e : array(name).values()) {
                list.add(new Obj(e, path + "." + name + "[" + i++ + "]"));
            }
            return list;
        }

        List<String> strings(String name) {
            List<String> list = new ArrayList<>();
            int i = 0;
            for (JsonNode e : array(name).values()) {
                if (!e.isString()) {
                    throw new IllegalArgumentException(path + "." + name + "[" + i + "] must be a string");
                }
                list.add(e.stringValue());
                i++;
            }
            return list;
        }

        List<String> uniqueStrings(String name) {
            List<String> list = strings(name);
            if (new HashSet<>(list).size() != list.size()) {
                throw new IllegalArgumentException(path + "." + name + " lists a value twice");
            }
            return list;
        }

        Map<String, String> stringMap(String name) {
            Obj o = obj(name);
            Map<String, String> m = new LinkedHashMap<>();
            for (String key : o.node.propertyNames()) {
                m.put(key, o.string(key));
            }
            return m;
        }

        <T> T make(Supplier<T> constructor) {
            try {
                return constructor.get();
            } catch (IllegalArgumentException e) {
                if (e.getMessage() != null && e.getMessage().startsWith("$")) {
                    throw e;
                }
                throw new IllegalArgumentException(path + ": " + e.getMessage(), e);
            }
        }

        void end() {
            for (String name : node.propertyNames()) {
                if (!read.contains(name)) {
                    throw new IllegalArgumentException(path + "." + name + " is not a known member");
                }
            }
        }
    }
}
