package org.inspectorate.finding;

/**
 * Filters of the findings list; every {@code null} means "any". {@code text} searches title, description and
 * references; {@code notSeen} keeps imported findings the latest scan of their scope did (not) show again.
 */
public record FindingQuery(Severity severity, Category category, FindingStatus status, Boolean overdue,
        Long networkUnitId, FindingSource source, String campaignCode, String text, Boolean notSeen) {

    public FindingQuery(Severity severity, Category category, FindingStatus status, Boolean overdue,
            Long networkUnitId, FindingSource source, String campaignCode, String text) {
        this(severity, category, status, overdue, networkUnitId, source, campaignCode, text, null);
    }

    public static FindingQuery all() {
        return new FindingQuery(null, null, null, null, null, null, null, null);
    }
}
