package org.inspectorate.draw.algorithm;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.inspectorate.draw.algorithm.InspectorCandidate.Employment;
import org.junit.jupiter.api.Test;

/** The worked example of docs/draw-algorithm.md, value for value: if this test changes, so must the document. */
class WorkedExampleTest {

    static final LocalDate DRAW_DATE = LocalDate.of(2026, 12, 1);
    static final LocalDate VALID = LocalDate.of(2027, 6, 30);

    static PoolSnapshot snapshot() {
        return new PoolSnapshot(List.of(
                new TargetCandidate("T1", "OP-A", "VALUE_ADDED_TELECOM", "11", "WEB", "2", null),
                new TargetCandidate("T2", "OP-B", "VALUE_ADDED_TELECOM", "11", "WEB", "3.1", null),
                new TargetCandidate("T3", "OP-C", "BASIC_TELECOM", "11", "CORE", "3.2", null),
                new TargetCandidate("T4", "OP-D", "VALUE_ADDED_TELECOM", "31", "WEB", "2", LocalDate.of(2026, 3, 1)),
                new TargetCandidate("T5", "OP-E", "VALUE_ADDED_TELECOM", "31", "APP", "2", null),
                new TargetCandidate("T6", "OP-F", "BASIC_TELECOM", "31", "CORE", "4", null)),
                List.of(
                        new InspectorCandidate("I1", "AG-1", Set.of("TEAM_LEADER", "PENETRATION_TESTING"), List.of(),
                                Set.of(), VALID, VALID),
                        new InspectorCandidate("I2", "AG-1", Set.of("CODE_REVIEW"),
                                List.of(new Employment("OP-A", LocalDate.of(2019, 5, 1), LocalDate.of(2024, 8, 31))),
                                Set.of(), VALID, VALID),
                        new InspectorCandidate("I3", "AG-2", Set.of("TEAM_LEADER"), List.of(), Set.of(), VALID, VALID),
                        new InspectorCandidate("I4", "AG-2", Set.of("PENETRATION_TESTING"), List.of(), Set.of("operator:OP-E"),
                                VALID, VALID),
                        new InspectorCandidate("I5", "AG-3", Set.of("PENETRATION_TESTING", "CODE_REVIEW"), List.of(),
                                Set.of(), VALID, LocalDate.of(2026, 11, 30))),
                List.of(new AgencyRelation("AG-2", "OP-B", LocalDate.of(2025, 1, 15), "EVALUATED")));
    }

    static DrawRules rules() {
        return new DrawRules("worked-example", 1, 3,
                List.of(new Quota(Map.of("operatorType", "VALUE_ADDED_TELECOM"), List.of("province"), 1)), 2,
                Set.of("PENETRATION_TESTING"), "TEAM_LEADER", 2, 3, 12);
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
    void theWorkedExampleOfTheAlgorithmDocumentGivesTheDocumentedValues() {
        assertThat(rules().hash()).isEqualTo("45d8d13258ae32078d297b356cfe300a34a52d401451c406023862c4e533707b");
        assertThat(snapshot().hash()).isEqualTo("caa2a4cc9c12f50a3c7c8865543780c46ab79bbaf663d2a5d3fbd936d83d83a8");
        assertThat(seed().sha256Hex()).isEqualTo("630dcd2966c4336691125448bbb25b4ff412a49c732db2c8abc1b8581bd710dd");
        DrawCommitment commitment = DrawCommitment.of(seed(), snapshot(), rules(), DRAW_DATE);
        assertThat(commitment.digest()).isEqualTo("433f996bd610e008d09ffc46f460513913f617338c63a5ba619a43f337df77e0");

        RandomStream random = new RandomStream(seed().bytes(), WITNESS);
        assertThat(CanonicalJson.hex(random.key()))
                .isEqualTo("53da9c69c755dcd75a50577e3615c0bfce01ae54165282dbfca027fadb33c907");
        long[] words = new long[8];
        for (int i = 0; i < 8; i++) {
            words[i] = random.nextUint32();
        }
        assertThat(words).containsExactly(0x0851aac6L, 0x03c988a2L, 0xe7cfcbd0L, 0xd5d0e40bL, 0x504baf06L, 0x29c55026L,
                0xb8d79965L, 0x11329705L);

        DrawResult result = DoubleRandomDraw.draw(snapshot(), rules(), commitment, seed(), WITNESS);
        assertThat(result.assignments()).containsExactly(
                new TeamAssignment("T1", "I3", List.of("I4")),
                new TeamAssignment("T5", "I1", List.of("I2")),
                new TeamAssignment("T3", "I1", List.of("I2")));
        assertThat(result.digest()).isEqualTo("1e5e35021f50504264050f28345dddd2c711cd029c9a0b2facfc7572f0b2fa5e");
        assertThat(DrawVerifier.verify(result.publish(snapshot(), rules())).matches()).isTrue();
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
