package org.inspectorate.draw;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The frozen pools of one draw ("two databases", 两库): candidate targets and inspectors, each sorted by
 * stable id, plus the agencies' evaluation/advice relations used for conflicts. Its canonical JSON and
 * SHA-256 are published when the draw is scheduled.
 */
public final class PoolSnapshot {

    static final String FORMAT = "inspectorate-pool-v1";

    private final List<TargetCandidate> targets;
    private final List<InspectorCandidate> inspectors;
    private final List<AgencyRelation> relations;
    private String hash;

    public PoolSnapshot(List<TargetCandidate> targets, List<InspectorCandidate> inspectors,
            List<AgencyRelation> relations) {
        this.targets = sortedUnique(Checks.required(targets, "targets"), TargetCandidate::id, "target");
        this.inspectors = sortedUnique(Checks.required(inspectors, "inspectors"), InspectorCandidate::id, "inspector");
        List<AgencyRelation> r = new ArrayList<>(Checks.required(relations, "relations"));
        r.sort(AgencyRelation.ORDER);
        this.relations = List.copyOf(r);
    }

    private static <T> List<T> sortedUnique(List<T> items, java.util.function.Function<T, String> id, String what) {
        List<T> sorted = new ArrayList<>(items);
        sorted.sort(Comparator.comparing(id));
        Set<String> seen = new HashSet<>();
        for (T item : sorted) {
            if (!seen.add(id.apply(item))) {
                throw new IllegalArgumentException("duplicate " + what + " id " + id.apply(item) + " in the snapshot");
            }
        }
        return List.copyOf(sorted);
    }

    /** Targets sorted by id ({@link String#compareTo}). */
    public List<TargetCandidate> targets() {
        return targets;
    }

    /** Inspectors sorted by id ({@link String#compareTo}). */
    public List<InspectorCandidate> inspectors() {
        return inspectors;
    }

    /** Agency relations sorted by (agencyId, organisationId, date, kind). */
    public List<AgencyRelation> relations() {
        return relations;
    }

    /** The canonical JSON text of the snapshot (see docs/draw-algorithm.md). */
    public String canonicalJson() {
        return CanonicalJson.write(canonical());
    }

    /** Lower-case hexadecimal SHA-256 of the canonical JSON's UTF-8 bytes. */
    public String hash() {
        if (hash == null) {
            hash = CanonicalJson.sha256Hex(canonical());
        }
        return hash;
    }

    Map<String, Object> canonical() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format", FORMAT);
        m.put("targets", targets.stream().map(TargetCandidate::canonical).toList());
        m.put("inspectors", inspectors.stream().map(InspectorCandidate::canonical).toList());
        m.put("relations", relations.stream().map(AgencyRelation::canonical).toList());
        return m;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PoolSnapshot other && targets.equals(other.targets) && inspectors.equals(other.inspectors)
                && relations.equals(other.relations);
    }

    @Override
    public int hashCode() {
        return targets.hashCode() * 31 + inspectors.hashCode();
    }

    @Override
    public String toString() {
        return "PoolSnapshot[" + targets.size() + " targets, " + inspectors.size() + " inspectors, "
                + relations.size() + " relations]";
    }
}
