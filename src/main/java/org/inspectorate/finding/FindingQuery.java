package org.inspectorate.finding;

/**
 * Filters of the findings list; every {@code null} means "any". {@code text} searches title, description and references.
 *
 * @param notSeen          imported findings the latest scan of their scope did ({@code false}) or did not
 *                         ({@code true}) show again
 * @param organisationId   the operator (its own findings, not its subsidiaries')
 * @param provinceCode     operators located in this province (GB/T 2260 code)
 * @param unresolved       {@code true}: OPEN, REOPENED or MITIGATED only; {@code false}: the others
 * @param age              days since the finding was opened
 * @param overdueFor       days past the effective due date (implies overdue)
 */
public record FindingQuery(Severity severity, Category category, FindingStatus status, Boolean overdue,
        Long networkUnitId, FindingSource source, String campaignCode, String text, Boolean notSeen,
        Long organisationId, String provinceCode, Boolean unresolved, AgeBucket age, AgeBucket overdueFor) {

    /** The filters of the register without the regulators' drill-down ones. */
    public FindingQuery(Severity severity, Category category, FindingStatus status, Boolean overdue,
            Long networkUnitId, FindingSource source, String campaignCode, String text) {
        this(severity, category, status, overdue, networkUnitId, source, campaignCode, text, null, null, null, null,
                null, null);
    }

    public static FindingQuery all() {
        return new FindingQuery(null, null, null, null, null, null, null, null);
    }
}
