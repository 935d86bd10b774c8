package org.inspectorate.draw.algorithm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.inspectorate.draw.algorithm.InspectorCandidate.Employment;
import org.junit.jupiter.api.Test;

class CanonicalDigestTest {

    /** Pieces that exercise every branch of the escaping and of the UTF-8 encoding. */
    private static final String[] AWKWARD = {"网络安全", "\"quoted\"", "back\\slash", "\\\"", "é", "ß", "€",
        "😀", "𠀀", "a\u2028b", "\uFFFD", "a/b", "<&>", "plain", "中\"文\\混合"};

    private static final String[] CONTROL = {"\u0000", "\u0001", "\b", "\t", "\n", "\f", "\r", "\u001b", "\u001f",
        "\u007f", "\u0085"};

    @Test
    void streamedSnapshotHashEqualsSha256OfTheStringBuiltCanonicalJson() {
        Random r = new Random(6);
        List<TargetCandidate> targets = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
            Map<String, String> attributes = new LinkedHashMap<>();
            for (int a = r.nextInt(4); a > 0; a--) {
                attributes.put(awkward(r) + a, awkward(r));
            }
            targets.add(new TargetCandidate(awkward(r) + "-" + i, awkward(r), awkward(r), awkward(r), awkward(r),
                    awkward(r), r.nextBoolean() ? null : date(r), attributes));
        }
        List<InspectorCandidate> inspectors = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            List<Employment> employment = new ArrayList<>();
            for (int e = r.nextInt(3); e > 0; e--) {
                LocalDate from = date(r);
                employment.add(new Employment(awkward(r), from, r.nextBoolean() ? null : from.plusDays(r.nextInt(900))));
            }
            inspectors.add(new InspectorCandidate(awkward(r) + "#" + i, awkward(r), Set.of(awkward(r), "S" + i),
                    employment, r.nextBoolean() ? Set.of() : Set.of("operator:" + awkward(r)), date(r), date(r)));
        }
        List<AgencyRelation> relations = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            relations.add(new AgencyRelation(awkward(r), awkward(r) + i, date(r), awkward(r)));
        }
        PoolSnapshot snapshot = new PoolSnapshot(targets, inspectors, relations);

        String previous = CanonicalJson.hex(CanonicalJson.sha256(CanonicalJson.bytes(snapshot.canonical())));
        assertThat(snapshot.hash()).isEqualTo(previous);
        assertThat(snapshot.canonicalJson()).contains("网络安全", "\\\"quoted\\\"", "back\\\\slash", "😀");

        PoolSnapshot fresh = new PoolSnapshot(targets, inspectors, relations);
        ByteArrayOutputStream written = new ByteArrayOutputStream();
        assertThat(fresh.writeCanonical(written)).isEqualTo(previous);
        assertThat(written.toByteArray()).isEqualTo(snapshot.canonicalJson().getBytes(StandardCharsets.UTF_8));
        byte[] gzip = new PoolSnapshot(targets, inspectors, relations).gzip();
        assertThat(gzip.length).isLessThan(written.size() / 2);
        PoolSnapshot stored = PoolSnapshot.fromGzip(gzip);
        assertThat(stored).isEqualTo(snapshot);
        assertThat(stored.canonicalJson()).isEqualTo(snapshot.canonicalJson());
        assertThat(SnapshotReader.read(new ByteArrayInputStream(written.toByteArray()))).isEqualTo(snapshot);
    }

    @Test
    void streamedHashOfAnyValueEqualsSha256OfItsCanonicalText() {
        Random r = new Random(66);
        for (int n = 0; n < 300; n++) {
            Map<String, Object> value = new LinkedHashMap<>();
            value.put(control(r), control(r));
            value.put("z" + awkward(r), List.of(r.nextLong() % (1L << 53), -r.nextInt(), true, false, date(r)));
            value.put(awkward(r), null);
            value.put("nested", Map.of(control(r) + "k", List.of(awkward(r), control(r), Map.of())));
            value.put("dates", List.of(LocalDate.of(999, 1, 2), LocalDate.of(12_345, 6, 7), LocalDate.of(-3, 12, 31)));
            assertThat(CanonicalJson.sha256Hex(value))
                    .isEqualTo(CanonicalJson.hex(CanonicalJson.sha256(CanonicalJson.bytes(value))));
        }
        List<String> controls = List.of(String.join("", CONTROL));
        assertThat(CanonicalJson.write(controls))
                .isEqualTo("[\"\\u0000\\u0001\\b\\t\\n\\f\\r\\u001b\\u001f\u007f\u0085\"]");
        assertThat(CanonicalJson.sha256Hex(controls))
                .isEqualTo(CanonicalJson.hex(CanonicalJson.sha256(CanonicalJson.bytes(controls))));
    }

    @Test
    void streamedHashRejectsWhatTheTextWriterRejects() {
        assertThatThrownBy(() -> CanonicalJson.sha256Hex(List.of("a\uD800b")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unpaired surrogate");
        assertThatThrownBy(() -> CanonicalJson.sha256Hex(List.of(1L << 53)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("interoperable range");
        assertThatThrownBy(() -> CanonicalJson.sha256Hex(List.of(1.5)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a canonical JSON value");
    }

    @Test
    void aSnapshotWithDuplicateIdsIsRefusedWhetherOrNotItArrivesSorted() {
        TargetCandidate a = new TargetCandidate("NU1", "OP1", "T", "11", "WEB", "2", null);
        TargetCandidate b = new TargetCandidate("NU2", "OP1", "T", "11", "WEB", "2", null);
        assertThatThrownBy(() -> new PoolSnapshot(List.of(a, b, a), List.of(), List.of()))
                .hasMessage("duplicate target id NU1 in the snapshot");
        assertThatThrownBy(() -> new PoolSnapshot(List.of(a, a, b), List.of(), List.of()))
                .hasMessage("duplicate target id NU1 in the snapshot");
        assertThat(new PoolSnapshot(List.of(b, a), List.of(), List.of()).targets()).containsExactly(a, b);
    }

    private static String awkward(Random r) {
        StringBuilder s = new StringBuilder(AWKWARD[r.nextInt(AWKWARD.length)]);
        for (int i = r.nextInt(3); i > 0; i--) {
            s.append(AWKWARD[r.nextInt(AWKWARD.length)]);
        }
        return s.toString();
    }

    private static String control(Random r) {
        return awkward(r) + CONTROL[r.nextInt(CONTROL.length)] + awkward(r);
    }

    private static LocalDate date(Random r) {
        return LocalDate.of(1990 + r.nextInt(40), 1 + r.nextInt(12), 1 + r.nextInt(28));
    }
}
