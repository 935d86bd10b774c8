package org.inspectorate.draw;

import java.util.List;

/**
 * A new version of draw rules as typed: quotas one per line, as
 * {@code operatorType=VALUE_ADDED_TELECOM; per=province; atLeast=10}.
 */
public record RulesInput(String name, String sampleSize, String teamSize, List<String> requiredSkills,
        String leaderSkill, String maxTargetsPerAgency, String conflictLookbackYears, String recentInspectionMonths,
        String quotas) {

    public RulesInput {
        requiredSkills = requiredSkills == null ? List.of() : List.copyOf(requiredSkills);
    }

    public static RulesInput empty() {
        return new RulesInput("", "10", "2", List.of(), "TEAM_LEADER", "3", "3", "12", "");
    }
}
