package org.inspectorate.audit;

/**
 * The outcome of checking the whole chain: intact, or the first entry whose hash or link does not
 * hold, and why. Reasons: {@code missing} (an entry was deleted), {@code link} (an entry does not
 * link to its predecessor's hash), {@code content} (an entry's content no longer matches its hash, or a
 * stored value derived from a covered one no longer matches it), {@code truncated} (entries at the end
 * were deleted), {@code head} (the head does not point at the last entry), {@code anchor} (an entry
 * differs from an anchor kept outside the database), {@code anchorfile} (the anchor file exists but does
 * not read as an anchor; nothing was verified).
 *
 * <p>{@code tailCheck} says what the verification knew about the tail: {@code anchored} (the anchor
 * file's newest anchor was checked), {@code no-anchor-yet} (the file is configured but empty) or
 * {@code unreadable} (see {@code anchorfile}) or
 * {@code not-configured} (no anchor file: a cut tail with a rewound head is only found against anchors
 * kept elsewhere, {@code --inspectorate.audit.anchor}).
 */
public record ChainVerification(boolean intact, long entriesChecked, Long firstBrokenSeq, String reason,
        String tailCheck) {

    /** The result without anything known about the tail. */
    public ChainVerification(boolean intact, long entriesChecked, Long firstBrokenSeq, String reason) {
        this(intact, entriesChecked, firstBrokenSeq, reason, null);
    }

    static ChainVerification intact(long checked, String tailCheck) {
        return new ChainVerification(true, checked, null, null, tailCheck);
    }

    static ChainVerification broken(long checked, long seq, String reason) {
        return new ChainVerification(false, checked, seq, reason, null);
    }

    static ChainVerification broken(long checked, long seq, String reason, String tailCheck) {
        return new ChainVerification(false, checked, seq, reason, tailCheck);
    }

    ChainVerification withTailCheck(String check) {
        return new ChainVerification(intact, entriesChecked, firstBrokenSeq, reason, check);
    }

    /** Whether a cut tail with a rewound head would have gone unnoticed: no anchor was checked. */
    public boolean tailUnchecked() {
        return !"anchored".equals(tailCheck);
    }

    /** The message key naming the reason, for pages and reports. */
    public String reasonMessageKey() {
        return reason == null ? null : "audit.verify.reason." + reason;
    }

    /** The message key saying what was known about the tail. */
    public String tailCheckMessageKey() {
        return tailCheck == null ? null : "audit.verify.tail." + tailCheck;
    }
}
