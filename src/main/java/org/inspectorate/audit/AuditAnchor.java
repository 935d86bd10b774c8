package org.inspectorate.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A witness kept outside the database (审计锚点): an entry's sequence number and hash as seen at some
 * time — from the application log, a verification report or a signed print-out. The chain alone proves
 * that no entry was edited or removed <em>in between</em>; only an anchor proves that the tail was not
 * cut off and the head rewound, or the whole chain recomputed, by someone with write access to the database.
 */
public record AuditAnchor(long seq, String hash) {

    private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");

    public AuditAnchor {
        if (seq < 1) {
            throw new IllegalArgumentException("an anchor names an entry (seq >= 1), not " + seq);
        }
        if (hash == null || !HASH.matcher(hash).matches()) {
            throw new IllegalArgumentException("an anchor's hash is 64 lower-case hex digits");
        }
    }

    /** Parses {@code seq:hash[,seq:hash...]}, the form the log and the verification report print. */
    public static List<AuditAnchor> parseAll(String text) {
        List<AuditAnchor> anchors = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return anchors;
        }
        for (String part : text.split(",")) {
            String[] pieces = part.strip().split(":", 2);
            if (pieces.length != 2) {
                throw new IllegalArgumentException("an anchor is written seq:hash, not " + part.strip());
            }
            try {
                anchors.add(new AuditAnchor(Long.parseLong(pieces[0].strip()), pieces[1].strip().toLowerCase()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("an anchor's seq is a number, not " + pieces[0].strip(), e);
            }
        }
        return anchors;
    }

    @Override
    public String toString() {
        return seq + ":" + hash;
    }
}
