package org.inspectorate.draw.algorithm;

import java.io.InputStream;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.IntStream;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a pool snapshot's JSON (as {@link PoolSnapshot#writeCanonical} writes it) token by token from a stream
 * straight into the candidates: no text of the whole document, no tree. As strict as {@link PublishedDraw}'s reader:
 * every member must be present once, an unknown member or a value of the wrong type is an error naming its path.
 */
final class SnapshotReader {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private static final Members ROOT = new Members("format", "targets", "inspectors", "relations");
    private static final Members TARGET = new Members("id", "operatorId", "operatorType", "province", "networkCategory",
        "gradeLevel", "lastInspected", "attributes");
    private static final Members INSPECTOR = new Members("id", "agencyId", "skills", "employment", "declaredConflicts",
        "vettingValidUntil", "commitmentValidUntil");
    private static final Members EMPLOYMENT = new Members("organisationId", "from", "until");
    private static final Members RELATION = new Members("agencyId", "organisationId", "date", "kind");

    private final JsonParser parser;

    private SnapshotReader(JsonParser parser) {
        this.parser = parser;
    }

    /**
     * The snapshot in {@code in} (UTF-8 JSON; the stream is read to its end and closed).
     *
     * @throws IllegalArgumentException naming the first problem and its JSON path
     */
    static PoolSnapshot read(InputStream in) {
        try (JsonParser parser = MAPPER.createParser(in)) {
            SnapshotReader reader = new SnapshotReader(parser);
            reader.next(Path.ROOT);
            PoolSnapshot snapshot = reader.snapshot(Path.ROOT);
            if (parser.nextToken() != null) {
                throw new IllegalArgumentException("$: unexpected content after the snapshot");
            }
            return snapshot;
        } catch (JacksonException e) {
            throw new IllegalArgumentException("not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * The snapshot whose object starts at {@code parser}'s current token, found at {@code path} (such as
     * {@code $.snapshot}) of a larger document; the parser is left on the snapshot's closing brace.
     */
    static PoolSnapshot read(JsonParser parser, String path) {
        try {
            return new SnapshotReader(parser).snapshot(Path.ROOT.member(path.startsWith("$.") ? path.substring(2) : path));
        } catch (JacksonException e) {
            throw new IllegalArgumentException("not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    private PoolSnapshot snapshot(Path at) {
        List<TargetCandidate> targets = new ArrayList<>();
        List<InspectorCandidate> inspectors = new ArrayList<>();
        List<AgencyRelation> relations = new ArrayList<>();
        object(at, ROOT, (member, path) -> {
            switch (member) {
                case 0 -> {
                    String format = string(path);
                    if (!PoolSnapshot.FORMAT.equals(format)) {
                        throw new IllegalArgumentException(path + " must be \"" + PoolSnapshot.FORMAT + "\", was \""
                                + format + "\"");
                    }
                }
                case 1 -> array(path, p -> targets.add(target(p)));
                case 2 -> array(path, p -> inspectors.add(inspector(p)));
                default -> array(path, p -> relations.add(relation(p)));
            }
        });
        return make(at, () -> new PoolSnapshot(targets, inspectors, relations));
    }

    private TargetCandidate target(Path at) {
        Object[] v = new Object[TARGET.names.length];
        object(at, TARGET, (member, path) -> {
            if (member == 6) {
                v[member] = optionalDate(path);
            } else if (member == 7) {
                v[member] = stringMap(path);
            } else {
                v[member] = string(path);
            }
        });
        @SuppressWarnings("unchecked")
        Map<String, String> attributes = (Map<String, String>) v[7];
        return make(at, () -> new TargetCandidate((String) v[0], (String) v[1], (String) v[2], (String) v[3],
                (String) v[4], (String) v[5], (LocalDate) v[6], attributes));
    }

    private InspectorCandidate inspector(Path at) {
        Object[] v = new Object[INSPECTOR.names.length];
        object(at, INSPECTOR, (member, path) -> {
            switch (member) {
                case 0, 1 -> v[member] = string(path);
                case 2, 4 -> v[member] = uniqueStrings(path);
                case 3 -> {
                    List<InspectorCandidate.Employment> employment = new ArrayList<>();
                    array(path, p -> employment.add(employment(p)));
                    v[member] = employment;
                }
                default -> v[member] = date(path);
            }
        });
        @SuppressWarnings("unchecked")
        Set<String> skills = (Set<String>) v[2];
        @SuppressWarnings("unchecked")
        List<InspectorCandidate.Employment> employment = (List<InspectorCandidate.Employment>) v[3];
        @SuppressWarnings("unchecked")
        Set<String> conflicts = (Set<String>) v[4];
        return make(at, () -> new InspectorCandidate((String) v[0], (String) v[1], skills, employment, conflicts,
                (LocalDate) v[5], (LocalDate) v[6]));
    }

    private InspectorCandidate.Employment employment(Path at) {
        Object[] v = new Object[EMPLOYMENT.names.length];
        object(at, EMPLOYMENT, (member, path) -> v[member] = switch (member) {
            case 0 -> string(path);
            case 1 -> date(path);
            default -> optionalDate(path);
        });
        return make(at, () -> new InspectorCandidate.Employment((String) v[0], (LocalDate) v[1], (LocalDate) v[2]));
    }

    private AgencyRelation relation(Path at) {
        Object[] v = new Object[RELATION.names.length];
        object(at, RELATION, (member, path) -> v[member] = member == 2 ? date(path) : string(path));
        return make(at, () -> new AgencyRelation((String) v[0], (String) v[1], (LocalDate) v[2], (String) v[3]));
    }

    // --- the strict token reading ------------------------------------------------------------------

    /** The members of one kind of object, in the order the reader numbers them, and that order sorted by name. */
    private static final class Members {

        final String[] names;
        final int[] sorted;

        Members(String... names) {
            this.names = names;
            this.sorted = IntStream.range(0, names.length).boxed()
                    .sorted(Comparator.comparing(i -> names[i])).mapToInt(Integer::intValue).toArray();
        }
    }

    private interface Member {
        void read(int member, Path path);
    }

    private interface Element {
        void read(Path path);
    }

    /** Reads the object at the current token: each of {@code names} exactly once, nothing else. */
    private void object(Path path, Members members, Member member) {
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            throw new IllegalArgumentException(path + " must be a JSON object");
        }
        String[] names = members.names;
        boolean[] seen = new boolean[names.length];
        int k = 0; // position in canonical (sorted) order, in which canonical JSON lists the members: tried first
        for (JsonToken t = next(path); t != JsonToken.END_OBJECT; t = next(path)) {
            String name = parser.currentName();
            int index;
            if (k < names.length && names[members.sorted[k]].equals(name)) {
                index = members.sorted[k++];
            } else {
                index = indexOf(names, name);
                k = names.length;
            }
            if (index < 0) {
                throw new IllegalArgumentException(path + "." + name + " is not a known member");
            }
            if (seen[index]) {
                throw new IllegalArgumentException(path + "." + name + " appears twice");
            }
            seen[index] = true;
            next(path);
            member.read(index, path.member(name));
        }
        for (int i = 0; i < names.length; i++) {
            if (!seen[i]) {
                throw new IllegalArgumentException(path + "." + names[i] + " is missing");
            }
        }
    }

    private void array(Path path, Element element) {
        if (parser.currentToken() != JsonToken.START_ARRAY) {
            throw new IllegalArgumentException(path + " must be an array");
        }
        int i = 0;
        for (JsonToken t = next(path); t != JsonToken.END_ARRAY; t = next(path)) {
            element.read(path.element(i++));
        }
    }

    private String string(Path path) {
        if (parser.currentToken() != JsonToken.VALUE_STRING) {
            throw new IllegalArgumentException(path + " must be a string");
        }
        return parser.getString();
    }

    private Set<String> uniqueStrings(Path path) {
        List<String> list = new ArrayList<>();
        array(path, p -> list.add(string(p)));
        Set<String> set = new HashSet<>(list);
        if (set.size() != list.size()) {
            throw new IllegalArgumentException(path + " lists a value twice");
        }
        return set;
    }

    private Map<String, String> stringMap(Path path) {
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            throw new IllegalArgumentException(path + " must be a JSON object");
        }
        if (next(path) == JsonToken.END_OBJECT) {
            return Map.of();
        }
        String first = parser.currentName();
        next(path);
        String value = string(path.member(first));
        if (next(path) == JsonToken.END_OBJECT) { // the common case: one attribute
            return Map.of(first, value);
        }
        Map<String, String> m = new LinkedHashMap<>();
        m.put(first, value);
        for (JsonToken t = parser.currentToken(); t != JsonToken.END_OBJECT; t = next(path)) {
            String name = parser.currentName();
            next(path);
            if (m.put(name, string(path.member(name))) != null) {
                throw new IllegalArgumentException(path + "." + name + " appears twice");
            }
        }
        return m;
    }

    private LocalDate date(Path path) {
        LocalDate d = optionalDate(path);
        if (d == null) {
            throw new IllegalArgumentException(path + " must be a date, not null");
        }
        return d;
    }

    /** A {@code yyyy-MM-dd} date or {@code null}. */
    private LocalDate optionalDate(Path path) {
        if (parser.currentToken() == JsonToken.VALUE_NULL) {
            return null;
        }
        String s = parser.currentToken() == JsonToken.VALUE_STRING ? parser.getString() : "";
        if (s.length() != 10 || s.charAt(4) != '-' || s.charAt(7) != '-' || !digits(s, 0, 4) || !digits(s, 5, 7)
                || !digits(s, 8, 10)) {
            throw new IllegalArgumentException(path + " must be a yyyy-MM-dd date or null");
        }
        try {
            return LocalDate.of(Integer.parseInt(s, 0, 4, 10), Integer.parseInt(s, 5, 7, 10),
                    Integer.parseInt(s, 8, 10, 10));
        } catch (DateTimeException e) {
            throw new IllegalArgumentException(path + " is not a valid date: " + s, e);
        }
    }

    private static boolean digits(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private JsonToken next(Path path) {
        JsonToken t = parser.nextToken();
        if (t == null) {
            throw new IllegalArgumentException(path + ": the snapshot ends early");
        }
        return t;
    }

    /** Where a value sits, e.g. {@code $.targets[3].id}: spelled out only for an error message. */
    private static final class Path {

        static final Path ROOT = new Path(null, "$", -1);

        private final Path parent;
        private final String name;
        private final int index;

        private Path(Path parent, String name, int index) {
            this.parent = parent;
            this.name = name;
            this.index = index;
        }

        Path member(String member) {
            return new Path(this, member, -1);
        }

        Path element(int i) {
            return new Path(this, null, i);
        }

        @Override
        public String toString() {
            if (parent == null) {
                return name;
            }
            return parent + (name == null ? "[" + index + "]" : "." + name);
        }
    }

    private static int indexOf(String[] names, String name) {
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals(name)) {
                return i;
            }
        }
        return -1;
    }

    private static <T> T make(Path path, Supplier<T> constructor) {
        try {
            return constructor.get();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(path + ": " + e.getMessage(), e);
        }
    }
}
