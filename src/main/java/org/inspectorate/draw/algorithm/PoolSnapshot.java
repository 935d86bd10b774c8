package org.inspectorate.draw.algorithm;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The frozen pools of one draw ("two databases", 两库): candidate targets and inspectors, each sorted by
 * stable id, plus the agencies' evaluation/advice relations used for conflicts. Its canonical JSON and
 * SHA-256 are published when the draw is scheduled.
 */
public final class PoolSnapshot {

    static final String FORMAT = "inspectorate-pool-v2";

    private final List<TargetCandidate> targets;
    private final List<InspectorCandidate> inspectors;
    private final List<AgencyRelation> relations;
    private String hash;

    private static final byte[] NEXT_COMMITMENT_VALID_UNTIL = CanonicalDigest.token(",\"commitmentValidUntil\":");
    private static final byte[] NEXT_DATE = CanonicalDigest.token(",\"date\":");
    private static final byte[] NEXT_DECLARED_CONFLICTS = CanonicalDigest.token(",\"declaredConflicts\":");
    private static final byte[] NEXT_EMPLOYMENT = CanonicalDigest.token(",\"employment\":");
    private static final byte[] NEXT_GRADE_LEVEL = CanonicalDigest.token(",\"gradeLevel\":");
    private static final byte[] NEXT_ID = CanonicalDigest.token(",\"id\":");
    private static final byte[] NEXT_INSPECTORS = CanonicalDigest.token(",\"inspectors\":");
    private static final byte[] NEXT_KIND = CanonicalDigest.token(",\"kind\":");
    private static final byte[] NEXT_LAST_INSPECTED = CanonicalDigest.token(",\"lastInspected\":");
    private static final byte[] NEXT_NETWORK_CATEGORY = CanonicalDigest.token(",\"networkCategory\":");
    private static final byte[] NEXT_OPERATOR_ID = CanonicalDigest.token(",\"operatorId\":");
    private static final byte[] NEXT_OPERATOR_TYPE = CanonicalDigest.token(",\"operatorType\":");
    private static final byte[] NEXT_ORGANISATION_ID = CanonicalDigest.token(",\"organisationId\":");
    private static final byte[] NEXT_PROVINCE = CanonicalDigest.token(",\"province\":");
    private static final byte[] NEXT_RELATIONS = CanonicalDigest.token(",\"relations\":");
    private static final byte[] NEXT_SKILLS = CanonicalDigest.token(",\"skills\":");
    private static final byte[] NEXT_TARGETS = CanonicalDigest.token(",\"targets\":");
    private static final byte[] NEXT_UNTIL = CanonicalDigest.token(",\"until\":");
    private static final byte[] NEXT_VETTING_VALID_UNTIL = CanonicalDigest.token(",\"vettingValidUntil\":");
    private static final byte[] OPEN_AGENCY_ID = CanonicalDigest.token("{\"agencyId\":");
    private static final byte[] OPEN_ATTRIBUTES = CanonicalDigest.token("{\"attributes\":");
    private static final byte[] OPEN_FORMAT = CanonicalDigest.token("{\"format\":");
    private static final byte[] OPEN_FROM = CanonicalDigest.token("{\"from\":");

    public PoolSnapshot(List<TargetCandidate> targets, List<InspectorCandidate> inspectors,
            List<AgencyRelation> relations) {
        this.targets = sortedUnique(Checks.required(targets, "targets"), TargetCandidate::id, "target");
        this.inspectors = sortedUnique(Checks.required(inspectors, "inspectors"), InspectorCandidate::id, "inspector");
        List<AgencyRelation> r = new ArrayList<>(Checks.required(relations, "relations"));
        r.sort(AgencyRelation.ORDER);
        this.relations = List.copyOf(r);
    }

    private static <T> List<T> sortedUnique(List<T> items, Function<T, String> id, String what) {
        if (strictlyAscending(items, id)) { // a snapshot read back or re-frozen is in order, hence without twins
            return List.copyOf(items);
        }
        List<T> sorted = new ArrayList<>(items);
        sorted.sort(Comparator.comparing(id));
        for (int i = 1; i < sorted.size(); i++) { // sorted: a duplicate sits next to its twin
            String current = id.apply(sorted.get(i));
            if (current.equals(id.apply(sorted.get(i - 1)))) {
                throw new IllegalArgumentException("duplicate " + what + " id " + current + " in the snapshot");
            }
        }
        return List.copyOf(sorted);
    }

    private static <T> boolean strictlyAscending(List<T> items, Function<T, String> id) {
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
        return streamedHash(new CanonicalDigest());
    }

    /**
     * Writes the UTF-8 bytes of {@link #canonicalJson()} to {@code out} (not closed) in one pass with the hash,
     * which it returns (and keeps for {@link #hash()}).
     */
    String writeCanonical(OutputStream out) {
        String h = streamedHash(new CanonicalDigest(out));
        hash = h;
        return h;
    }

    /**
     * The gzip of the canonical JSON bytes (fastest compression: the pools repeat few codes, so it still shrinks many
     * times), written in one pass with the hash; {@link SnapshotReader} reads it back.
     */
    byte[] gzip() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 20);
        try (GZIPOutputStream gz = new FastGzip(bytes)) {
            writeCanonical(gz);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Reads a snapshot stored by {@link #gzip()}; see {@link #read}. */
    public static PoolSnapshot fromGzip(byte[] gzip) {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gzip),
                64 * 1024)) {
            return read(in);
        } catch (IOException e) {
            throw new IllegalArgumentException("the stored snapshot is not valid gzip: " + e.getMessage(), e);
        }
    }

    /**
     * Reads a snapshot from its stored JSON bytes, hashing exactly those bytes on the way: its {@link #hash()} is
     * the SHA-256 of what was stored, not of the snapshot written anew. Equal to the committed hash only when the
     * stored bytes are the canonical JSON the commitment covers, byte for byte (then the snapshot read from them is
     * that snapshot); any other bytes, even of a snapshot with the same content, give another hash.
     */
    public static PoolSnapshot read(InputStream in) {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
        PoolSnapshot snapshot = SnapshotReader.read(new DigestInputStream(in, sha256));
        snapshot.hash = CanonicalJson.hex(sha256.digest());
        return snapshot;
    }

    private static final class FastGzip extends GZIPOutputStream {

        FastGzip(OutputStream out) throws IOException {
            super(out, 64 * 1024);
            def.setLevel(Deflater.BEST_SPEED);
        }
    }

    private String streamedHash(CanonicalDigest d) {
        d.token(OPEN_FORMAT).string(FORMAT);
        d.token(NEXT_INSPECTORS).raw('[');
        for (int i = 0; i < inspectors.size(); i++) {
            if (i > 0) {
                d.raw(',');
            }
            InspectorCandidate p = inspectors.get(i);
            d.token(OPEN_AGENCY_ID).string(p.agencyId());
            d.token(NEXT_COMMITMENT_VALID_UNTIL).date(p.commitmentValidUntil());
            d.token(NEXT_DECLARED_CONFLICTS).strings(p.declaredConflicts());
            d.token(NEXT_EMPLOYMENT).raw('[');
            List<InspectorCandidate.Employment> employment = p.employment();
            for (int j = 0; j < employment.size(); j++) {
                if (j > 0) {
                    d.raw(',');
                }
                InspectorCandidate.Employment e = employment.get(j);
                d.token(OPEN_FROM).date(e.from());
                d.token(NEXT_ORGANISATION_ID).string(e.organisationId());
                d.token(NEXT_UNTIL).date(e.until()).raw('}');
            }
            d.raw(']');
            d.token(NEXT_ID).string(p.id());
            d.token(NEXT_SKILLS).strings(p.skills());
            d.token(NEXT_VETTING_VALID_UNTIL).date(p.vettingValidUntil()).raw('}');
        }
        d.raw(']');
        d.token(NEXT_RELATIONS).raw('[');
        for (int i = 0; i < relations.size(); i++) {
            if (i > 0) {
                d.raw(',');
            }
            AgencyRelation r = relations.get(i);
            d.token(OPEN_AGENCY_ID).string(r.agencyId());
            d.token(NEXT_DATE).date(r.date());
            d.token(NEXT_KIND).string(r.kind());
            d.token(NEXT_ORGANISATION_ID).string(r.organisationId()).raw('}');
        }
        d.raw(']');
        d.token(NEXT_TARGETS).raw('[');
        for (int i = 0; i < targets.size(); i++) {
            if (i > 0) {
                d.raw(',');
            }
            TargetCandidate t = targets.get(i);
            d.token(OPEN_ATTRIBUTES).raw('{');
            boolean first = true;
            for (Map.Entry<String, String> a : t.attributes().entrySet()) { // a TreeMap: names in order
                if (!first) {
                    d.raw(',');
                }
                first = false;
                d.key(a.getKey()).string(a.getValue());
            }
            d.raw('}');
            d.token(NEXT_GRADE_LEVEL).string(t.gradeLevel());
            d.token(NEXT_ID).string(t.id());
            d.token(NEXT_LAST_INSPECTED).date(t.lastInspected());
            d.token(NEXT_NETWORK_CATEGORY).string(t.networkCategory());
            d.token(NEXT_OPERATOR_ID).string(t.operatorId());
            d.token(NEXT_OPERATOR_TYPE).string(t.operatorType());
            d.token(NEXT_PROVINCE).string(t.province()).raw('}');
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
