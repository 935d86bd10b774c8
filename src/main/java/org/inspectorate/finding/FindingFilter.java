package org.inspectorate.finding;

import org.inspectorate.organisation.Province;

/**
 * The register's filters as a page's query parameters, read leniently (an unknown or malformed value means
 * "any", as the filter form's own values never are): the same for the list and its exports, so both read the
 * same rows. {@code operator}, {@code province}, {@code unresolved}, {@code age} and {@code overdueFor} come from
 * the regulators' drill-down links.
 */
record FindingFilter(String severity, String category, String status, String overdue, String unit, String source,
        String campaign, String q, String notSeen, String operator, String province, String unresolved, String age,
        String overdueFor) {

    FindingQuery toQuery() {
        return new FindingQuery(FindingPages.lenient(severity, Severity.class),
                FindingPages.lenient(category, Category.class), FindingPages.lenient(status, FindingStatus.class),
                bool(overdue), number(unit), FindingPages.lenient(source, FindingSource.class), blankToNull(campaign),
                blankToNull(q), bool(notSeen), number(operator),
                Province.ofCode(province == null ? "" : province.strip()).map(Province::code).orElse(null),
                bool(unresolved), FindingPages.lenient(age, AgeBucket.class),
                FindingPages.lenient(overdueFor, AgeBucket.class));
    }

    private static Boolean bool(String s) {
        String v = blankToNull(s);
        return "true".equalsIgnoreCase(v) ? Boolean.TRUE : "false".equalsIgnoreCase(v) ? Boolean.FALSE : null;
    }

    private static Long number(String s) {
        try {
            return s == null || s.isBlank() ? null : Long.valueOf(s.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
