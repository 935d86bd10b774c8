package org.inspectorate.draw.algorithm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

class SnapshotReaderTest {

    private static final PoolSnapshot SNAPSHOT = new PoolSnapshot(
            List.of(new TargetCandidate("2", "9", "VALUE_ADDED_TELECOM", "44", "PORTAL", "3.1", LocalDate.of(2025, 3, 1),
                    Map.of("region", "south")), new TargetCandidate("1", "9", "VALUE_ADDED_TELECOM", "44", "PORTAL", "2",
                    null)),
            List.of(new InspectorCandidate("7", "5", Set.of("TEAM_LEADER", "CODE_REVIEW"),
                    List.of(new InspectorCandidate.Employment("9", LocalDate.of(2019, 1, 1), null)), Set.of("operator:3"),
                    LocalDate.of(2027, 1, 1), LocalDate.of(2027, 6, 30))),
            List.of(new AgencyRelation("5", "9", LocalDate.of(2024, 5, 5), "EVALUATED")));

    private static PoolSnapshot read(String json) {
        return SnapshotReader.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void readsBackExactlyTheSnapshotItsCanonicalJsonWasWrittenFrom() {
        PoolSnapshot read = read(SNAPSHOT.canonicalJson());
        assertThat(read).isEqualTo(SNAPSHOT);
        assertThat(read.canonicalJson()).isEqualTo(SNAPSHOT.canonicalJson());
        assertThat(read.hash()).isEqualTo(SNAPSHOT.hash());
        assertThat(PoolSnapshot.fromGzip(SNAPSHOT.gzip())).isEqualTo(SNAPSHOT);
        assertThat(PoolSnapshot.fromGzip(SNAPSHOT.gzip()).hash()).isEqualTo(SNAPSHOT.hash());
    }

    @Test
    void aSnapshotReadFromStoredBytesHasTheHashOfThoseBytesSoOtherBytesOfTheSameContentDoNotMatch() {
        String spaced = SNAPSHOT.canonicalJson().replace(",\"targets\":", ", \"targets\":");
        PoolSnapshot read = PoolSnapshot.read(new ByteArrayInputStream(spaced.getBytes(StandardCharsets.UTF_8)));
        assertThat(read).isEqualTo(SNAPSHOT);
        assertThat(read.hash()).isNotEqualTo(SNAPSHOT.hash())
                .isEqualTo(CanonicalJson.hex(CanonicalJson.sha256(spaced.getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void anUnknownMissingOrTwiceGivenMemberIsAnErrorNamingItsPath() {
        String json = SNAPSHOT.canonicalJson();
        assertThatThrownBy(() -> read(json.replace("\"gradeLevel\":\"2\"", "\"gradeLevel\":\"2\",\"extra\":\"x\"")))
                .hasMessageContaining("$.targets[0].extra is not a known member");
        assertThatThrownBy(() -> read(json.replace("\"kind\":\"EVALUATED\",", "")))
                .hasMessageContaining("$.relations[0].kind is missing");
        assertThatThrownBy(() -> read(json.replace("\"gradeLevel\":\"2\"", "\"gradeLevel\":\"2\",\"gradeLevel\":\"4\"")))
                .hasMessageContaining("$.targets[0].gradeLevel appears twice");
        assertThatThrownBy(() -> read(json.replace("\"skills\":[\"CODE_REVIEW\",", "\"skills\":[\"CODE_REVIEW\",\"CODE_REVIEW\",")))
                .hasMessageContaining("$.inspectors[0].skills lists a value twice");
    }

    @Test
    void aValueOfTheWrongKindOrADamagedDocumentIsAnError() {
        String json = SNAPSHOT.canonicalJson();
        assertThatThrownBy(() -> read(json.replace("\"operatorId\":\"9\"", "\"operatorId\":9")))
                .hasMessageContaining("$.targets[0].operatorId must be a string");
        assertThatThrownBy(() -> read(json.replace("\"2025-03-01\"", "\"2025-02-30\"")))
                .hasMessageContaining("$.targets[1].lastInspected is not a valid date");
        assertThatThrownBy(() -> read(json.replace("\"2024-05-05\"", "null")))
                .hasMessageContaining("$.relations[0].date must be a date, not null");
        assertThatThrownBy(() -> read(json.replace(PoolSnapshot.FORMAT, "inspectorate-pool-v0")))
                .hasMessageContaining("$.format must be");
        assertThatThrownBy(() -> read(json + "{}")).hasMessageContaining("after the snapshot");
        assertThatThrownBy(() -> read(json.substring(0, json.length() / 2))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PoolSnapshot.fromGzip(new byte[] {1, 2, 3})).isInstanceOf(IllegalArgumentException.class);
    }
}
