package org.inspectorate.draw.algorithm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.inspectorate.draw.algorithm.DrawFixtures.CODE;
import static org.inspectorate.draw.algorithm.DrawFixtures.PEN;
import static org.inspectorate.draw.algorithm.DrawFixtures.draw;
import static org.inspectorate.draw.algorithm.DrawFixtures.inspectors;
import static org.inspectorate.draw.algorithm.DrawFixtures.rules;
import static org.inspectorate.draw.algorithm.DrawFixtures.seed;
import static org.inspectorate.draw.algorithm.DrawFixtures.snapshot;
import static org.inspectorate.draw.algorithm.DrawFixtures.targets;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class PublishedDrawTest {

    private static final PoolSnapshot SNAPSHOT = snapshot(targets(12), inspectors(9, 2), List.of());
    private static final DrawRules RULES = rules(3, 3, List.of(), Set.of(PEN, CODE), 100);
    private static final PublishedDraw PUBLISHED = draw(SNAPSHOT, RULES, seed(5), List.of("w")).publish(SNAPSHOT, RULES);
    private static final String JSON = PUBLISHED.toJson();

    @Test
    void aPublishedDrawReadsBackToTheSameCanonicalJsonWhateverTheOrderOfItsMembers() {
        assertThat(PublishedDraw.fromJson(JSON).toJson()).isEqualTo(JSON);
        String member = ",\"snapshot\":" + SNAPSHOT.canonicalJson();
        String snapshotLast = JSON.replace(member, "").replaceFirst("\\}$", "") + member + "}";
        assertThat(snapshotLast).isNotEqualTo(JSON).endsWith(SNAPSHOT.canonicalJson() + "}");
        assertThat(PublishedDraw.fromJson(snapshotLast).toJson()).isEqualTo(JSON);
    }

    @Test
    void theStreamedFileIsTheCanonicalJsonOfAllItsMembers() {
        assertThat(JSON).isEqualTo(CanonicalJson.write(PUBLISHED.canonical()));
        assertThat(JSON).startsWith("{\"algorithm\":").contains(",\"snapshot\":{\"format\":")
                .endsWith(",\"witnessEntropy\":[\"w\"]}");
    }

    @Test
    void aProblemInsideTheSnapshotNamesItsPathInThePublishedDraw() {
        String id = SNAPSHOT.targets().get(0).id();
        assertThatThrownBy(() -> PublishedDraw.fromJson(JSON.replace("\"id\":\"" + id + "\"", "\"id\":7")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("$.snapshot.targets[0].id must be a string");
        assertThatThrownBy(() -> PublishedDraw.fromJson(JSON.replace("\"format\":\"" + PoolSnapshot.FORMAT + "\"",
                "\"format\":\"" + PoolSnapshot.FORMAT + "\",\"extra\":1")))
                .hasMessageContaining("$.snapshot.extra is not a known member");
    }

    @Test
    void aMissingOrRepeatedSnapshotOrATrailingDocumentIsRefused() {
        String snapshot = "\"snapshot\":" + SNAPSHOT.canonicalJson();
        assertThat(JSON).contains(snapshot);
        assertThatThrownBy(() -> PublishedDraw.fromJson(JSON.replace(snapshot + ",", "")))
                .hasMessageContaining("$.snapshot is missing");
        assertThatThrownBy(() -> PublishedDraw.fromJson(JSON.replace(snapshot, snapshot + "," + snapshot)))
                .hasMessageContaining("Duplicate Object property \"snapshot\"");
        assertThatThrownBy(() -> PublishedDraw.fromJson(JSON + "{}"))
                .hasMessageContaining("unexpected content after the published draw");
        assertThatThrownBy(() -> PublishedDraw.fromJson("[]")).hasMessageContaining("$ must be a JSON object");
    }
}
