package org.inspectorate.filing;

/** Filters of the network unit list; {@code null} means "any". */
public record UnitQuery(FilingState state, GradeLevel gradeLevel, NetworkCategory category, String text) {

    public static UnitQuery all() {
        return new UnitQuery(null, null, null, null);
    }
}
