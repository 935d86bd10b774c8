package org.inspectorate.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * One entry of the audit trail. Its {@link #hash} is SHA-256 over the previous entry's hash and
 * this entry's own content, so that editing or deleting any entry breaks every hash after it.
 */
public record AuditEntry(long seq, Instant occurredAt, String actor, String action, String subject, String outcome,
        String detail, String remoteAddr, String prevHash, String hash) {

    /** The hash of the first entry's predecessor. */
    public static final String GENESIS = "0".repeat(64);

    /** The hash this entry's content and predecessor must have. */
    public String expectedHash() {
        return hashOf(seq, occurredAt, actor, action, subject, outcome, detail, remoteAddr, prevHash);
    }

    static String hashOf(long seq, Instant occurredAt, String actor, String action, String subject, String outcome,
            String detail, String remoteAddr, String prevHash) {
        // Length-prefixed fields: no two different entries serialise to the same text.
        StringBuilder text = new StringBuilder(prevHash);
        for (String field : new String[] {Long.toString(seq), occurredAt.toString(), actor, action, subject, outcome,
                detail == null ? "" : detail, remoteAddr == null ? "" : remoteAddr}) {
            text.append('|').append(field.length()).append(':').append(field);
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
