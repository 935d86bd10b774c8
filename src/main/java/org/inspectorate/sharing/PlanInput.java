package org.inspectorate.sharing;

import java.time.LocalDate;

/**
 * A planned inspection as entered: the operator by its credit code, the dates, the scope (检查范围), the team members
 * (检查组成员), and whether the operator's communication administration takes part (会同电信主管部门) — required of
 * another department inspecting a telecom or internet operator.
 */
public record PlanInput(String operatorCreditCode, LocalDate startsOn, LocalDate endsOn, String scope, String members,
        Boolean withAdministration) {

    /** Whether the administration was named; an absent field is not (a JSON body may leave it out). */
    boolean administrationNamed() {
        return Boolean.TRUE.equals(withAdministration);
    }
}
