package org.inspectorate.draw;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
        if (!strictlyAscending(sorted, id)) { // a snapshot read back or re-frozen is already in order
            sorted.sort(Comparator.comparing(id));
        }
        for (int i = 1; i < sorted.size(); i++) { // sorted: a duplicate sits next to its twin
            String current = id.apply(sorted.get(i));
            if (current.equals(id.apply(sorted.get(i - 1)))) {
                throw new IllegalArgumentException("duplicate " + what + " id " + current + " in the snapshot");
            }
        }
        return List.copyOf(sorted);
    }

    private static <T> boolean strictlyAscending(List<T> items, java.util.function.Function<T, String> id) {
        for (int i = 1; i < items.size(); i++) {
            if (id.apply(items.get(i - 1)).compareTo(id.apply(items.get(i))) >= 0) {
                return false;
            }
        }
        return true;
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
            hash = streamedHash();
        }
        return hash;
    }

    /**
     * SHA-256 of exactly the bytes of {@link #canonicalJson()}, written member by member (names in
     * {@link String#compareTo} order) straight into the digest: no maps, no text of the whole pool.
     */
    private String streamedHash() {
        CanonicalDigest d = new CanonicalDigest();
        d.raw('{').key("format").string(FORMAT);
        d.raw(',').key("inspectors").raw('[');
        for (int i = 0; i < inspectors.size(); i++) {
            if (i > 0) {
                d.raw(',');
            }
            InspectorCandidate p = inspectors.get(i);
            d.raw('{').key("agencyId").string(p.agencyId());
            d.raw(',').key("commitmentValidUntil").date(p.commitmentValidUntil());
            d.raw(',').key("declaredConflicts").strings(p.declaredConflicts());
            d.raw(',').key("employment").raw('[');
            List<InspectorCandidate.Employment> employment = p.employment();
            for (int j = 0; j < employment.size(); j++) {
                if (j > 0) {
                    d.raw(',');
                }
                InspectorCandidate.Employment e = employment.get(j);
                d.raw('{').key("from").date(e.from());
                d.raw(',').key("organisationId").string(e.organisationId());
                d.raw(',').key("until").date(e.until()).raw('}');
            }
            d.raw(']');
            d.raw(',').key("id").string(p.id());
            d.raw(',').key("skills").strings(p.skills());
            d.raw(',').key("vettingValidUntil").date(p.vettingValidUntil()).raw('}');
        }
        d.raw(']');
        d.raw(',').key("relations").raw('[');
        for (int i = 0; i < relations.size(); i++) {
            if (i > 0) {
                d.raw(',');
            }
            AgencyRelation r = relations.get(i);
            d.raw('{').key("agencyId").string(r.agencyId());
            d.raw(',').key("date").date(r.date());
            d.raw(',').key("kind").string(r.kind());
            d.raw(',').key("organisationId").string(r.organisationId()).raw('}');
        }
        d.raw(']');
        d.raw(',').key("targets").raw('[');
        for (int i = 0; i < targets.size(); i++) {
            if (i > 0) {
                d.raw(',');
            }
            TargetCandidate t = targets.get(i);
            d.raw('{').key("attributes").raw('{');
            boolean first = true;
            for (Map.Entry<String, String> a : t.attributes().entrySet()) { // a TreeMap: names in order
                if (!first) {
                    d.raw(',');
                }
                first = false;
                d.key(a.getKey()).string(a.getValue());
            }
            d.raw('}');
            d.raw(',').key("gradeLevel").string(t.gradeLevel());
            d.raw(',').key("id").string(t.id());
            d.raw(',').key("lastInspected").date(t.lastInspected());
            d.raw(',').key("networkCategory").string(t.networkCategory());
            d.raw(',').key("operatorId").string(t.operatorId());
            d.raw(',').key("operatorType").string(t.operatorType());
            d.raw(',').key("province").string(t.province()).raw('}');
        }
        d.raw(']').raw('}');
        return d.hex();
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
