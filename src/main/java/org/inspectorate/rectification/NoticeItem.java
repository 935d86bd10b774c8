package org.inspectorate.rectification;

import java.time.Instant;

/**
 * One finding a notice covers (整改事项), part of the {@link RectificationNotice} aggregate: the finding as it was when
 * the notice was drafted (title, severity, asset: what the document says), the operator's latest answer and the
 * latest verification. Changed only through the notice.
 */
final class NoticeItem {

    private final long id;
    private final int seqNo;
    private final long findingId;
    private final String findingTitle;
    private final String findingSeverity;
    private final String findingAsset;
    private ItemState state;
    private String reply;
    private Instant repliedAt;
    private int evidenceCount;
    private String verdictReason;
    private String verifiedBy;
    private Instant verifiedAt;

    NoticeItem(long id, int seqNo, long findingId, String findingTitle, String findingSeverity, String findingAsset,
            ItemState state) {
        this.id = id;
        this.seqNo = seqNo;
        this.findingId = findingId;
        this.findingTitle = findingTitle;
        this.findingSeverity = findingSeverity;
        this.findingAsset = findingAsset;
        this.state = state;
    }

    /** Restores the reply and verification (the repository's row). */
    NoticeItem restore(String reply, Instant repliedAt, int evidenceCount, String verdictReason, String verifiedBy,
            Instant verifiedAt) {
        this.reply = reply;
        this.repliedAt = repliedAt;
        this.evidenceCount = evidenceCount;
        this.verdictReason = verdictReason;
        this.verifiedBy = verifiedBy;
        this.verifiedAt = verifiedAt;
        return this;
    }

    void reply(String answer, int newEvidence, Instant at) {
        state = ItemState.REPLIED;
        reply = answer;
        repliedAt = at;
        evidenceCount += newEvidence;
    }

    void verify(boolean accepted, String reason, String by, Instant at) {
        state = accepted ? ItemState.CLOSED : ItemState.REJECTED;
        verdictReason = reason;
        verifiedBy = by;
        verifiedAt = at;
    }

    void reopen(String reason) {
        state = ItemState.REOPENED;
        verdictReason = reason;
    }

    long id() {
        return id;
    }

    int seqNo() {
        return seqNo;
    }

    long findingId() {
        return findingId;
    }

    String findingTitle() {
        return findingTitle;
    }

    String findingSeverity() {
        return findingSeverity;
    }

    String findingAsset() {
        return findingAsset;
    }

    ItemState state() {
        return state;
    }

    String reply() {
        return reply;
    }

    Instant repliedAt() {
        return repliedAt;
    }

    int evidenceCount() {
        return evidenceCount;
    }

    String verdictReason() {
        return verdictReason;
    }

    String verifiedBy() {
        return verifiedBy;
    }

    Instant verifiedAt() {
        return verifiedAt;
    }
}
