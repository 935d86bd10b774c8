package org.inspectorate.draw;

import java.util.List;

/**
 * What an officer fills in to prepare a draw: title, rules version, target filters, inspector skills and the
 * draw date (yyyy-MM-dd). Everything is text as typed; the service validates it.
 */
public record DrawInput(String title, String rulesId, String province, String operatorType, String category,
        String gradeLevel, List<String> inspectorSkills, String drawDate) {

    public DrawInput {
        inspectorSkills = inspectorSkills == null ? List.of() : List.copyOf(inspectorSkills);
    }

    public static DrawInput empty() {
        return new DrawInput("", "", "", "", "", "", List.of(), "");
    }
}
