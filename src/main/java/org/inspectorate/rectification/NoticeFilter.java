package org.inspectorate.rectification;

/**
 * The filters of the notice lists, the same on the page, the API and the export.
 *
 * @param state   only notices in this state ({@code null}: any)
 * @param overdue only notices awaiting the reply past their deadline (逾期)
 * @param q       part of the addressee's name or of the number
 */
public record NoticeFilter(NoticeState state, boolean overdue, String q) {

    public NoticeFilter {
        q = q == null || q.isBlank() ? null : q.strip();
        if (q != null && q.length() > 100) {
            q = q.substring(0, 100);
        }
    }

    public static NoticeFilter none() {
        return new NoticeFilter(null, false, null);
    }
}
