package org.inspectorate.finding;

/** Filters of the findings list; every {@code null} means "any". {@code text} searches title, description and references. */
public record FindingQuery(Severity severity, Category category, FindingStatus status, Boolean overdue,
        Long networkUnitId, FindingSource source, String campaignCode, String text) {

    public static FindingQuery all() {
        return new FindingQuery(null, null, null, null, null, null, null, null);
    }
}
