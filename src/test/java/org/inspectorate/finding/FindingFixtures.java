package org.inspectorate.finding;

/**
 * Findings as the tests of any module need them, as static factories instead of spelled-out strings; their network
 * units come from {@code NetworkUnitFixtures}.
 */
public final class FindingFixtures {

    private FindingFixtures() {
    }

    /** A finding typed by hand, owned by 李四, without references, vector or campaign. */
    public static NewFinding manual(long unitId, String title, String category, String severity, String dueOn) {
        return new NewFinding(null, unitId, null, title, null, category, severity, null, null, "李四", null, null, null,
                dueOn, FindingSource.MANUAL, null, null);
    }
}
