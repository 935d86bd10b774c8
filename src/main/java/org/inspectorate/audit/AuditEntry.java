package org.inspectorate.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * One entry of the audit trail. Its {@link #hash} is SHA-256 over the previous entry's hash and
 * this entry's own content, so that editing or deleting any entry breaks every hash after it.
 *
 * <p>The hash input is versioned ({@link #hashVersion}, a stored column that the input itself names, so
 * that changing it breaks the hash too): {@link #V1} for entries written before the scheme had a version
 * (its column is NULL), {@link #V2} for every entry written since. Old chains keep verifying under the
 * version they were written with; a new scheme adds a version and never changes an old one.
 * See docs/operations.md, "What the hash covers".
 */
public record AuditEntry(long seq, Instant occurredAt, String actor, String action, String subject, String outcome,
        String detail, String remoteAddr, String prevHash, String hash, int hashVersion) {

    /** The hash of the first entry's predecessor. */
    public static final String GENESIS = "0".repeat(64);

    /** The first scheme: a missing detail or address hashes like an empty one. */
    public static final int V1 = 1;

    /**
     * The current scheme: the input starts with {@code v2}, and a missing detail or address is written
     * differently from an empty one, so that no stored value can change without changing the hash.
     */
    public static final int V2 = 2;

    /** The scheme every new entry is hashed with. */
    public static final int CURRENT = V2;

    /** An entry of the current scheme. */
    public AuditEntry(long seq, Instant occurredAt, String actor, String action, String subject, String outcome,
            String detail, String remoteAddr, String prevHash, String hash) {
        this(seq, occurredAt, actor, action, subject, outcome, detail, remoteAddr, prevHash, hash, CURRENT);
    }

    /** The hash this entry's content and predecessor must have, under the scheme it names. */
    public String expectedHash() {
        return hashOf(hashVersion, seq, occurredAt, actor, action, subject, outcome, detail, remoteAddr, prevHash);
    }

    /** The hash under the current scheme. */
    static String hashOf(long seq, Instant occurredAt, String actor, String action, String subject, String outcome,
            String detail, String remoteAddr, String prevHash) {
        return hashOf(CURRENT, seq, occurredAt, actor, action, subject, outcome, detail, remoteAddr, prevHash);
    }

    /**
     * The hash under scheme {@code version}; an unknown version never matches a stored hash.
     * Length-prefixed fields: no two different entries serialise to the same text.
     */
    static String hashOf(int version, long seq, Instant occurredAt, String actor, String action, String subject,
            String outcome, String detail, String remoteAddr, String prevHash) {
        StringBuilder text = new StringBuilder();
        if (version == V1) {
            text.append(prevHash);
            for (String field : new String[] {Long.toString(seq), occurredAt.toString(), actor, action, subject,
                    outcome, detail == null ? "" : detail, remoteAddr == null ? "" : remoteAddr}) {
                text.append('|').append(field.length()).append(':').append(field);
            }
        } else if (version == V2) {
            text.append("v2|").append(prevHash);
            for (String field : new String[] {Long.toString(seq), Long.toString(occurredAt.toEpochMilli()), actor,
                    action, subject, outcome, detail, remoteAddr}) {
                // A missing value is "-", a present one "<length>:<text>": NULL and '' differ.
                text.append('|').append(field == null ? "-" : field.length() + ":" + field);
            }
        } else {
            return "unknown hash version " + version;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
