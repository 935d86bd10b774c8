package org.inspectorate.audit;

/**
 * The outcome of checking the whole chain: intact, or the first entry whose hash or link does not
 * hold, and why.
 */
public record ChainVerification(boolean intact, long entriesChecked, Long firstBrokenSeq, String reason) {

    static ChainVerification intact(long checked) {
        return new ChainVerification(true, checked, null, null);
    }

    static ChainVerification broken(long checked, long seq, String reason) {
        return new ChainVerification(false, checked, seq, reason);
    }
}
