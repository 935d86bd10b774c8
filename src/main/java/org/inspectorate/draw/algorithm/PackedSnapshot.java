package org.inspectorate.draw.algorithm;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The compact form in which a draw keeps its frozen snapshot: the pools with every repeated code written once and
 * then referred to by number, each id as what it adds to the one before it, dates as day numbers. It is not
 * deflated as well: inflating costs more time than the bytes it saves. It is only storage, never evidence: whoever reads it
 * back rebuilds the snapshot's canonical JSON from what was read and hashes that ({@link PoolSnapshot#hash()}), so a
 * stored copy that was changed in any way no longer matches the published commitment. The published, documented form
 * stays the canonical JSON (docs/draw-algorithm.md); this one saves parsing 20 MB of text on every run and
 * verification of a large draw.
 *
 * <p>Layout (all integers unsigned LEB128 varints): the magic {@code IPS1}; then the targets, the inspectors and the
 * relations, each as a count followed by its items. A string is a reference into its field's dictionary: {@code 0}
 * introduces a new value (its UTF-8 byte length, then the bytes), {@code k > 0} repeats the k-th value introduced
 * for that field. An id (each is unique, and they come sorted) is the number of leading UTF-8 bytes it shares with
 * the id before it in its list, then the number of its other bytes and those bytes. A date is {@code 0} for none, else its epoch day plus {@code 2^31}, plus one. A set or list is a
 * count followed by its elements.
 */
public final class PackedSnapshot {

    private static final byte[] MAGIC = {'I', 'P', 'S', '1'};
    private static final long DATE_OFFSET = 1L << 31;
    /** More items or bytes than any real pool holds: a count beyond it means the stored bytes are damaged. */
    private static final int MAX_COUNT = 50_000_000;

    /** One dictionary per field, so that the references stay small numbers (ids, each unique, have none). */
    private enum Field {
        OPERATOR_ID, OPERATOR_TYPE, PROVINCE, NETWORK_CATEGORY, GRADE_LEVEL, ATTRIBUTE_NAME, ATTRIBUTE_VALUE,
        AGENCY_ID, SKILL, ORGANISATION_ID, CONFLICT, KIND
    }

    private PackedSnapshot() {
    }

    /** The compact form of {@code snapshot}. */
    public static byte[] pack(PoolSnapshot snapshot) {
        Writer w = new Writer();
        w.out.write(MAGIC, 0, MAGIC.length);
        w.count(snapshot.targets().size());
        for (TargetCandidate t : snapshot.targets()) {
            w.id(t.id());
            w.string(Field.OPERATOR_ID, t.operatorId());
            w.string(Field.OPERATOR_TYPE, t.operatorType());
            w.string(Field.PROVINCE, t.province());
            w.string(Field.NETWORK_CATEGORY, t.networkCategory());
            w.string(Field.GRADE_LEVEL, t.gradeLevel());
            w.date(t.lastInspected());
            w.count(t.attributes().size());
            t.attributes().forEach((name, value) -> {
                w.string(Field.ATTRIBUTE_NAME, name);
                w.string(Field.ATTRIBUTE_VALUE, value);
            });
        }
        w.previousId = new byte[0];
        w.count(snapshot.inspectors().size());
        for (InspectorCandidate p : snapshot.inspectors()) {
            w.id(p.id());
            w.string(Field.AGENCY_ID, p.agencyId());
            w.strings(Field.SKILL, p.skills());
            w.count(p.employment().size());
            for (InspectorCandidate.Employment e : p.employment()) {
                w.string(Field.ORGANISATION_ID, e.organisationId());
                w.date(e.from());
                w.date(e.until());
            }
            w.strings(Field.CONFLICT, p.declaredConflicts());
            w.date(p.vettingValidUntil());
            w.date(p.commitmentValidUntil());
        }
        w.count(snapshot.relations().size());
        for (AgencyRelation r : snapshot.relations()) {
            w.string(Field.AGENCY_ID, r.agencyId());
            w.string(Field.ORGANISATION_ID, r.organisationId());
            w.date(r.date());
            w.string(Field.KIND, r.kind());
        }
        return w.out.toByteArray();
    }

    /**
     * The snapshot stored by {@link #pack}; its hash is computed afresh from its content when asked for.
     *
     * @throws IllegalArgumentException when the bytes are not a packed snapshot (damaged, truncated, another format)
     */
    public static PoolSnapshot unpack(byte[] packed) {
        Reader r = new Reader(packed);
        try {
            for (byte b : MAGIC) {
                if (r.in[r.at++] != b) {
                    throw new IllegalArgumentException("the stored snapshot is not in the packed format");
                }
            }
            return r.snapshot();
        } catch (ArrayIndexOutOfBoundsException e) {
            throw new IllegalArgumentException("the stored snapshot ends early", e);
        } catch (IllegalArgumentException e) { // also a value the candidates' constructors refuse
            throw e.getMessage() != null && e.getMessage().startsWith("the stored snapshot") ? e
                    : new IllegalArgumentException("the stored snapshot is damaged: " + e.getMessage(), e);
        }
    }

    private static final class Writer {

        final ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 20);
        private final List<Map<String, Integer>> dictionaries = new ArrayList<>();

        Writer() {
            for (int i = 0; i < Field.values().length; i++) {
                dictionaries.add(new HashMap<>());
            }
        }

        void count(long n) {
            while ((n & ~0x7FL) != 0) {
                out.write((int) ((n & 0x7F) | 0x80));
                n >>>= 7;
            }
            out.write((int) n);
        }

        void string(Field field, String value) {
            Map<String, Integer> dictionary = dictionaries.get(field.ordinal());
            Integer known = dictionary.get(value);
            if (known != null) {
                count(known);
                return;
            }
            dictionary.put(value, dictionary.size() + 1);
            count(0);
            text(value);
        }

        /** A string written out in full: its UTF-8 byte length, then the bytes. */
        void text(String value) {
            byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
            count(utf8.length);
            out.write(utf8, 0, utf8.length);
        }

        byte[] previousId = new byte[0];

        /** An id after the one before it in sorted order: the length of the bytes they share, then the rest. */
        void id(String value) {
            byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
            int shared = Arrays.mismatch(previousId, utf8);
            if (shared < 0) {
                shared = utf8.length; // equal ids: the snapshot refuses these, but the layout need not
            }
            count(shared);
            count(utf8.length - shared);
            out.write(utf8, shared, utf8.length - shared);
            previousId = utf8;
        }

        void strings(Field field, Collection<String> values) {
            count(values.size());
            for (String v : values) {
                string(field, v);
            }
        }

        void date(LocalDate d) {
            count(d == null ? 0 : d.toEpochDay() + DATE_OFFSET + 1);
        }
    }

    private static final class Reader {

        final byte[] in;
        int at;
        private final List<List<String>> dictionaries = new ArrayList<>();

        Reader(byte[] in) {
            this.in = in;
            for (int i = 0; i < Field.values().length; i++) {
                dictionaries.add(new ArrayList<>());
            }
        }

        PoolSnapshot snapshot() {
            int targetCount = items();
            List<TargetCandidate> targets = new ArrayList<>(targetCount);
            for (int i = 0; i < targetCount; i++) {
                targets.add(target());
            }
            previousId = new byte[0];
            int inspectorCount = items();
            List<InspectorCandidate> inspectors = new ArrayList<>(inspectorCount);
            for (int i = 0; i < inspectorCount; i++) {
                inspectors.add(inspector());
            }
            int relationCount = items();
            List<AgencyRelation> relations = new ArrayList<>(relationCount);
            for (int i = 0; i < relationCount; i++) {
                relations.add(new AgencyRelation(string(Field.AGENCY_ID), string(Field.ORGANISATION_ID), date(),
                        string(Field.KIND)));
            }
            if (at != in.length) {
                throw new IllegalArgumentException("the stored snapshot has bytes after its end");
            }
            return new PoolSnapshot(targets, inspectors, relations);
        }

        private TargetCandidate target() {
            String id = id();
            String operatorId = string(Field.OPERATOR_ID);
            String operatorType = string(Field.OPERATOR_TYPE);
            String province = string(Field.PROVINCE);
            String category = string(Field.NETWORK_CATEGORY);
            String grade = string(Field.GRADE_LEVEL);
            LocalDate lastInspected = date();
            int attributeCount = items();
            Map<String, String> attributes = attributeCount == 0 ? Map.of() : new TreeMap<>();
            for (int i = 0; i < attributeCount; i++) {
                String name = string(Field.ATTRIBUTE_NAME);
                if (attributes.put(name, string(Field.ATTRIBUTE_VALUE)) != null) {
                    throw new IllegalArgumentException("target " + id + " has attribute " + name + " twice");
                }
            }
            return new TargetCandidate(id, operatorId, operatorType, province, category, grade, lastInspected,
                    attributes);
        }

        private InspectorCandidate inspector() {
            String id = id();
            String agencyId = string(Field.AGENCY_ID);
            TreeSet<String> skills = strings(Field.SKILL);
            int employmentCount = items();
            List<InspectorCandidate.Employment> employment = new ArrayList<>(employmentCount);
            for (int i = 0; i < employmentCount; i++) {
                employment.add(new InspectorCandidate.Employment(string(Field.ORGANISATION_ID), requiredDate(), date()));
            }
            TreeSet<String> conflicts = strings(Field.CONFLICT);
            return new InspectorCandidate(id, agencyId, skills, employment, conflicts, requiredDate(), requiredDate());
        }

        private TreeSet<String> strings(Field field) {
            int n = items();
            TreeSet<String> values = new TreeSet<>();
            for (int i = 0; i < n; i++) {
                values.add(string(field));
            }
            return values;
        }

        private int count() {
            long n = varint();
            if (n > MAX_COUNT) {
                throw new IllegalArgumentException("the stored snapshot is damaged: a count of " + n);
            }
            return (int) n;
        }

        /** A number of items to follow: each takes a byte at least, so no more than the bytes left. */
        private int items() {
            int n = count();
            if (n > in.length - at) {
                throw new IllegalArgumentException("the stored snapshot is damaged: " + n + " items in "
                        + (in.length - at) + " bytes");
            }
            return n;
        }

        private long varint() {
            long n = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                byte b = in[at++];
                n |= (long) (b & 0x7F) << shift;
                if (b >= 0) {
                    return n;
                }
            }
            throw new IllegalArgumentException("the stored snapshot is damaged: an overlong number");
        }

        private String string(Field field) {
            List<String> dictionary = dictionaries.get(field.ordinal());
            int ref = count();
            if (ref > 0) {
                if (ref > dictionary.size()) {
                    throw new IllegalArgumentException("the stored snapshot is damaged: an unknown reference");
                }
                return dictionary.get(ref - 1);
            }
            String value = text();
            dictionary.add(value);
            return value;
        }

        private byte[] previousId = new byte[0];

        private String id() {
            int shared = count();
            int rest = count();
            if (shared > previousId.length || rest > in.length - at) {
                throw new IllegalArgumentException("the stored snapshot is damaged: an id out of bounds");
            }
            byte[] utf8 = Arrays.copyOf(previousId, shared + rest);
            System.arraycopy(in, at, utf8, shared, rest);
            at += rest;
            previousId = utf8;
            return new String(utf8, StandardCharsets.UTF_8);
        }

        private String text() {
            int length = count();
            if (length > in.length - at) {
                throw new IllegalArgumentException("the stored snapshot ends early");
            }
            String value = new String(in, at, length, StandardCharsets.UTF_8);
            at += length;
            return value;
        }

        private LocalDate date() {
            long n = varint();
            return n == 0 ? null : epochDay(n);
        }

        private LocalDate requiredDate() {
            long n = varint();
            if (n == 0) {
                throw new IllegalArgumentException("the stored snapshot is damaged: a required date is missing");
            }
            return epochDay(n);
        }

        private static LocalDate epochDay(long n) {
            try {
                return LocalDate.ofEpochDay(n - 1 - DATE_OFFSET);
            } catch (DateTimeException e) {
                throw new IllegalArgumentException("the stored snapshot is damaged: a date out of range", e);
            }
        }
    }
}
