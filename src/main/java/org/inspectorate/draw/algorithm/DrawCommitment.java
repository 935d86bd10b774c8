package org.inspectorate.draw.algorithm;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What is published when a draw is scheduled, before anyone knows the seed: SHA-256 of the secret seed,
 * of the pool snapshot and of the rules, and the day the draw runs (the day on which vetting, commitments,
 * look-backs and recent inspections are judged). Its own {@link #digest()} identifies it.
 */
public record DrawCommitment(String seedHash, String snapshotHash, String rulesHash, LocalDate drawDate) {

    static final String FORMAT = "inspectorate-commitment-v1";

    public DrawCommitment {
        sha256(seedHash, "seedHash");
        sha256(snapshotHash, "snapshotHash");
        sha256(rulesHash, "rulesHash");
        Checks.required(drawDate, "drawDate");
    }

    private static void sha256(String hex, String field) {
        if (hex == null || !hex.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException(field + " must be 64 lower-case hexadecimal digits, was " + hex);
        }
    }

    /** The commitment to publish at scheduling time for a freshly generated seed. */
    public static DrawCommitment of(DrawSeed seed, PoolSnapshot snapshot, DrawRules rules, LocalDate drawDate) {
        return new DrawCommitment(seed.sha256Hex(), snapshot.hash(), rules.hash(), drawDate);
    }

    /**
     * Every way the revealed seed, the snapshot and the rules differ from this commitment; empty when they
     * all match.
     */
    public List<String> mismatches(DrawSeed seed, PoolSnapshot snapshot, DrawRules rules) {
        List<String> problems = new ArrayList<>();
        if (!seed.sha256Hex().equals(seedHash)) {
            problems.add("the revealed seed does not match the commitment: SHA-256 of the seed is "
                    + seed.sha256Hex() + ", the commitment says " + seedHash);
        }
        if (!snapshot.hash().equals(snapshotHash)) {
            problems.add("the pool snapshot does not match the commitment: its SHA-256 is " + snapshot.hash()
                    + ", the commitment says " + snapshotHash);
        }
        String rh = rules.hash();
        if (!rh.equals(rulesHash)) {
            problems.add("the rules do not match the commitment: their SHA-256 is " + rh + ", the commitment says "
                    + rulesHash);
        }
        return problems;
    }

    /** The canonical JSON text of the commitment. */
    public String canonicalJson() {
        return CanonicalJson.write(canonical());
    }

    /** Lower-case hexadecimal SHA-256 of the canonical JSON: the one value to compare with the published one. */
    public String digest() {
        return CanonicalJson.sha256Hex(canonical());
    }

    Map<String, Object> canonical() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format", FORMAT);
        m.put("seedHash", seedHash);
        m.put("snapshotHash", snapshotHash);
        m.put("rulesHash", rulesHash);
        m.put("drawDate", drawDate);
        return m;
    }
}
