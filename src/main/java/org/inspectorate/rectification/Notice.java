package org.inspectorate.rectification;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A rectification notice (整改通知书) as pages and the API read it, with its items.
 *
 * @param authorityCode    the issuing authority's code (a province's, {@code 000000} for the Ministry)
 * @param number           the notice's number (文号, e.g. 京通管网安〔2026〕3号), {@code null} while a draft
 * @param deadline         the reply's deadline in force (the granted extension's date once granted)
 * @param originalDeadline the deadline as issued
 * @param overdue          awaiting the reply past the deadline, as of today (逾期)
 * @param supersedesId     the notice this one corrects or follows up, if any
 * @param followUp         whether it follows up an overdue notice (rather than correcting one)
 */
public record Notice(long id, String authorityCode, String authorityName, long operatorId, String operatorName,
        NoticeState state, String number, List<LegalBasis> basis, String body, LocalDate deadline,
        LocalDate originalDeadline, boolean overdue, Long supersedesId, boolean followUp, Long supersededById,
        String issuedBy, Instant issuedAt, String readBy, Instant readAt, Instant repliedAt,
        Accountability accountability, Extension extension, Instant closedAt, List<Item> items, int version) {

    public Notice {
        basis = List.copyOf(basis);
        items = List.copyOf(items);
    }

    /** One finding the notice covers, with the operator's latest answer and the latest verification. */
    public record Item(long findingId, int seqNo, String findingTitle, String findingSeverity, String findingAsset,
            ItemState state, String reply, Instant repliedAt, int evidenceCount, String verdictReason,
            String verifiedBy, Instant verifiedAt) {
    }

    /** The accountability report (问责): the responsible department and person, and the measure taken. */
    public record Accountability(String department, String person, String measure) {
    }

    /** The extension request (延期申请) and its decision ({@code granted} null while pending). */
    public record Extension(String reason, LocalDate until, Instant requestedAt, Boolean granted, String decidedBy,
            Instant decidedAt, String refusal) {
    }

    /** How many of the items are closed. */
    public long closedItems() {
        return items.stream().filter(i -> i.state() == ItemState.CLOSED).count();
    }
}
