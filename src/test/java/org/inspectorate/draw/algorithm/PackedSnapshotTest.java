package org.inspectorate.draw.algorithm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

class PackedSnapshotTest {

    private static final PoolSnapshot SNAPSHOT = new PoolSnapshot(
            List.of(new TargetCandidate("2", "9", "VALUE_ADDED_TELECOM", "44", "PORTAL", "3.1", LocalDate.of(2025, 3, 1),
                    Map.of("region", "south", "城市", "广州 \"天河\"")),
                    new TargetCandidate("1", "9", "VALUE_ADDED_TELECOM", "44", "PORTAL", "2", null),
                    new TargetCandidate("3", "运营商😀", "INTERNET_ENTERPRISE", "11", "CORE", "4", LocalDate.of(1, 1, 1))),
            List.of(new InspectorCandidate("7", "5", Set.of("TEAM_LEADER", "CODE_REVIEW"),
                    List.of(new InspectorCandidate.Employment("9", LocalDate.of(2019, 1, 1), null),
                            new InspectorCandidate.Employment("8", LocalDate.of(2010, 1, 1), LocalDate.of(2012, 2, 29))),
                    Set.of("operator:3", "target:9"), LocalDate.of(2027, 1, 1), LocalDate.of(2027, 6, 30)),
                    new InspectorCandidate("8", "5", Set.of(), List.of(), Set.of(), LocalDate.of(9999, 12, 31),
                            LocalDate.of(2026, 1, 1))),
            List.of(new AgencyRelation("5", "9", LocalDate.of(2024, 5, 5), "EVALUATED"),
                    new AgencyRelation("5", "运营商😀", LocalDate.of(2024, 5, 5), "ADVISED")));

    @Test
    void unpackingGivesBackTheSnapshotWithTheSameCanonicalJsonAndHash() {
        PoolSnapshot unpacked = PackedSnapshot.unpack(PackedSnapshot.pack(SNAPSHOT));
        assertThat(unpacked).isEqualTo(SNAPSHOT);
        assertThat(unpacked.canonicalJson()).isEqualTo(SNAPSHOT.canonicalJson());
        assertThat(unpacked.hash()).isEqualTo(SNAPSHOT.hash());
    }

    @Test
    void anEmptySnapshotPacksToo() {
        PoolSnapshot empty = new PoolSnapshot(List.of(), List.of(), List.of());
        assertThat(PackedSnapshot.unpack(PackedSnapshot.pack(empty)).hash()).isEqualTo(empty.hash());
    }

    @Test
    void repeatedCodesAreStoredOnceAndIdsByWhatTheyAddSoAPoolPacksToATenthOfItsJson() {
        Random r = new Random(7);
        List<TargetCandidate> targets = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            targets.add(new TargetCandidate(String.format("NU%07d", i), "OP" + r.nextInt(500), "VALUE_ADDED_TELECOM",
                    String.valueOf(11 + r.nextInt(31)), "WEB", "3.1", null));
        }
        PoolSnapshot pool = new PoolSnapshot(targets, List.of(), List.of());
        byte[] packed = PackedSnapshot.pack(pool);
        assertThat(packed.length).isLessThan(pool.canonicalJson().getBytes(StandardCharsets.UTF_8).length / 10);
        assertThat(PackedSnapshot.unpack(packed).hash()).isEqualTo(pool.hash());
    }

    @Test
    void truncatedOrForeignBytesAreRefusedWithAMessage() {
        byte[] packed = PackedSnapshot.pack(SNAPSHOT);
        assertThatThrownBy(() -> PackedSnapshot.unpack(Arrays.copyOf(packed, packed.length - 3)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("stored snapshot");
        assertThatThrownBy(() -> PackedSnapshot.unpack(new byte[] {1, 2, 3}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("stored snapshot");
        assertThatThrownBy(() -> PackedSnapshot.unpack(new byte[0]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("stored snapshot");
        assertThatThrownBy(() -> PackedSnapshot.unpack(SNAPSHOT.gzip()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("stored snapshot");
    }

    @Test
    void aCountLargerThanTheBytesLeftIsRefusedBeforeAnythingIsAllocatedForIt() {
        byte[] claim = {'I', 'P', 'S', '1', (byte) 0x80, (byte) 0xb4, (byte) 0x89, 0x13}; // 40,000,000 targets
        assertThatThrownBy(() -> PackedSnapshot.unpack(claim))
                .hasMessage("the stored snapshot is damaged: 40000000 items in 0 bytes");
    }

    @Test
    void anyChangeToThePackedContentEitherFailsToReadOrChangesTheHash() {
        byte[] packed = PackedSnapshot.pack(SNAPSHOT);
        for (int i = 0; i < packed.length; i++) { // every byte, changed in turn
            byte[] changed = packed.clone();
            changed[i] ^= 0x01;
            try {
                PoolSnapshot read = PackedSnapshot.unpack(changed);
                assertThat(read.hash()).as("byte %d changed", i).isNotEqualTo(SNAPSHOT.hash());
            } catch (IllegalArgumentException refused) {
                assertThat(refused).as("byte %d changed", i).hasMessageStartingWith("the stored snapshot");
            }
        }
    }
}
