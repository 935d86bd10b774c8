package org.inspectorate.audit;

/**
 * The outcome of checking the whole chain: intact, or the first entry whose hash or link does not
 * hold, and why. Reasons: {@code missing} (an entry was deleted), {@code link} (an entry does not
 * link to its predecessor's hash), {@code content} (an entry's content no longer matches its hash),
 * {@code truncated} (entries at the end were deleted), {@code head} (the head does not point at the
 * last entry), {@code anchor} (an entry differs from an anchor kept outside the database).
 */
public record ChainVerification(boolean intact, long entriesChecked, Long firstBrokenSeq, String reason) {

    static ChainVerification intact(long checked) {
        return new ChainVerification(true, checked, null, null);
    }

    static ChainVerification broken(long checked, long seq, String reason) {
        return new ChainVerification(false, checked, seq, reason);
    }

    /** The message key naming the reason, for pages and reports. */
    public String reasonMessageKey() {
        return reason == null ? null : "audit.verify.reason." + reason;
    }
}
