package org.inspectorate.spotcheck;

/**
 * A finding recorded during a check, as typed: the method, the host / URL / repository tested (required for methods
 * under authorisation), the unit (one of the check's), and the finding's own fields as the register takes them;
 * {@code major} marks it a major problem (重大问题) at once, with {@code majorReason}.
 */
public record SpotFindingInput(String method, String host, Long networkUnitId, String title, String description,
        String category, String severity, String references, String cvssVector, Boolean major, String majorReason) {

    /** Whether it is marked major now (an unticked box or a field left out: no). */
    public boolean markedMajor() {
        return Boolean.TRUE.equals(major);
    }

    public static SpotFindingInput empty() {
        return new SpotFindingInput("", "", null, "", "", "", "", "", "", false, "");
    }
}
