package org.inspectorate.draw.algorithm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.inspectorate.draw.algorithm.InspectorCandidate.Employment;
import org.junit.jupiter.api.Test;

/**
 * The worked example of docs/draw-algorithm.md §10, built from exactly what the text says: its tables of targets,
 * inspectors, relations and rules are read from the document, and every value the section prints (hashes, the
 * snapshot's canonical JSON, the key, the first block, the result and its digest) is checked against them.
 */
class WorkedExampleTest {

    static final LocalDate DRAW_DATE = LocalDate.of(2026, 12, 1);
    private static final String SECTION = section();

    private static String section() {
        try {
            String doc = Files.readString(Path.of("docs/draw-algorithm.md"), StandardCharsets.UTF_8);
            return doc.substring(doc.indexOf("## 10. Worked example"), doc.indexOf("## 11."));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The rows of the section's table whose header row is {@code header}, as cells. */
    static List<List<String>> table(String header) {
        int at = SECTION.indexOf(header + "\n");
        assertThat(at).as("table " + header).isNotNegative();
        List<List<String>> rows = new ArrayList<>();
        String[] lines = SECTION.substring(at).split("\n");
        for (int i = 2; i < lines.length && lines[i].startsWith("|"); i++) {
            String line = lines[i].strip();
            rows.add(Arrays.stream(line.substring(1, line.length() - 1).split("\\|")).map(String::strip).toList());
        }
        return rows;
    }

    private static LocalDate dateOrNull(String cell) {
        return cell.equals("–") ? null : LocalDate.parse(cell);
    }

    private static Set<String> list(String cell) {
        return cell.equals("–") ? Set.of() : Set.of(cell.split(", "));
    }

    /** The printed value of the section's value table, without its back-quotes. */
    static String printed(String name) {
        for (List<String> row : table("| value | |")) {
            if (row.get(0).equals(name)) {
                return row.get(1).replace("`", "");
            }
        }
        throw new AssertionError("no value " + name + " in the worked example");
    }

    static PoolSnapshot snapshot() {
        List<TargetCandidate> targets = new ArrayList<>();
        for (List<String> r : table("| id | operatorId | operatorType | province | networkCategory | gradeLevel | lastInspected |")) {
            targets.add(new TargetCandidate(r.get(0), r.get(1), r.get(2), r.get(3), r.get(4), r.get(5),
                    dateOrNull(r.get(6))));
        }
        List<InspectorCandidate> inspectors = new ArrayList<>();
        for (List<String> r : table("| id | agencyId | skills | employment | declaredConflicts | vettingValidUntil "
                + "| commitmentValidUntil |")) {
            List<Employment> employment = new ArrayList<>();
            for (String e : list(r.get(3))) {
                String[] parts = e.split(" ");
                String[] span = parts[1].split("…");
                employment.add(new Employment(parts[0], LocalDate.parse(span[0]), dateOrNull(span[1])));
            }
            inspectors.add(new InspectorCandidate(r.get(0), r.get(1), list(r.get(2)), employment, list(r.get(4)),
                    LocalDate.parse(r.get(5)), LocalDate.parse(r.get(6))));
        }
        List<AgencyRelation> relations = new ArrayList<>();
        for (List<String> r : table("| agencyId | organisationId | date | kind |")) {
            relations.add(new AgencyRelation(r.get(0), r.get(1), LocalDate.parse(r.get(2)), r.get(3)));
        }
        return new PoolSnapshot(targets, inspectors, relations);
    }

    static DrawRules rules() {
        Map<String, String> f = new LinkedHashMap<>();
        table("| field | value |").forEach(r -> f.put(r.get(0), r.get(1)));
        // "k=v, k=v per f, f atLeast n"
        String q = f.get("quotas");
        Map<String, String> match = new LinkedHashMap<>();
        for (String m : q.substring(0, q.indexOf(" per ")).split(", ")) {
            match.put(m.substring(0, m.indexOf('=')), m.substring(m.indexOf('=') + 1));
        }
        List<String> per = List.of(q.substring(q.indexOf(" per ") + 5, q.indexOf(" atLeast ")).split(", "));
        int atLeast = Integer.parseInt(q.substring(q.indexOf(" atLeast ") + 9));
        return new DrawRules(f.get("name"), Integer.parseInt(f.get("version")), Integer.parseInt(f.get("sampleSize")),
                List.of(new Quota(match, per, atLeast)), Integer.parseInt(f.get("teamSize")),
                list(f.get("requiredSkills")), f.get("leaderSkill"), Integer.parseInt(f.get("maxTargetsPerAgency")),
                Integer.parseInt(f.get("conflictLookbackYears")), Integer.parseInt(f.get("recentInspectionMonths")));
    }

    static DrawSeed seed() {
        byte[] b = new byte[32];
        for (int i = 0; i < 32; i++) {
            b[i] = (byte) i;
        }
        return DrawSeed.of(b);
    }

    static final List<String> WITNESS = List.of("witness-1");

    @Test
    void theWorkedExampleBuiltFromTheTextAloneHasTheHashesTheTextPrintsAndDrawsItsResult() {
        PoolSnapshot snapshot = snapshot();
        String json = SECTION.substring(SECTION.indexOf("```json\n") + 8);
        assertThat(snapshot.canonicalJson()).isEqualTo(json.substring(0, json.indexOf("\n```")));
        assertThat(snapshot.hash()).isEqualTo(printed("snapshotHash"))
                .isEqualTo(CanonicalJson.hex(CanonicalJson.sha256(snapshot.canonicalJson().getBytes(StandardCharsets.UTF_8))));
        assertThat(rules().hash()).isEqualTo(printed("rulesHash"));
        assertThat(seed().sha256Hex()).isEqualTo(printed("seedHash"));
        DrawCommitment commitment = DrawCommitment.of(seed(), snapshot, rules(), DRAW_DATE);
        assertThat(commitment.digest()).isEqualTo(printed("commitment digest"));

        RandomStream random = new RandomStream(seed().bytes(), WITNESS);
        assertThat(CanonicalJson.hex(random.key())).isEqualTo(printed("key K"));
        StringBuilder words = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            words.append(i == 0 ? "" : " ").append(String.format("%08x", random.nextUint32()));
        }
        assertThat(words.toString()).isEqualTo(printed("block 0 as words"));

        DrawResult result = DoubleRandomDraw.draw(snapshot, rules(), commitment, seed(), WITNESS);
        assertThat(result.assignments()).containsExactly(
                new TeamAssignment("T1", "I3", List.of("I4")),
                new TeamAssignment("T5", "I1", List.of("I2")),
                new TeamAssignment("T3", "I1", List.of("I2")));
        assertThat(SECTION.replace("\n", "")).contains("Result `" + PublishedDraw.assignmentsJson(result.assignments())
                + "`, digest`" + result.digest() + "`");
        assertThat(DrawVerifier.verify(result.publish(snapshot, rules())).matches()).isTrue();
    }

    @Test
    void canonicalJsonSortsMembersAndEscapesOnlyQuotesBackslashesAndControlCharacters() {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("b", List.of("\"q\" \\ /", "\n\t\u0001", "广东 é"));
        value.put("a", Arrays.asList(1, -2, true, null, LocalDate.of(2026, 1, 2)));
        assertThat(CanonicalJson.write(value))
                .isEqualTo("{\"a\":[1,-2,true,null,\"2026-01-02\"],\"b\":[\"\\\"q\\\" \\\\ /\",\"\\n\\t\\u0001\",\"广东 é\"]}");
    }
}
